import { describe, expect, it } from 'vitest'
import type { Point } from './point'
import { segmentsIntersect } from './polygon'
import { SPLINE_SAMPLES_PER_SPAN, sampleSpline } from './spline'

const points = (...coords: [number, number][]): Point[] => coords.map(([x, y]) => ({ x, y }))

/** A hairline as an artist would click it: temple, up over the forehead and down to the other temple. */
const hairline = points([200, 600], [300, 400], [420, 330], [500, 320], [580, 330], [700, 400], [800, 600])
/** Unevenly spaced: a long span then two points 3.6 px apart. An evenly parameterised spline loops here. */
const uneven = points([0, 0], [100, 0], [102, 3], [200, 50], [205, 200])
/** A sharp hook after a short step: another shape where an evenly parameterised spline crosses itself. */
const hook = points([0, 0], [100, 0], [105, 2], [110, 100])
const zigzag = points([0, 0], [50, 80], [100, 0], [150, 80], [200, 0])

const step = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y)

describe('spline through control points', () => {
  it.each([
    ['a hairline', hairline, SPLINE_SAMPLES_PER_SPAN],
    ['unevenly spaced points', uneven, SPLINE_SAMPLES_PER_SPAN],
    ['a hook', hook, 8],
    ['a zigzag', zigzag, 5],
    ['three points', points([0, 0], [10, 10], [20, 0]), 1],
  ])('passes exactly through every control point of %s', (_label, controls, perSpan) => {
    const curve = sampleSpline(controls, perSpan)
    expect(curve).toHaveLength((controls.length - 1) * perSpan + 1)
    controls.forEach((control, span) => {
      expect(curve[span * perSpan]?.x).toBeCloseTo(control.x, 9)
      expect(curve[span * perSpan]?.y).toBeCloseTo(control.y, 9)
    })
    expect(curve.at(-1)).toEqual(controls.at(-1))
  })

  it.each([
    ['a hairline', hairline],
    ['unevenly spaced points', uneven],
    ['a hook', hook],
    ['a zigzag', zigzag],
  ])('is smooth for %s: no sample jumps far from its neighbours', (_label, controls) => {
    const curve = sampleSpline(controls)
    for (let span = 0; span < controls.length - 1; span++) {
      // An even share of the chord between two control points would be chord / samples per span.
      const share = step(controls[span] as Point, controls[span + 1] as Point) / SPLINE_SAMPLES_PER_SPAN
      for (let i = span * SPLINE_SAMPLES_PER_SPAN; i < (span + 1) * SPLINE_SAMPLES_PER_SPAN; i++) {
        expect(step(curve[i] as Point, curve[i + 1] as Point)).toBeLessThan(2 * share)
      }
    }
  })

  it('bends gently through the control points of a hairline, with no corner at any of them', () => {
    const curve = sampleSpline(hairline)
    const heading = (a: Point, b: Point) => Math.atan2(b.y - a.y, b.x - a.x)
    for (let i = 1; i < curve.length - 1; i++) {
      let turn = Math.abs(
        heading(curve[i] as Point, curve[i + 1] as Point) - heading(curve[i - 1] as Point, curve[i] as Point),
      )
      if (turn > Math.PI) turn = 2 * Math.PI - turn
      expect(turn).toBeLessThan((5 * Math.PI) / 180)
    }
  })

  it.each([
    ['unevenly spaced points', uneven],
    ['a hook', hook],
    ['a hairline', hairline],
  ])('never loops or crosses itself for %s', (_label, controls) => {
    const curve = sampleSpline(controls)
    for (let i = 0; i < curve.length - 1; i++) {
      for (let j = i + 2; j < curve.length - 1; j++) {
        expect(
          segmentsIntersect(curve[i] as Point, curve[i + 1] as Point, curve[j] as Point, curve[j + 1] as Point),
        ).toBe(false)
      }
    }
  })

  it('draws evenly spaced points on a line as that straight line, at an even pace', () => {
    const curve = sampleSpline(points([0, 0], [30, 40], [60, 80], [90, 120]), 10)
    // 50 px between control points in 10 steps: each sample 5 px further along the 3-4-5 direction.
    curve.forEach((sample, i) => {
      expect(sample.x).toBeCloseTo(3 * i, 9)
      expect(sample.y).toBeCloseTo(4 * i, 9)
    })
  })

  it('is as symmetric as its control points', () => {
    // The hairline's controls mirror about x = 500, so sample i mirrors sample n - 1 - i.
    const curve = sampleSpline(hairline)
    const n = curve.length
    curve.forEach((sample, i) => {
      const opposite = curve[n - 1 - i] as Point
      expect(sample.x).toBeCloseTo(1000 - opposite.x, 6)
      expect(sample.y).toBeCloseTo(opposite.y, 6)
    })
    expect(curve[(n - 1) / 2]).toEqual({ x: 500, y: 320 })
  })

  it('stays finite when a point is repeated', () => {
    const curve = sampleSpline(points([0, 0], [50, 50], [50, 50], [100, 0]))
    expect(curve.every((sample) => Number.isFinite(sample.x) && Number.isFinite(sample.y))).toBe(true)
    expect(curve[SPLINE_SAMPLES_PER_SPAN]).toEqual({ x: 50, y: 50 })
  })

  it('gives fewer than three points back as they are, as copies', () => {
    const two = points([0, 0], [30, 40])
    const curve = sampleSpline(two)
    expect(curve).toEqual(two)
    expect(curve[0]).not.toBe(two[0])
    expect(sampleSpline(points([5, 5]))).toEqual(points([5, 5]))
    expect(sampleSpline([])).toEqual([])
  })

  it('leaves its control points alone', () => {
    const controls = points([0, 0], [10, 10], [20, 0])
    sampleSpline(controls)
    expect(controls).toEqual(points([0, 0], [10, 10], [20, 0]))
  })
})
