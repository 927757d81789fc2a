import { describe, expect, it } from 'vitest'
import type { Line } from '../geometry/line'
import type { Point } from '../geometry/point'
import type { HairlineObject } from './design-types'
import {
  hairlineBand,
  hairlineControls,
  hairlineCurve,
  insertHairlinePoint,
  moveHairlinePoint,
  seedOf,
  setHairlineMirror,
} from './hairline'

const p = (x: number, y: number): Point => ({ x, y })
/** A point that matches (x, y) to nine decimals: a reflection may be off in the last bit. */
const near = (x: number, y: number) => ({ x: expect.closeTo(x, 9), y: expect.closeTo(y, 9) })

/** A vertical facial midline at x = 500, drawn from the chin up. */
const MIDLINE: Line = { a: p(500, 900), b: p(500, 100) }
/** A tilted midline through (10, 20) along (3, 4): it reflects (x, y) to (10, 20) + [[-7/25, 24/25], [24/25, 7/25]] (x - 10, y - 20). */
const TILTED: Line = { a: p(10, 20), b: p(13, 24) }

/** The left half of a hairline, from the temple to a point on the midline. */
const HALF_TO_MIDLINE = [p(200, 600), p(300, 400), p(420, 330), p(500, 320)]
/** The same half stopping 20 px short of the midline. */
const HALF_SHORT = [p(200, 600), p(300, 400), p(420, 330), p(480, 320)]

function hairline(points: Point[], mirror = true): HairlineObject {
  return {
    id: 'hl',
    kind: 'hairline',
    name: 'Hairline',
    colour: '#aa3322',
    hidden: false,
    locked: false,
    points,
    mirror,
    featherMm: 4,
    irregularity: 0.5,
  }
}

describe('hairline control points', () => {
  it('adds the reflection of the stored half, in reverse, so the line runs temple to temple', () => {
    const { points, sources } = hairlineControls(hairline(HALF_TO_MIDLINE), MIDLINE)
    // The midline point is shared by both halves, not drawn twice.
    expect(points).toEqual([...HALF_TO_MIDLINE, p(580, 330), p(700, 400), p(800, 600)])
    expect(sources).toEqual([
      { index: 0, mirrored: false },
      { index: 1, mirrored: false },
      { index: 2, mirrored: false },
      { index: 3, mirrored: false },
      { index: 2, mirrored: true },
      { index: 1, mirrored: true },
      { index: 0, mirrored: true },
    ])
  })

  it('mirrors every point of a half that stops short of the midline', () => {
    const { points, sources } = hairlineControls(hairline(HALF_SHORT), MIDLINE)
    expect(points).toEqual([...HALF_SHORT, p(520, 320), p(580, 330), p(700, 400), p(800, 600)])
    expect(sources.slice(4)).toEqual([
      { index: 3, mirrored: true },
      { index: 2, mirrored: true },
      { index: 1, mirrored: true },
      { index: 0, mirrored: true },
    ])
  })

  it.each([
    ['on the midline', 500, 7],
    ['0.4 px off the midline', 500.4, 7],
    ['0.4 px off, on the other side', 499.6, 7],
    ['1 px off the midline', 501, 8],
    ['20 px short of the midline', 480, 8],
  ])('a half ending %s gives %i drawn points', (_label, x, count) => {
    expect(hairlineControls(hairline([...HALF_TO_MIDLINE.slice(0, 3), p(x, 320)]), MIDLINE).points).toHaveLength(count)
  })

  it('mirrors about a tilted midline', () => {
    const { points } = hairlineControls(hairline([p(15, 20), p(16, 28)]), TILTED)
    expect(points).toEqual([p(15, 20), p(16, 28), near(8.6, 24.8)])
  })

  it.each([
    ['mirror is off', hairline(HALF_SHORT, false), MIDLINE],
    ['no midline is placed', hairline(HALF_SHORT), null],
  ])('draws only the stored points when %s', (_label, object, midline) => {
    const { points, sources } = hairlineControls(object, midline)
    expect(points).toEqual(HALF_SHORT)
    expect(sources.every((source, i) => source.index === i && !source.mirrored)).toBe(true)
  })

  it('draws nothing for a hairline with no points', () => {
    expect(hairlineControls(hairline([]), MIDLINE)).toEqual({ points: [], sources: [] })
  })
})

describe('hairline curve', () => {
  it('is a smooth line through every drawn point, symmetric about the midline', () => {
    const curve = hairlineCurve(hairline(HALF_TO_MIDLINE), MIDLINE)
    const drawn = [...HALF_TO_MIDLINE, p(580, 330), p(700, 400), p(800, 600)]
    expect(curve.length).toBeGreaterThan(drawn.length * 10)
    const n = curve.length
    const perSpan = (n - 1) / (drawn.length - 1)
    drawn.forEach((point, i) => {
      expect(curve[i * perSpan]?.x).toBeCloseTo(point.x, 9)
      expect(curve[i * perSpan]?.y).toBeCloseTo(point.y, 9)
    })
    curve.forEach((sample, i) => {
      expect(sample.x - 500).toBeCloseTo(500 - (curve[n - 1 - i] as Point).x, 6)
      expect(sample.y).toBeCloseTo((curve[n - 1 - i] as Point).y, 6)
    })
  })
})

