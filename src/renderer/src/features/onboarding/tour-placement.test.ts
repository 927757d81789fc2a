import { describe, expect, it } from 'vitest'
import { type Box, GAP, placeCard } from './tour-placement'

const card = { width: 340, height: 200 }
const small = { width: 720, height: 450 }
const cardBox = (at: { top: number; left: number }): Box => ({ ...at, ...card })
const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height
const inWindow = (box: Box, view: { width: number; height: number }) =>
  box.top >= 0 && box.left >= 0 && box.top + box.height <= view.height && box.left + box.width <= view.width

describe('placeCard', () => {
  it('goes below a target with room under it, lined up with its left edge', () => {
    const target = { top: 40, left: 320, width: 200, height: 30 }
    expect(placeCard(card, small, target, [])).toEqual({ top: 40 + 30 + GAP, left: 320 })
  })

  it('at 720×450 leaves the welcome title it points at uncovered', () => {
    const title = { top: 48, left: 332, width: 360, height: 40 }
    const at = cardBox(placeCard(card, small, title, [title]))
    expect(overlaps(at, title)).toBe(false)
    expect(inWindow(at, small)).toBe(true)
  })

  it('at 720×450 points at the patient list beside it, leaving the page title uncovered', () => {
    const list = { top: 60, left: 0, width: 300, height: 390 }
    const title = { top: 48, left: 332, width: 360, height: 40 }
    const at = cardBox(placeCard(card, small, list, [title]))
    expect(overlaps(at, list)).toBe(false)
    expect(overlaps(at, title)).toBe(false)
    expect(inWindow(at, small)).toBe(true)
  })

  it('over a target filling the window, keeps the title clear first and covers as little of the target as it can', () => {
    const panel = { top: 100, left: 0, width: 720, height: 350 }
    const title = { top: 20, left: 20, width: 300, height: 40 }
    const at = cardBox(placeCard(card, small, panel, [title]))
    expect(overlaps(at, title)).toBe(false)
    expect(inWindow(at, small)).toBe(true)
  })

  it('with no target, sits in the top right corner', () => {
    expect(placeCard(card, small, null, [])).toEqual({ top: GAP * 2, left: 720 - 340 - GAP * 2 })
  })
})
