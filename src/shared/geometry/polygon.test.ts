import { describe, expect, it } from 'vitest'
import type { Point } from './point'
import { isSimplePolygon, pathLength, polygonArea, segmentsIntersect } from './polygon'

const ring = (...coords: [number, number][]): Point[] => coords.map(([x, y]) => ({ x, y }))
const reversed = (points: Point[]) => [...points].reverse()

const square = ring([0, 0], [10, 0], [10, 10], [0, 10])
const rightTriangle = ring([0, 0], [6, 0], [0, 4])
// An L: a 4 × 4 square with its top-right 2 × 2 quarter cut away.
const lShape = ring([0, 0], [2, 0], [2, 2], [4, 2], [4, 4], [0, 4])
const bowTie = ring([0, 0], [10, 10], [10, 0], [0, 10])

describe('polygon area', () => {
  it.each([
    ['a 10 × 10 square', square, 100],
    ['a 6 × 4 right triangle', rightTriangle, 12],
    ['an L of three 2 × 2 squares', lShape, 12],
    ['a unit square away from the origin', ring([1000, 2000], [1001, 2000], [1001, 2001], [1000, 2001]), 1],
    ['a square standing on a corner', ring([5, 0], [10, 5], [5, 10], [0, 5]), 50],
  ])('of %s, whichever way it winds', (_label, points, area) => {
    expect(polygonArea(points)).toBeCloseTo(area, 9)
    expect(polygonArea(reversed(points))).toBeCloseTo(area, 9)
  })

  it('is zero for fewer than three points or a flat ring', () => {
    expect(polygonArea([])).toBe(0)
    expect(polygonArea(ring([1, 1], [5, 5]))).toBe(0)
    expect(polygonArea(ring([0, 0], [5, 5], [10, 10]))).toBe(0)
  })
})

describe('path length', () => {
  it('adds the closing edge only for a ring', () => {
    expect(pathLength(ring([0, 0], [3, 4]))).toBe(5)
    expect(pathLength(square)).toBe(30)
    expect(pathLength(square, true)).toBe(40)
    expect(pathLength(ring([0, 0], [3, 4]), true)).toBe(5)
    expect(pathLength([])).toBe(0)
  })
})

describe('segments meeting', () => {
  const p = (x: number, y: number) => ({ x, y })
  it.each([
    ['crossing', p(0, 0), p(10, 10), p(0, 10), p(10, 0), true],
    ['touching at an end', p(0, 0), p(10, 0), p(10, 0), p(10, 10), true],
    ['one ending on the other', p(0, 0), p(10, 0), p(5, 0), p(5, 5), true],
    ['overlapping on a line', p(0, 0), p(10, 0), p(5, 0), p(15, 0), true],
    ['on one line with a gap', p(0, 0), p(4, 0), p(5, 0), p(15, 0), false],
    ['parallel', p(0, 0), p(10, 0), p(0, 1), p(10, 1), false],
    ['apart', p(0, 0), p(1, 1), p(5, 0), p(6, -1), false],
    ['one would cross the other if longer', p(0, 0), p(10, 0), p(5, 1), p(5, 5), false],
  ])('%s', (_label, a, b, c, d, meet) => {
    expect(segmentsIntersect(a, b, c, d)).toBe(meet)
    expect(segmentsIntersect(c, d, a, b)).toBe(meet)
    expect(segmentsIntersect(b, a, d, c)).toBe(meet)
  })
})

describe('simple polygons', () => {
  it.each([
    ['a square', square],
    ['a triangle', rightTriangle],
    ['an L (concave)', lShape],
    ['a square with an extra corner along one edge', ring([0, 0], [5, 0], [10, 0], [10, 10], [0, 10])],
    ['a star-ish concave outline', ring([0, 0], [5, 3], [10, 0], [7, 5], [10, 10], [5, 7], [0, 10], [3, 5])],
    ['a hand-drawn outline with fractional points', ring([10.5, 10.25], [120.75, 12], [118, 98.5], [14.2, 101.9])],
  ])('accepts %s, both windings', (_label, points) => {
    expect(isSimplePolygon(points)).toBe(true)
    expect(isSimplePolygon(reversed(points))).toBe(true)
  })

  it.each([
    ['a bow-tie (figure eight)', bowTie],
    ['fewer than three points', ring([0, 0], [10, 0])],
    ['three points on a line', ring([0, 0], [5, 0], [10, 0])],
    ['a back-and-forth line', ring([0, 0], [10, 0], [5, 0], [0, 0])],
    ['the same point twice in a row', ring([0, 0], [10, 0], [10, 0], [10, 10], [0, 10])],
    ['the first point repeated to close the ring', [...square, { x: 0, y: 0 }]],
    ['a ring that touches itself at a corner', ring([0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5])],
    ['a corner that lands on another edge', ring([0, 0], [10, 0], [10, 10], [5, 0], [0, 10])],
    ['a spike folding back along an edge', ring([0, 0], [10, 0], [10, 10], [10, 5], [0, 10])],
    [
      'two squares joined by a crossing',
      ring([0, 0], [4, 0], [4, 4], [6, 6], [10, 6], [10, 10], [6, 10], [6, 6], [4, 4], [0, 4]),
    ],
  ])('refuses %s', (_label, points) => {
    expect(isSimplePolygon(points)).toBe(false)
    expect(isSimplePolygon(reversed(points))).toBe(false)
  })
})