describe('moving a hairline point', () => {
  it('moves a stored point where it is dragged', () => {
    const object = hairline(HALF_TO_MIDLINE)
    const moved = moveHairlinePoint(object, MIDLINE, 1, p(310, 390))
    expect(moved).toEqual([p(200, 600), p(310, 390), p(420, 330), p(500, 320)])
    expect(object.points).toEqual(HALF_TO_MIDLINE)
  })

  it('moves the stored original of a reflected point to the reflection of where it is dragged', () => {
    const object = hairline(HALF_TO_MIDLINE)
    // Drawn point 5 is the reflection of stored point 1.
    const moved = moveHairlinePoint(object, MIDLINE, 5, p(720, 410))
    expect(moved).toEqual([p(200, 600), near(280, 410), p(420, 330), p(500, 320)])
    // Both sides of the drawn line follow the drag.
    const drawn = hairlineControls({ ...object, points: moved }, MIDLINE).points
    expect(drawn[5]).toEqual(near(720, 410))
    expect(drawn[1]).toEqual(near(280, 410))
  })

  it('moves the stored point nearest the midline when its reflection beside the midline is dragged', () => {
    const moved = moveHairlinePoint(hairline(HALF_SHORT), MIDLINE, 4, p(530, 310))
    expect(moved[3]).toEqual(near(470, 310))
  })

  it('reflects a drag about a tilted midline', () => {
    const moved = moveHairlinePoint(hairline([p(15, 20), p(16, 28)]), TILTED, 2, p(10, 25))
    expect(moved).toEqual([near(14.8, 21.4), p(16, 28)])
  })

  it('changes nothing for a point that is not drawn', () => {
    const object = hairline(HALF_TO_MIDLINE)
    expect(moveHairlinePoint(object, MIDLINE, 7, p(0, 0))).toBe(object.points)
    expect(moveHairlinePoint(object, null, 4, p(0, 0))).toBe(object.points)
  })
})

describe('inserting a hairline point', () => {
  /** Where the inserted point is drawn: the drawn point that comes from the returned source. */
  function drawnInsert(object: HairlineObject, midline: Line | null, span: number, at: Point) {
    const { points, source } = insertHairlinePoint(object, midline, span, at)
    const drawn = hairlineControls({ ...object, points }, midline)
    const index = drawn.sources.findIndex((s) => s.index === source.index && s.mirrored === source.mirrored)
    return { stored: points, drawn: drawn.points, index }
  }

  it.each([
    ['between two stored points', HALF_TO_MIDLINE, 1, p(360, 360), 2],
    ['between two reflected points', HALF_TO_MIDLINE, 4, p(640, 360), 6],
    ['between the midline point and the first reflected point', HALF_TO_MIDLINE, 3, p(540, 322), 5],
    ['across the midline, clicked on the reflected side', HALF_SHORT, 3, p(510, 318), 5],
    ['across the midline, clicked on the stored side', HALF_SHORT, 3, p(490, 318), 4],
  ])('puts a point clicked %s where it was clicked, in order along the line', (_label, half, span, at, drawnAt) => {
    const object = hairline(half)
    const { stored, drawn, index } = drawnInsert(object, MIDLINE, span, at)
    expect(stored).toHaveLength(half.length + 1)
    expect(index).toBe(drawnAt)
    expect(drawn[index]).toEqual(near(at.x, at.y))
    // Every other drawn point stays where it was.
    const before = hairlineControls(object, MIDLINE).points
    expect(drawn.filter((_, i) => i !== index && i !== drawn.length - 1 - index)).toEqual(
      before.map((q) => near(q.x, q.y)),
    )
  })

  it('inserts into a hairline without mirror between the clicked span’s points', () => {
    const { stored, index } = drawnInsert(hairline(HALF_SHORT, false), MIDLINE, 2, p(450, 325))
    expect(stored).toEqual([...HALF_SHORT.slice(0, 3), p(450, 325), HALF_SHORT[3]])
    expect(index).toBe(3)
  })
})

