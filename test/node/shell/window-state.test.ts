import { describe, expect, it } from 'vitest'
import { type DisplayArea, placeWindow, type WindowState } from '../../../src/main/electron/window-state'

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 0, width: 1366, height: 728 } }
const monitor: DisplayArea = { id: 2, workArea: { x: 1366, y: 0, width: 2560, height: 1400 } }
const saved = (bounds: WindowState['bounds'], displayId = 2, maximized = false): WindowState => ({
  bounds,
  displayId,
  maximized,
  theme: 'dark',
})

describe('where the window opens', () => {
  it('fits a first launch inside a 1366×768 screen’s work area, centred', () => {
    const { bounds } = placeWindow(null, [laptop], laptop)
    expect(bounds.width).toBeLessThanOrEqual(1366)
    expect(bounds.height).toBeLessThanOrEqual(728)
    expect(bounds.x).toBeGreaterThanOrEqual(0)
    expect(bounds.y).toBeGreaterThanOrEqual(0)
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(728)
  })

  it('opens where it was, on the monitor it was on, maximised if it was', () => {
    const last = saved({ x: 1500, y: 100, width: 1600, height: 1000 }, 2, true)
    expect(placeWindow(last, [laptop, monitor], laptop)).toEqual({ bounds: last.bounds, maximized: true })
  })

  it('comes back to the primary screen when the monitor it was on is gone (off-screen guard)', () => {
    const { bounds } = placeWindow(saved({ x: 1500, y: 100, width: 1600, height: 1000 }), [laptop], laptop)
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(1366)
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(728)
  })

  it('pulls a window hanging off an edge back inside, and shrinks one larger than the screen', () => {
    const { bounds } = placeWindow(saved({ x: 900, y: 500, width: 2000, height: 1200 }, 1), [laptop], laptop)
    expect(bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 })
  })
})
