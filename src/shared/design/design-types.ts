import type { Point } from '../geometry/point'

/** The document format written today. A reader migrates older documents up to this. */
export const DESIGN_SCHEMA_VERSION = 1

export const ZONE_ROLES = [
  { value: 'hairline-band', label: 'Hairline band' },
  { value: 'frontal', label: 'Frontal' },
  { value: 'mid-scalp', label: 'Mid-scalp' },
  { value: 'crown', label: 'Crown / vertex' },
  { value: 'temples', label: 'Temples' },
  { value: 'donor', label: 'Donor' },
  { value: 'custom', label: 'Custom' },
] as const
export type ZoneRole = (typeof ZONE_ROLES)[number]['value']

export const SCAR_SHAPES = [
  { value: 'strip', label: 'FUT strip' },
  { value: 'polygon', label: 'Scar area' },
  { value: 'dots', label: 'FUE dot scars' },
] as const
export type ScarShape = (typeof SCAR_SHAPES)[number]['value']

export const LANDMARK_ROLES = [
  { value: 'midline', label: 'Facial midline' },
  { value: 'glabella', label: 'Glabella' },
  { value: 'temple-left', label: 'Left temple point' },
  { value: 'temple-right', label: 'Right temple point' },
  { value: 'vertex', label: 'Vertex (crown whorl)' },
] as const
export type LandmarkRole = (typeof LANDMARK_ROLES)[number]['value']

interface ObjectBase {
  id: string
  name: string
  /** `#rrggbb`. */
  colour: string
  hidden: boolean
  locked: boolean
  /** Control points in the photo's original pixels. */
  points: Point[]
}

export interface HairlineObject extends ObjectBase {
  kind: 'hairline'
  /**
   * With mirror on, `points` are one half, from the outer end toward the midline, and the
   * other half is their reflection about the design's midline landmark.
   */
  mirror: boolean
  featherMm: number
  /** 0 a sharp edge-up, 1 a fully broken natural edge. */
  irregularity: number
}

export interface ZoneObject extends ObjectBase {
  kind: 'zone'
  role: ZoneRole
  /** Target impressions per cm² when the zone is finished. */
  density: number
  softnessMm: number
}

export interface ScarObject extends ObjectBase {
  kind: 'scar'
  shape: ScarShape
  /** A strip's width; unused by the other shapes but kept so switching shape loses nothing. */
  widthMm: number
  /** Each FUE dot's diameter. */
  dotMm: number
  note: string
}

export interface LandmarkObject extends ObjectBase {
  kind: 'landmark'
  /** The midline has two points, every other landmark one. */
  role: LandmarkRole
}

export interface PinObject extends ObjectBase {
  kind: 'pin'
  note: string
}

export type DesignObject = HairlineObject | ZoneObject | ScarObject | LandmarkObject | PinObject
export type ObjectKind = DesignObject['kind']

export const OBJECT_KINDS: readonly { kind: ObjectKind; label: string; plural: string }[] = [
  { kind: 'hairline', label: 'Hairline', plural: 'Hairlines' },
  { kind: 'zone', label: 'Density zone', plural: 'Density zones' },
  { kind: 'scar', label: 'Scar', plural: 'Scars' },
  { kind: 'landmark', label: 'Landmark', plural: 'Landmarks' },
  { kind: 'pin', label: 'Pin', plural: 'Pins' },
]

/** A design as stored: objects in drawing order, the last drawn on top. */
export interface DesignDocument {
  schema: typeof DESIGN_SCHEMA_VERSION
  objects: DesignObject[]
}

export function emptyDesign(): DesignDocument {
  return { schema: DESIGN_SCHEMA_VERSION, objects: [] }
}

/** A saved design: drawn over one photo of one patient. */
export interface Design {
  id: string
  patientId: string
  photoId: string
  /** Starts at 1 and goes up by one with each save; a save names the revision it edited. */
  revision: number
  createdAt: string
  updatedAt: string
  document: DesignDocument
}

/** What the photo library shows of a design without loading it. */
export interface DesignSummary {
  id: string
  photoId: string
  revision: number
  updatedAt: string
  objectCount: number
}
