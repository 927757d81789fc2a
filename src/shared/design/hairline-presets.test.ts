import { describe, expect, it } from 'vitest'
import { distanceToLine, type Line, sideOfLine } from '../geometry/line'
import type { Point } from '../geometry/point'
import { hairlineControls } from './hairline'
import { HAIRLINE_PRESETS, type HairlinePreset, presetFrame, presetHalf } from './hairline-presets'
import { upDirection } from './landmarks'

const p = (x: number, y: number): Point => ({ x, y })
const near = (x: number, y: number) => ({ x: expect.closeTo(x, 6), y: expect.closeTo(y, 6) })
const PRESETS = HAIRLINE_PRESETS.map((preset) => preset.value)
/** 8 cm of tape over the default 8 cm forehead radius, flat on a photo at 10 px/mm. */
const FLAT_8_CM = 80 * Math.sin(1) * 10

const IMAGE = { width: 2000, height: 3000 }
const GLABELLA = p(1000, 1500)
/** A vertical midline through the glabella, drawn upward. */
const MIDLINE: Line = { a: GLABELLA, b: p(1000, 500) }
/** A midline tilted as by a turned head: up the forehead is (0.6, -0.8). */
const TILTED: Line = { a: GLABELLA, b: p(1060, 1420) }

/** True to size: 10 px per mm, with the glabella and midline placed. */
const trueToSize = () => presetFrame(IMAGE, GLABELLA, MIDLINE, upDirection(MIDLINE), 10)

describe('preset frame', () => {
  it('stands on the glabella, up the midline, at the photo’s scale, drawn on the photo’s left', () => {
    expect(trueToSize()).toEqual({ origin: GLABELLA, up: p(0, -1), side: near(-1, 0), pxPerMm: 10 })
  })

  it('turns with a tilted midline, its side at right angles to up and still toward the photo’s left', () => {
    const frame = presetFrame(IMAGE, GLABELLA, TILTED, upDirection(TILTED), 10)
    expect(frame.up).toEqual(near(0.6, -0.8))
    expect(frame.side).toEqual(near(-0.8, -0.6))
  })

  it('sits on the photo’s centre line, low in the photo, without a glabella or midline', () => {
    expect(presetFrame(IMAGE, null, null, p(0, -1), 10).origin).toEqual(p(1000, 2400))
  })

  it('sits on the midline, low in the photo, without a glabella', () => {
    // The midline x = 1000 + y / 10 passes y = 2400 (80 % of 3000) at x = 1240.
    const midline: Line = { a: p(1000, 0), b: p(1200, 2000) }
    expect(presetFrame(IMAGE, null, midline, upDirection(midline), 10).origin).toEqual(p(1240, 2400))
  })

  it.each([
    // 8 cm = 80 mm spread over 1200 px (40 % of 3000): 15 px per mm.
    ['a landscape photo', 4000, 3000, 15],
    // 40 % of 4000 px over 80 mm: the 6.7 cm offset is then 1340 px, inside half the width.
    ['a 3:4 portrait', 3000, 4000, 20],
  ])(
    'takes the mid-frontal height as 40 %% of the height of %s without a calibration',
    (_label, width, height, scale) => {
      expect(presetFrame({ width, height }, GLABELLA, MIDLINE, p(0, -1), null).pxPerMm).toBeCloseTo(scale, 9)
    },
  )

  it.each([
    // 40 % of 1920 px would be 9.6 px/mm, putting the 67 mm offset 643 px out: past the edge of a
    // 1080 px wide photo. Held to 45 % of the width instead: 486 px over 67 mm.
    ['a tall phone photo', 1080, 1920, 486 / 67],
    // 15 px/mm would put the offset 1005 px out, past half of 2000 px: 900 px over 67 mm instead.
    ['a 2:3 portrait', 2000, 3000, 900 / 67],
  ])('takes less on %s, too narrow for the preset', (_label, width, height, scale) => {
    expect(presetFrame({ width, height }, null, null, p(0, -1), null).pxPerMm).toBeCloseTo(scale, 9)
  })
})

