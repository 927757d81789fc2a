import type { Point } from '../geometry/point'
import { pointInPolygon, segmentsIntersect } from '../geometry/polygon'

function pointToSegmentSquared(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
  const ex = p.x - (a.x + t * dx)
  const ey = p.y - (a.y + t * dy)
  return ex * ex + ey * ey
}

/**
 * True when the curve comes within `reach` of the polygon (or enters it): only then does a
 * hairline shape the zone's edge. Curve segments whose box misses the polygon's grown box are
 * skipped, so a long hairline beside a small zone costs little.
 */
export function curveBordersPolygon(curve: readonly Point[], polygon: readonly Point[], reach: number): boolean {
  if (curve.some((p) => pointInPolygon(p, polygon))) return true
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const p of polygon) {
    minX = Math.min(minX, p.x - reach)
    minY = Math.min(minY, p.y - reach)
    maxX = Math.max(maxX, p.x + reach)
    maxY = Math.max(maxY, p.y + reach)
  }
  const reachSquared = reach * reach
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1] as Point
    const b = curve[i] as Point
    if (Math.max(a.x, b.x) < minX || Math.min(a.x, b.x) > maxX) continue
    if (Math.max(a.y, b.y) < minY || Math.min(a.y, b.y) > maxY) continue
    for (let k = 0; k < polygon.length; k++) {
      const c = polygon[k] as Point
      const d = polygon[(k + 1) % polygon.length] as Point
      if (segmentsIntersect(a, b, c, d)) return true
      const nearest = Math.min(
        pointToSegmentSquared(a, c, d),
        pointToSegmentSquared(b, c, d),
        pointToSegmentSquared(c, a, b),
        pointToSegmentSquared(d, a, b),
      )
      if (nearest <= reachSquared) return true
    }
  }
  return false
}
