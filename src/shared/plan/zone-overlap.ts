import type { ScarObject } from '../design/design-types'
import { closestOnSegment } from '../geometry/line'
import type { Point } from '../geometry/point'
import { pointInPolygon, segmentsIntersect } from '../geometry/polygon'

/** True when segment ab comes within `reach` of the ring: crosses it, lies inside it, or passes close by. */
function segmentNearRing(a: Point, b: Point, ring: readonly Point[], reach: number): boolean {
  if (pointInPolygon(a, ring) || pointInPolygon(b, ring)) return true
  for (let i = 0; i < ring.length; i++) {
    const c = ring[i] as Point
    const d = ring[(i + 1) % ring.length] as Point
    if (segmentsIntersect(a, b, c, d)) return true
    const gap = Math.min(
      closestOnSegment(a, c, d).distance,
      closestOnSegment(b, c, d).distance,
      closestOnSegment(c, a, b).distance,
      closestOnSegment(d, a, b).distance,
    )
    if (gap <= reach) return true
  }
  return false
}

/** A path's segments; a lone point is a segment of no length so it is still tested. */
function segmentsOf(points: readonly Point[], closed: boolean): [Point, Point][] {
  if (points.length === 1) return [[points[0] as Point, points[0] as Point]]
  const segments: [Point, Point][] = []
  for (let i = 1; i < points.length; i++) segments.push([points[i - 1] as Point, points[i] as Point])
  if (closed && points.length > 2) segments.push([points[points.length - 1] as Point, points[0] as Point])
  return segments
}

/**
 * True when a scar touches a zone, so the zone's pigment fades faster and its transplant wait
 * applies. Widths are in mm and count only on a calibrated photo (`pxPerMm`); without a scale
 * a strip is its centre line and an FUE dot its centre.
 */
export function scarOverlapsZone(scar: ScarObject, zone: readonly Point[], pxPerMm: number | null): boolean {
  if (zone.length < 3 || scar.points.length === 0) return false
  const scale = pxPerMm ?? 0
  switch (scar.shape) {
    case 'strip':
      return segmentsOf(scar.points, false).some(([a, b]) => segmentNearRing(a, b, zone, (scar.widthMm / 2) * scale))
    case 'dots':
      return scar.points.some((p) => segmentNearRing(p, p, zone, (scar.dotMm / 2) * scale))
    case 'polygon':
      // A zone wholly inside a scar area crosses none of its edges.
      return (
        segmentsOf(scar.points, true).some(([a, b]) => segmentNearRing(a, b, zone, 0)) ||
        (scar.points.length >= 3 && pointInPolygon(zone[0] as Point, scar.points))
      )
  }
}
