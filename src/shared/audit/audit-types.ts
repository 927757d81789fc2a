import type { ObjectKind } from '../design/design-types'
import type { PatientId } from '../patients/patient'
import type { Quantity } from '../photos/calibration'
import type { MeasurementKind } from '../photos/photo'
import type { PhotoView } from '../photos/photo-fields'
import type { TreatmentAmount } from '../plan/plan-types'

/**
 * The audit trail: one entry per change to a patient's record, photos, designs, plan or review
 * comments, each chained to the one before by a hash. Kept free of any schema library so the
 * renderer can import it.
 */

export const AUDIT_ENTITIES = [
  { value: 'patient', label: 'Record' },
  { value: 'photo', label: 'Photos' },
  { value: 'design', label: 'Designs' },
  { value: 'plan', label: 'Plan' },
  { value: 'comment', label: 'Review comments' },
] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]['value']

/** A value as the trail keeps it: whatever JSON holds. */
export type AuditValue =
  | string
  | number
  | boolean
  | null
  | readonly AuditValue[]
  | { readonly [key: string]: AuditValue }

/**
 * One field's value before and after a change; `null` on one side when the field was empty or
 * the thing did not exist yet. Fields are named by their path (`medical.keloid`).
 */
export interface FieldChange {
  field: string
  before: AuditValue
  after: AuditValue
}

/** Which photo an entry is about, as it was then: a photo's name and view outlive its deletion here. */
export interface PhotoNote {
  name: string
  view: PhotoView
  takenAt: string
}

export interface CalibrationNote {
  lengthMm: number
  pxPerMm: number
}

export interface MeasurementNote {
  kind: MeasurementKind
  label: string
  /** In mm or cm² when the photo was calibrated, else in pixels. */
  size: Quantity
}

/** A design object named as the objects panel names it. */
export interface ObjectNote {
  id: string
  kind: ObjectKind
  name: string
}

export interface ObjectChange extends ObjectNote {
  /** `points` carries the number of points before and after: an outline moved keeps its count. */
  changes: FieldChange[]
}

export interface DesignChanges {
  photo: PhotoNote
  added: ObjectNote[]
  removed: ObjectNote[]
  changed: ObjectChange[]
  /** The drawing order of objects that stayed was changed. */
  reordered: boolean
}

/** One zone a session treats, by the zone's name at the time. */
export interface TreatmentChange {
  zone: string
  before: TreatmentAmount | null
  after: TreatmentAmount | null
}

export interface SessionNote {
  id: string
  startsAt: string
}

export interface SessionChange extends SessionNote {
  /** For an added session its starting values (before null); for a removed one its last (after null). */
  changes: FieldChange[]
  treatments: TreatmentChange[]
}

export interface PlanChanges {
  technique: FieldChange | null
  added: SessionChange[]
  removed: SessionChange[]
  changed: SessionChange[]
}

export interface CommentNote {
  designId: string
  author: string
  body: string
  /** Who resolved, reopened or deleted it, when the change was not the author's. */
  by: string | null
}

/**
 * A record brought in from a patient archive. The entries just before it on the record are the
 * archive's history, appended here with the times they happened on the machine that made it.
 */
export interface ArchiveImportNote {
  archiveCreatedAt: string
  /** The Stipple version that made the archive. */
  appVersion: string
  /** The record's id in the archive when it was imported as a copy with new ids, else null. */
  copyOf: PatientId | null
  /** How many history entries came with it. */
  entries: number
}

/** What happened, by entity and action; the detail's shape follows from both. */
export type AuditEvent =
  | { entity: 'patient'; action: 'created' | 'updated'; detail: { changes: FieldChange[] } }
  | { entity: 'patient'; action: 'archived' | 'restored'; detail: Record<string, never> }
  | { entity: 'patient'; action: 'imported'; detail: ArchiveImportNote }
  | { entity: 'photo'; action: 'imported'; detail: { photo: PhotoNote } }
  | { entity: 'photo'; action: 'details-changed'; detail: { photo: PhotoNote; changes: FieldChange[] } }
  | {
      entity: 'photo'
      action: 'calibrated'
      detail: { photo: PhotoNote; before: CalibrationNote | null; after: CalibrationNote | null }
    }
  | { entity: 'photo'; action: 'deleted'; detail: { photo: PhotoNote; measurements: number; designObjects: number } }
  | {
      entity: 'photo'
      action: 'measurement-added' | 'measurement-deleted'
      detail: { photo: PhotoNote; measurement: MeasurementNote }
    }
  | {
      entity: 'photo'
      action: 'measurement-renamed'
      detail: { photo: PhotoNote; measurement: MeasurementNote; before: string }
    }
  | { entity: 'design'; action: 'created' | 'changed'; detail: DesignChanges }
  | { entity: 'plan'; action: 'saved'; detail: PlanChanges }
  | { entity: 'comment'; action: 'added' | 'resolved' | 'reopened' | 'deleted'; detail: CommentNote }

export type AuditAction = AuditEvent['action']

/** An entry as written: `seq` numbers the whole trail, every patient's entries together. */
export type AuditEntry = AuditEvent & {
  seq: number
  /** ISO timestamp of the change. */
  at: string
  patientId: PatientId
  /** The record, photo, design, plan (the patient's id) or comment changed. */
  entityId: string
}

/** One page of a patient's entries, newest first. */
export interface AuditPage {
  entries: AuditEntry[]
  /** Entries of this patient (and kind, when filtered) in all. */
  total: number
  /** Pass as `before` for the next, older page; null on the last. */
  nextBefore: number | null
}

export type ChainProblemKind =
  | 'altered'
  | 'out-of-place'
  | 'removed'
  | 'tail-removed'
  | 'head-replaced'
  | 'head-missing'
  | 'added-after-head'

/** The first place the chain does not hold, said for a person. */
export interface ChainProblem {
  kind: ChainProblemKind
  /** The entry where it shows (for a removal, the first missing number); null when the trail is empty. */
  seq: number | null
  /** When that entry says it was written, and whose it is, when an entry is there to say. */
  at: string | null
  patientId: PatientId | null
  /** How many entries are missing, for the removal kinds. */
  missing: number
  message: string
}

export type ChainReport = { intact: true; checked: number } | { intact: false; checked: number; problem: ChainProblem }
