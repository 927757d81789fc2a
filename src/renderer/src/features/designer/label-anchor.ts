import type { Point } from '../../../../shared/geometry/point'

/** Where a zone's label sits: the mean of its corners, in image pixels. */
export function labelAnchor(points: readonly Point[]): Point {
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 })
  return { x: sum.x / points.length, y: sum.y / points.length }
}
