import { describe, expect, it } from 'vitest'
import {
  closestOnPolyline,
  closestOnSegment,
  distanceToLine,
  type Line,
  lineCrossings,
  mirrorPoint,
  projectOnLine,
  sideOfLine,
} from './line'
import type { Point } from './point'

const p = (x: number, y: number): Point => ({ x, y })
const line = (ax: number, ay: number, bx: number, by: number): Line => ({ a: p(ax, ay), b: p(bx, by) })

const expectPoint = (actual: Point | undefined, x: number, y: number) => {
  expect(actual?.x).toBeCloseTo(x, 9)
  expect(actual?.y).toBeCloseTo(y, 9)
}

/** A vertical facial midline at x = 500, drawn from the chin up. */
const vertical = line(500, 900, 500, 100)
/** The line y = 2x: it reflects (x, y) by the matrix [[-3/5, 4/5], [4/5, 3/5]]. */
const steep = line(0, 0, 1, 2)
/** A tilted midline through (10, 20) with direction (3, 4): reflection matrix [[-7/25, 24/25], [24/25, 7/25]] about (10, 20). */
const tilted = line(10, 20, 13, 24)

describe('projection onto a line', () => {
  it.each([
    ['onto a horizontal line', p(3, 4), line(0, 0, 10, 0), p(3, 0)],
    ['onto a horizontal line, beyond its defining points', p(-7, 4), line(0, 0, 10, 0), p(-7, 0)],
    ['onto the diagonal y = x', p(2, 0), line(0, 0, 1, 1), p(1, 1)],
    ['onto y = 2x', p(5, 0), steep, p(1, 2)],
    ['onto a tilted line', p(15, 20), tilted, p(11.8, 22.4)],
    ['of a point already on the line', p(16, 28), tilted, p(16, 28)],
  ])('%s', (_label, point, onto, foot) => {
    expectPoint(projectOnLine(point, onto), foot.x, foot.y)
  })

  it('falls back to the first point when the line has no direction', () => {
    expect(projectOnLine(p(9, 9), line(2, 3, 2, 3))).toEqual(p(2, 3))
  })
})

describe('mirroring about a line', () => {
  it.each([
    ['a vertical midline', p(470, 300), vertical, p(530, 300)],
    ['a vertical midline, from the other side', p(620, 80), vertical, p(380, 80)],
    ['a horizontal line', p(4, 1), line(0, 3, 10, 3), p(4, 5)],
    ['the diagonal y = x', p(7, 2), line(0, 0, 5, 5), p(2, 7)],
    ['y = 2x', p(5, 0), steep, p(-3, 4)],
    ['y = 2x, another point', p(0, 10), steep, p(8, 6)],
    ['a tilted line away from the origin', p(15, 20), tilted, p(8.6, 24.8)],
  ])('about %s', (_label, point, about, mirrored) => {
    expectPoint(mirrorPoint(point, about), mirrored.x, mirrored.y)
  })

  it.each([
    [vertical, p(123.5, 456.25)],
    [steep, p(-40, 17)],
    [tilted, p(1000, -3)],
    [line(1000, 1500, 1060, 1420), p(400, 700)],
  ])('twice gives the point back (%j)', (about, point) => {
    expectPoint(mirrorPoint(mirrorPoint(point, about), about), point.x, point.y)
  })

  it.each([
    [vertical, p(500, 42)],
    [steep, p(-3, -6)],
    [tilted, p(16, 28)],
    [tilted, p(10, 20)],
  ])('leaves a point on the line where it is (%j)', (about, point) => {
    expectPoint(mirrorPoint(point, about), point.x, point.y)
  })

  it('keeps the distance to the line and moves the point to the other side', () => {
    const point = p(-40, 17)
    const mirrored = mirrorPoint(point, steep)
    expect(distanceToLine(mirrored, steep)).toBeCloseTo(distanceToLine(point, steep), 9)
    expect(sideOfLine(mirrored, steep)).toBe(-sideOfLine(point, steep))
  })
})

describe('side of a line', () => {
  it('tells the two sides apart and is 0 on the line', () => {
    const left = sideOfLine(p(400, 300), vertical)
    const right = sideOfLine(p(600, 300), vertical)
    expect(left).not.toBe(0)
    expect(right).toBe(-left)
    expect(sideOfLine(p(500, 1234), vertical)).toBe(0)
    expect(sideOfLine(p(16, 28), tilted)).toBe(0)
  })

  it('flips when the line is drawn the other way', () => {
    const reversed = { a: vertical.b, b: vertical.a }
    expect(sideOfLine(p(400, 300), reversed)).toBe(-sideOfLine(p(400, 300), vertical))
  })
})

