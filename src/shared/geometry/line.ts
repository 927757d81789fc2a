import type { Point } from './point'

/** An infinite line through two distinct points. */
export interface Line {
  a: Point
  b: Point
}

/** The foot of the perpendicular from p onto the line. */
export function projectOnLine(p: Point, { a, b }: Line): Point {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const lengthSquared = dx * dx + dy * dy
  if (lengthSquared === 0) return { ...a }
  const t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared
  return { x: a.x + t * dx, y: a.y + t * dy }
}

/** p reflected about the line, as a hairline point is mirrored about the facial midline. */
export function mirrorPoint(p: Point, line: Line): Point {
  const foot = projectOnLine(p, line)
  return { x: 2 * foot.x - p.x, y: 2 * foot.y - p.y }
}

/** Which side of the line p lies on: 1, -1, or 0 on it. */
export function sideOfLine(p: Point, { a, b }: Line): -1 | 0 | 1 {
  const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
  return cross > 0 ? 1 : cross < 0 ? -1 : 0
}

export function distanceToLine(p: Point, line: Line): number {
  const foot = projectOnLine(p, line)
  return Math.hypot(p.x - foot.x, p.y - foot.y)
}

/** The closest point of segment ab to p, and how far along ab it lies (0 at a, 1 at b). */
export function closestOnSegment(p: Point, a: Point, b: Point): { point: Point; t: number; distance: number } {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
  const point = { x: a.x + t * dx, y: a.y + t * dy }
  return { point, t, distance: Math.hypot(p.x - point.x, p.y - point.y) }
}

/** The closest point of an open polyline (or a ring, when closed) to p, with the index of its segment. */
export function closestOnPolyline(
  p: Point,
  points: readonly Point[],
  closed = false,
): { point: Point; segment: number; distance: number } | null {
  if (points.length === 0) return null
  if (points.length === 1) {
    const only = points[0] as Point
    return { point: only, segment: 0, distance: Math.hypot(p.x - only.x, p.y - only.y) }
  }
  const segments = closed ? points.length : points.length - 1
  let best: { point: Point; segment: number; distance: number } | null = null
  for (let i = 0; i < segments; i++) {
    const hit = closestOnSegment(p, points[i] as Point, points[(i + 1) % points.length] as Point)
    if (!best || hit.distance < best.distance) best = { point: hit.point, segment: i, distance: hit.distance }
  }
  return best
}

/**
 * Where an infinite line crosses an open polyline, each crossing with its signed position
 * along the line (in units of |b - a| from a), so a caller can pick the one it wants.
 */
export function lineCrossings(line: Line, points: readonly Point[]): { point: Point; along: number }[] {
  const { a, b } = line
  const dx = b.x - a.x
  const dy = b.y - a.y
  const crossings: { point: Point; along: number }[] = []
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1] as Point
    const q = points[i] as Point
    const ex = q.x - p.x
    const ey = q.y - p.y
    const denominator = dx * ey - dy * ex
    if (denominator === 0) continue
    // s along the segment pq, t along the line ab.
    const s = (dx * (a.y - p.y) - dy * (a.x - p.x)) / denominator
    if (s < 0 || s > 1 || (s === 1 && i < points.length - 1)) continue
    const point = { x: p.x + s * ex, y: p.y + s * ey }
    const along = ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy)
    crossings.push({ point, along })
  }
  return crossings
}
