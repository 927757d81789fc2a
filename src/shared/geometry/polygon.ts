import { distance, type Point } from './point'

/** Area enclosed by a simple polygon (shoelace formula), in squared input units, whatever the winding. */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Point
    const b = points[(i + 1) % points.length] as Point
    twice += a.x * b.y - b.x * a.y
  }
  return Math.abs(twice) / 2
}

/** Length of the open path through the points; add the closing edge for a ring's perimeter. */
export function pathLength(points: readonly Point[], closed = false): number {
  let total = 0
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1] as Point, points[i] as Point)
  if (closed && points.length > 2) total += distance(points[points.length - 1] as Point, points[0] as Point)
  return total
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)

function onSegment(p: Point, a: Point, b: Point): boolean {
  return (
    Math.min(a.x, b.x) <= p.x && p.x <= Math.max(a.x, b.x) && Math.min(a.y, b.y) <= p.y && p.y <= Math.max(a.y, b.y)
  )
}

/** True when the closed segments ab and cd share any point (touching counts). */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a)
  const d2 = cross(c, d, b)
  const d3 = cross(a, b, c)
  const d4 = cross(a, b, d)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true
  return (
    (d1 === 0 && onSegment(a, c, d)) ||
    (d2 === 0 && onSegment(b, c, d)) ||
    (d3 === 0 && onSegment(c, a, b)) ||
    (d4 === 0 && onSegment(d, a, b))
  )
}

/**
 * True when the ring has at least three corners, encloses some area and no two of its
 * edges cross or touch except neighbours at their shared corner. A figure-eight has no
 * meaningful area, so measurements and zones refuse it.
 */
export function isSimplePolygon(points: readonly Point[]): boolean {
  const n = points.length
  if (n < 3 || polygonArea(points) === 0) return false
  for (let i = 0; i < n; i++) {
    const a = points[i] as Point
    const b = points[(i + 1) % n] as Point
    if (a.x === b.x && a.y === b.y) return false
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1)
      if (adjacent) continue
      if (segmentsIntersect(a, b, points[j] as Point, points[(j + 1) % n] as Point)) return false
    }
  }
  return true
}

/** True when p lies inside the ring (even-odd rule; points on an edge may fall either way). */
export function pointInPolygon(p: Point, points: readonly Point[]): boolean {
  let inside = false
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const a = points[i] as Point
    const b = points[j] as Point
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside
  }
  return inside
}

export interface Bounds {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

export function boundsOf(points: readonly Point[]): Bounds | null {
  if (points.length === 0) return null
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of points) {
    minX = Math.min(minX, p.x)
    minY = Math.min(minY, p.y)
    maxX = Math.max(maxX, p.x)
    maxY = Math.max(maxY, p.y)
  }
  return { minX, minY, maxX, maxY }
}