describe('distance to a line', () => {
  it.each([
    ['above a horizontal line', p(3, 4), line(0, 0, 10, 0), 4],
    ['far past the points that define the line', p(100, -7), line(0, 0, 1, 0), 7],
    ['from a tilted line (3-4-5 triangle)', p(0, 5), line(0, 0, 3, 4), 3],
    ['from y = 2x', p(5, 0), steep, Math.sqrt(20)],
    ['on the line', p(16, 28), tilted, 0],
  ])('%s', (_label, point, from, expected) => {
    expect(distanceToLine(point, from)).toBeCloseTo(expected, 9)
  })
})

describe('closest point of a segment', () => {
  it.each([
    ['beside the middle', p(4, 3), p(4, 0), 0.4, 3],
    ['before the start', p(-3, 4), p(0, 0), 0, 5],
    ['past the end', p(13, 4), p(10, 0), 1, 5],
    ['on the segment', p(7.5, 0), p(7.5, 0), 0.75, 0],
  ])('%s', (_label, point, closest, t, distance) => {
    const hit = closestOnSegment(point, p(0, 0), p(10, 0))
    expectPoint(hit.point, closest.x, closest.y)
    expect(hit.t).toBeCloseTo(t, 9)
    expect(hit.distance).toBeCloseTo(distance, 9)
  })

  it('measures from the point when the segment has no length', () => {
    expect(closestOnSegment(p(5, 6), p(2, 2), p(2, 2))).toEqual({ point: p(2, 2), t: 0, distance: 5 })
  })
})

describe('closest point of a polyline', () => {
  const corner = [p(0, 0), p(10, 0), p(10, 10)]
  const square = [p(0, 0), p(10, 0), p(10, 10), p(0, 10)]

  it.each([
    ['near the first segment', p(3, -1), p(3, 0), 0, 1],
    ['near the second segment', p(12, 5), p(10, 5), 1, 2],
    ['inside the corner', p(8, 1), p(8, 0), 0, 1],
  ])('%s', (_label, point, closest, segment, distance) => {
    const hit = closestOnPolyline(point, corner)
    expectPoint(hit?.point, closest.x, closest.y)
    expect(hit?.segment).toBe(segment)
    expect(hit?.distance).toBeCloseTo(distance, 9)
  })

  it('includes the closing edge only for a ring', () => {
    const open = closestOnPolyline(p(-2, 5), square)
    expect(open?.distance).toBeCloseTo(Math.sqrt(29), 9)
    const closed = closestOnPolyline(p(-2, 5), square, true)
    expectPoint(closed?.point, 0, 5)
    expect(closed?.segment).toBe(3)
    expect(closed?.distance).toBeCloseTo(2, 9)
  })

  it('handles no points and a single point', () => {
    expect(closestOnPolyline(p(1, 1), [])).toBeNull()
    expect(closestOnPolyline(p(4, 5), [p(1, 1)])).toEqual({ point: p(1, 1), segment: 0, distance: 5 })
  })
})

describe('where a line crosses a polyline', () => {
  const alongOf = (crossings: { along: number }[]) => crossings.map((c) => c.along)

  it('finds every crossing, with its position along the line', () => {
    const zigzag = [p(0, 0), p(10, 10), p(20, 0)]
    const crossings = lineCrossings(line(0, 5, 1, 5), zigzag)
    expect(crossings).toHaveLength(2)
    expectPoint(crossings[0]?.point, 5, 5)
    expectPoint(crossings[1]?.point, 15, 5)
    expect(alongOf(crossings)).toEqual([5, 15])
  })

  it('measures along in units of the line’s defining length, negative behind its start', () => {
    // Up from (5, 20) in steps of 10 px: y = 0 is two steps ahead, y = 30 one step behind.
    const up = line(5, 20, 5, 10)
    const ahead = lineCrossings(up, [p(0, 0), p(10, 0)])
    expectPoint(ahead[0]?.point, 5, 0)
    expect(ahead[0]?.along).toBeCloseTo(2, 9)
    expect(lineCrossings(up, [p(0, 30), p(10, 30)])[0]?.along).toBeCloseTo(-1, 9)
  })

  it('counts a crossing at a shared corner once, and crossings at both open ends', () => {
    const vee = [p(0, 10), p(5, 0), p(10, 10)]
    const atCorner = lineCrossings(line(0, 0, 1, 0), vee)
    expect(atCorner).toHaveLength(1)
    expectPoint(atCorner[0]?.point, 5, 0)
    const atEnds = lineCrossings(line(0, 10, 1, 10), vee)
    expect(atEnds.map((c) => c.point)).toEqual([p(0, 10), p(10, 10)])
  })

  it.each([
    ['a parallel polyline', [p(0, 1), p(10, 1)]],
    ['a polyline that stops short of the line', [p(0, 0), p(10, 4)]],
    ['a single point', [p(0, 5)]],
    ['no points', []],
  ])('finds none for %s', (_label, points) => {
    expect(lineCrossings(line(0, 5, 1, 5), points)).toEqual([])
  })
})
