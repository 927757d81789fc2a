import { describe, expect, it } from 'vitest'
import type { Point } from './point'
import { boundsOf, isSimplePolygon, pathLength, pointInPolygon, polygonArea, segmentsIntersect } from './polygon'

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

describe('points inside a ring', () => {
  it.each([
    ['the middle of a square', square, { x: 5, y: 5 }, true],
    ['just inside a square’s corner', square, { x: 0.01, y: 9.99 }, true],
    ['right of a square', square, { x: 15, y: 5 }, false],
    ['left of a square', square, { x: -1, y: 5 }, false],
    ['just above a square', square, { x: 5, y: -0.01 }, false],
    ['inside a right triangle', rightTriangle, { x: 1, y: 1 }, true],
    ['past a right triangle’s long side', rightTriangle, { x: 4, y: 2 }, false],
    ['in the L’s upright', lShape, { x: 1, y: 3 }, true],
    ['in the L’s foot', lShape, { x: 3, y: 3 }, true],
    ['in the quarter cut out of the L', lShape, { x: 3, y: 1 }, false],
    ['in a bow-tie’s left lobe', bowTie, { x: 2, y: 5 }, true],
    ['in a bow-tie’s right lobe', bowTie, { x: 8, y: 5 }, true],
    ['between a bow-tie’s lobes', bowTie, { x: 5, y: 2 }, false],
  ])('%s, whichever way it winds', (_label, points, point, inside) => {
    expect(pointInPolygon(point, points)).toBe(inside)
    expect(pointInPolygon(point, reversed(points))).toBe(inside)
  })

  it('finds nothing inside fewer than three points', () => {
    expect(pointInPolygon({ x: 0, y: 0 }, [])).toBe(false)
    expect(pointInPolygon({ x: 5, y: 0 }, ring([0, 0], [10, 0]))).toBe(false)
  })
})

describe('bounds', () => {
  it('spans the outermost points in each direction', () => {
    expect(boundsOf(lShape)).toEqual({ minX: 0, minY: 0, maxX: 4, maxY: 4 })
    expect(boundsOf(ring([3, -2], [-7.5, 4], [1, 9], [0, 0]))).toEqual({ minX: -7.5, minY: -2, maxX: 3, maxY: 9 })
  })

  it('is a single point for one point, and null for none', () => {
    expect(boundsOf(ring([4, 6]))).toEqual({ minX: 4, minY: 6, maxX: 4, maxY: 6 })
    expect(boundsOf([])).toBeNull()
  })
})