describe('turning mirror on and off', () => {
  it('writes out both halves when mirror goes off, so nothing moves on screen', () => {
    const object = hairline(HALF_TO_MIDLINE)
    const points = setHairlineMirror(object, MIDLINE, false)
    expect(hairlineControls({ points, mirror: false }, MIDLINE).points).toEqual(
      hairlineControls(object, MIDLINE).points,
    )
  })

  it('keeps the first side and the midline point when mirror goes on, so a symmetric line looks the same', () => {
    const full = hairlineControls(hairline(HALF_TO_MIDLINE), MIDLINE).points
    const points = setHairlineMirror(hairline(full, false), MIDLINE, true)
    expect(points).toEqual(HALF_TO_MIDLINE)
    expect(hairlineControls({ points, mirror: true }, MIDLINE).points).toEqual(full)
  })

  it('changes nothing without a midline or when the setting stays the same', () => {
    const object = hairline(HALF_TO_MIDLINE)
    expect(setHairlineMirror(object, null, false)).toBe(object.points)
    expect(setHairlineMirror(object, MIDLINE, true)).toBe(object.points)
  })
})

describe('hairline band', () => {
  const curve = hairlineCurve(hairline(HALF_TO_MIDLINE), MIDLINE)
  const n = curve.length
  /** The band's lower edge, one point per curve point, in the curve's order. */
  const lowerEdge = (band: Point[]) => band.slice(n).reverse()
  const depths = (band: Point[]) =>
    lowerEdge(band).map((low, i) => Math.hypot(low.x - (curve[i] as Point).x, low.y - (curve[i] as Point).y))

  it('is a closed outline: the curve, then its lower edge back', () => {
    const band = hairlineBand(curve, 40, 0.5, 7)
    expect(band).toHaveLength(2 * n)
    expect(band.slice(0, n)).toEqual(curve)
  })

  it('is exactly the feather width deep everywhere with no irregularity', () => {
    const band = hairlineBand(curve, 40, 0, seedOf('hl'))
    for (const depth of depths(band)) expect(depth).toBeCloseTo(40, 9)
    // Where the hairline is level, on the midline, the band reaches straight down the photo.
    const onMidline = lowerEdge(band)[(n - 1) / 2]
    expect(onMidline?.x).toBeCloseTo(500, 6)
    expect(onMidline?.y).toBeCloseTo(360, 6)
  })

  it.each([0, 0.5, 1])('lies below the curve, toward the face, at irregularity %d', (irregularity) => {
    const band = hairlineBand(curve, 40, irregularity, 11)
    lowerEdge(band).forEach((low, i) => {
      expect(low.y).toBeGreaterThanOrEqual((curve[i] as Point).y)
    })
  })

  it.each([
    ['left to right', [p(0, 100), p(250, 100), p(500, 100), p(750, 100), p(1000, 100)]],
    ['right to left', [p(1000, 100), p(750, 100), p(500, 100), p(250, 100), p(0, 100)]],
  ])('hangs below a level line drawn %s', (_label, level) => {
    const band = hairlineBand(level, 25, 0, 1)
    expect(band.slice(level.length)).toEqual([...level].reverse().map(({ x }) => p(x, 125)))
  })

  it('draws the same broken edge every time for one seed, and another for another seed', () => {
    const seed = seedOf('hairline-1')
    expect(hairlineBand(curve, 40, 0.8, seed)).toEqual(hairlineBand(curve, 40, 0.8, seed))
    const other = hairlineBand(curve, 40, 0.8, seedOf('hairline-2'))
    expect(other).not.toEqual(hairlineBand(curve, 40, 0.8, seed))
    // The line itself is the same; only the broken lower edge differs.
    expect(other.slice(0, n)).toEqual(curve)
  })

  it('breaks the edge more the more irregular it is, never reaching the line or twice the feather', () => {
    const spread = (values: number[]) => Math.max(...values) - Math.min(...values)
    const seed = seedOf('hl')
    const half = depths(hairlineBand(curve, 40, 0.5, seed))
    const full = depths(hairlineBand(curve, 40, 1, seed))
    expect(spread(half)).toBeGreaterThan(5)
    expect(spread(full)).toBeGreaterThan(spread(half))
    for (const depth of [...half, ...full]) {
      expect(depth).toBeGreaterThan(0)
      expect(depth).toBeLessThan(80)
    }
  })

  it.each([
    ['a single point', [p(0, 0)], 40],
    ['no feather', curve, 0],
    ['a negative feather', curve, -5],
  ])('is empty for %s', (_label, points, feather) => {
    expect(hairlineBand(points, feather, 0.5, 1)).toEqual([])
  })
})

describe('hairline seeds', () => {
  it('are whole unsigned 32-bit numbers, the same for the same id and different for different ids', () => {
    const ids = ['hl', 'hl-2', 'hairline-1', 'hairline-2', 'a', 'b', '']
    const seeds = ids.map(seedOf)
    for (const seed of seeds) {
      expect(Number.isInteger(seed)).toBe(true)
      expect(seed).toBeGreaterThanOrEqual(0)
      expect(seed).toBeLessThan(2 ** 32)
    }
    expect(new Set(seeds).size).toBe(ids.length)
    expect(ids.map(seedOf)).toEqual(seeds)
  })
})