describe('preset halves', () => {
  it('puts the rounded preset’s midline point 8 cm of tape above the glabella, reaching 6.7 cm to the side', () => {
    const half = presetHalf('rounded', trueToSize())
    // 8 cm of tape over a forehead of 8 cm radius shows as 8·sin(1) = 6.73 cm flat: 673 px at 10 px/mm.
    expect(half.at(-1)).toEqual(near(1000, 1500 - FLAT_8_CM))
    expect(Math.min(...half.map((q) => q.x))).toBeCloseTo(330, 6)
  })

  it.each(PRESETS)('draws the %s preset on the left, from the temple to the midline', (preset) => {
    const half = presetHalf(preset, trueToSize())
    expect(half.length).toBeGreaterThanOrEqual(3)
    expect(half.at(-1)?.x).toBeCloseTo(1000, 6)
    for (const point of half.slice(0, -1)) expect(point.x).toBeLessThan(1000)
    // The temporal end comes down toward the face, below every other point.
    const temple = half[0] as Point
    for (const point of half.slice(1)) expect(temple.y).toBeGreaterThan(point.y)
    // All of it lies above the glabella.
    for (const point of half) expect(point.y).toBeLessThan(GLABELLA.y)
  })

  it('gives the straight preset a level front and the widow’s peak a dip at the midline', () => {
    const straight = presetHalf('straight', trueToSize())
    expect(straight.at(-1)?.y).toBeCloseTo(1500 - FLAT_8_CM, 6)
    expect(straight.at(-2)?.y).toBeCloseTo(1500 - FLAT_8_CM, 6)
    const peak = presetHalf('widows-peak', trueToSize())
    // The peak points down toward the face: the midline point is the lowest of the front.
    expect(peak.at(-1)?.y).toBeGreaterThan(peak.at(-2)?.y ?? Infinity)
    expect(peak.at(-1)?.y).toBeGreaterThan(1500 - FLAT_8_CM)
  })

  it('scales with the artist’s height and offset', () => {
    const half = presetHalf('rounded', trueToSize(), 7, 6)
    // 7 cm of tape is 8·sin(7/8) = 6.14 cm flat.
    expect(half.at(-1)).toEqual(near(1000, 1500 - 80 * Math.sin(7 / 8) * 10))
    expect(Math.min(...half.map((q) => q.x))).toBeCloseTo(400, 6)
  })

  it('follows a tilted midline', () => {
    const half = presetHalf('rounded', presetFrame(IMAGE, GLABELLA, TILTED, upDirection(TILTED), 10))
    // 673 px up the forehead along (0.6, -0.8).
    expect(half.at(-1)).toEqual(near(1000 + 0.6 * FLAT_8_CM, 1500 - 0.8 * FLAT_8_CM))
    expect(Math.max(...half.map((q) => distanceToLine(q, TILTED)))).toBeCloseTo(670, 6)
    const sides = new Set(half.slice(0, -1).map((q) => sideOfLine(q, TILTED)))
    expect(sides.size).toBe(1)
  })

  it.each([
    ['a landscape photo', 4000, 3000],
    ['a portrait photo', 3000, 4000],
    ['a square photo', 2000, 2000],
    ['a 2:3 portrait photo', 2000, 3000],
    ['a tall phone photo', 1080, 1920],
    ['a panorama', 6000, 1500],
  ])('fits the whole mirrored preset inside %s (%i × %i) without a calibration', (_label, width, height) => {
    const midline: Line = { a: p(width / 2, height), b: p(width / 2, 0) }
    for (const preset of PRESETS as HairlinePreset[]) {
      const frame = presetFrame({ width, height }, null, midline, upDirection(midline), null)
      const half = presetHalf(preset, frame)
      const { points } = hairlineControls({ points: half, mirror: true }, midline)
      expect(points.length).toBe(2 * half.length - 1)
      for (const point of points) {
        expect(point.x).toBeGreaterThanOrEqual(0)
        expect(point.x).toBeLessThanOrEqual(width)
        expect(point.y).toBeGreaterThanOrEqual(0)
        expect(point.y).toBeLessThanOrEqual(height)
      }
    }
  })
})
