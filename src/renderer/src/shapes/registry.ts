import type { DesignObject, ObjectKind } from '../../../shared/design/design-types'
import type { Point } from '../../../shared/geometry/point'
import { isSimplePolygon } from '../../../shared/geometry/polygon'
import { hairlineShape } from './hairline/hairline-shape'
import { landmarkShape } from './landmark/landmark-shape'
import { pinShape } from './pin/pin-shape'
import { scarShape } from './scar/scar-shape'
import type { ShapeDefinition } from './shape'
import { zoneShape } from './zone/zone-shape'

type ObjectOf<K extends ObjectKind> = Extract<DesignObject, { kind: K }>

/** Each kind's definition: every question about a kind of object is asked here. */
export const SHAPES: { readonly [K in ObjectKind]: ShapeDefinition<ObjectOf<K>> } = {
  hairline: hairlineShape,
  zone: zoneShape,
  scar: scarShape,
  landmark: landmarkShape,
  pin: pinShape,
}

/** The definition of the object's kind. */
export function shapeOf(object: DesignObject): ShapeDefinition {
  // Each definition takes only its own kind's objects, which the kind key guarantees here.
  return SHAPES[object.kind] as ShapeDefinition
}

export const isObjectKind = (name: string): name is ObjectKind => name in SHAPES

/** Why the object cannot lose a point and keep `points`, as a notice; null when it can. */
export function pointRemovalProblem(object: DesignObject, points: readonly Point[]): string | null {
  const shape = shapeOf(object)
  const minimum = shape.minimumPoints(object)
  if (points.length < minimum)
    return `${object.name} needs at least ${minimum} ${minimum === 1 ? 'point' : 'points'}; delete the whole object instead.`
  if (shape.isClosed(object) && !isSimplePolygon(points)) return 'Without that point the outline would cross itself.'
  return null
}

/** The objects of one kind, typed as that kind. */
export const ofKind = <K extends ObjectKind>(objects: readonly DesignObject[], kind: K): ObjectOf<K>[] =>
  objects.filter((o): o is ObjectOf<K> => o.kind === kind)
