import { closestOnPolyline } from '../../../shared/geometry/line'
import type { Point } from '../../../shared/geometry/point'
import { isSimplePolygon } from '../../../shared/geometry/polygon'
import type { Handle } from './shape'

/** Whether `p` lies within `within` of the line through `points` (closed: back to the first). */
export const nearLine = (p: Point, points: readonly Point[], closed: boolean, within: number): boolean =>
  (closestOnPolyline(p, points, closed)?.distance ?? Infinity) <= within

/** Why a closed outline's points cannot stay as an edit left them: a ring that crosses itself has no area. */
export const outlineProblem = (points: readonly Point[]): string | null =>
  isSimplePolygon(points) ? null : 'That would make the outline cross itself, so the point went back.'

/** A handle on each stored point, moving that point. */
export const ownHandles = (points: readonly Point[]): Handle[] =>
  points.map((point, index) => ({ point, source: { index, mirrored: false } }))

/** The mean of the points: where a zone's label sits. */
export function centroid(points: readonly Point[]): Point {
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 })
  return { x: sum.x / points.length, y: sum.y / points.length }
}
