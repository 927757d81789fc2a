import { isSimplePolygon } from '../geometry/polygon'
import type { DesignObject, ObjectKind, ScarShape } from './design-types'

/**
 * The point rules every stored object keeps, one place for the schema main validates with and
 * for the editor's shape modules: how many points a kind needs and whether they close an outline.
 */

/** Whether the points are a ring that encloses an area and must not cross itself: zones and scar areas. */
export function isClosedOutline(object: { kind: ObjectKind; shape?: ScarShape }): boolean {
  return object.kind === 'zone' || (object.kind === 'scar' && object.shape === 'polygon')
}

/** The fewest points the object's shape has; landmarks and pins have exactly this many. */
export function minimumPoints(object: DesignObject): number {
  if (isClosedOutline(object)) return 3
  if (object.kind === 'scar' && object.shape === 'dots') return 1
  if (object.kind === 'landmark') return object.role === 'midline' ? 2 : 1
  return object.kind === 'pin' ? 1 : 2
}

/** Why the object's points do not make its shape, or null when they do. */
export function pointsProblem(object: DesignObject): string | null {
  const n = object.points.length
  switch (object.kind) {
    case 'hairline':
      return n >= minimumPoints(object) ? null : 'A hairline needs at least two points'
    case 'zone':
      if (n < minimumPoints(object)) return 'A zone needs at least three corners'
      return isSimplePolygon(object.points) ? null : 'A zone outline must not cross itself'
    case 'scar':
      if (object.shape === 'dots')
        return n >= minimumPoints(object) ? null : 'An FUE scar cluster needs at least one dot'
      if (object.shape === 'strip') return n >= minimumPoints(object) ? null : 'A strip scar needs at least two points'
      if (n < minimumPoints(object)) return 'A scar area needs at least three corners'
      return isSimplePolygon(object.points) ? null : 'A scar outline must not cross itself'
    case 'landmark':
      if (object.role !== 'midline') return n === minimumPoints(object) ? null : 'A landmark is one point'
      if (n !== minimumPoints(object)) return 'The midline is two points'
      return object.points[0]?.x === object.points[1]?.x && object.points[0]?.y === object.points[1]?.y
        ? 'The midline needs two different points'
        : null
    case 'pin':
      return n === minimumPoints(object) ? null : 'A pin is one point'
  }
}
