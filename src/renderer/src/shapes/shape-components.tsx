import type { ComponentType } from 'react'
import type { DesignObject, ObjectKind } from '../../../shared/design/design-types'
import type { DrawingProps } from './drawing'
import { HairlineDrawing } from './hairline/HairlineDrawing'
import { HairlineInspector } from './hairline/HairlineInspector'
import type { InspectorProps } from './inspector-fields'
import { LandmarkDrawing } from './landmark/LandmarkDrawing'
import { PinDrawing } from './pin/PinDrawing'
import { PinInspector } from './pin/PinInspector'
import { ScarDrawing } from './scar/ScarDrawing'
import { ScarInspector } from './scar/ScarInspector'
import { ZoneDrawing } from './zone/ZoneDrawing'
import { ZoneInspector } from './zone/ZoneInspector'

/** A kind's components: how it is drawn on the canvas, and its own properties in the inspector. */
export interface ShapeComponents<O extends DesignObject> {
  Drawing: ComponentType<DrawingProps<O>>
  /** Absent when the kind has no properties of its own (a landmark is its role and point). */
  Inspector?: ComponentType<InspectorProps<O>>
}

type ObjectOf<K extends ObjectKind> = Extract<DesignObject, { kind: K }>

/** The React half of each kind, beside its definition in `registry.ts`, which the editor reads. */
const SHAPE_COMPONENTS: { readonly [K in ObjectKind]: ShapeComponents<ObjectOf<K>> } = {
  hairline: { Drawing: HairlineDrawing, Inspector: HairlineInspector },
  zone: { Drawing: ZoneDrawing, Inspector: ZoneInspector },
  scar: { Drawing: ScarDrawing, Inspector: ScarInspector },
  landmark: { Drawing: LandmarkDrawing },
  pin: { Drawing: PinDrawing, Inspector: PinInspector },
}

/** The components of the object's kind. */
export function componentsOf(object: DesignObject): ShapeComponents<DesignObject> {
  // Each kind's components take only its own objects, which the kind key guarantees here.
  return SHAPE_COMPONENTS[object.kind] as ShapeComponents<DesignObject>
}
