import { z } from 'zod'

/**
 * `records.json`: one patient's rows exactly as the database of `schemaVersion` holds them
 * (column names, JSON columns as their text), so an import writes back the very values the
 * export read. Only `patients.search_name` is left out: it is derived from the name.
 *
 * These schemas check the rows' shape; the bridge's own schemas and service rules check their
 * values on import. A schema version that changes a table's columns adds an upgrade step for
 * older archives beside the database migration that makes the change.
 */

const text = z.string()
const stamp = z.iso.datetime({ offset: true })
const json = z.string().max(4 * 1024 * 1024)
const revision = z.int().min(1)
const position = z.int().nonnegative()
const flag = z.union([z.literal(0), z.literal(1)])
const finite = z.number().finite()

const patientRow = z.strictObject({
  id: text,
  full_name: text,
  date_of_birth: text.nullable(),
  sex: text.nullable(),
  phone: text,
  email: text,
  fitzpatrick: z.int().nullable(),
  hair_colour: text.nullable(),
  hair_loss_pattern: text.nullable(),
  goals: json,
  keloid: flag,
  alopecia_areata: flag,
  chemotherapy: flag,
  hormonal: flag,
  scalp_condition: flag,
  /** Schema 9 on; an older archive's patient has neither. */
  pregnancy: flag.optional(),
  blood_thinners: flag.optional(),
  medical_other: text,
  notes: text,
  created_at: stamp,
  updated_at: stamp,
  archived_at: stamp.nullable(),
  revision,
  transplant_date: text.nullable(),
  /** Schema 8 on; the sample patient is never exported, so an archive's patient is always real. */
  sample: z.literal(0).optional(),
})

const photoRow = z.strictObject({
  id: text,
  patient_id: text,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'names no SHA-256'),
  format: text,
  original_name: text,
  byte_size: z.int().positive(),
  width: z.int().positive(),
  height: z.int().positive(),
  taken_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'has no valid date taken'),
  taken_at_source: z.enum(['exif', 'file']),
  view: text,
  caption: text,
  calibration: json.nullable(),
  imported_at: stamp,
  updated_at: stamp,
  revision,
  session_id: text.nullable(),
  /** Schema 8 on: a head chart Stipple drew, of that view. */
  chart: z.enum(['front', 'top', 'left', 'right', 'back']).nullable().optional(),
  /** Schema 7 on: when import removed the original's GPS position. */
  location_removed_at: stamp.nullable().optional(),
})

const measurementRow = z.strictObject({
  id: text,
  photo_id: text,
  kind: text,
  label: text,
  points: json,
  created_at: stamp,
})

const designRow = z.strictObject({
  id: text,
  patient_id: text,
  photo_id: text,
  document: json,
  schema_version: z.int().positive(),
  created_at: stamp,
  updated_at: stamp,
  revision,
})

const planRow = z.strictObject({ patient_id: text, technique: text, revision, updated_at: stamp })

const sessionRow = z.strictObject({
  id: text,
  patient_id: text,
  position,
  starts_at: text,
  duration_min: finite,
  practitioner: text,
  pigment_id: text,
  needle_config: text,
  needle_mm: finite,
  notes: text,
  status: text,
  visible: flag,
  opacity: finite,
  created_at: stamp,
  updated_at: stamp,
  /** Schema 6 on: the user's name, the kind of session, the ink's lot and expiry, a recorded clearance. */
  name: text.optional(),
  kind: text.optional(),
  pigment_lot: text.optional(),
  pigment_expires: text.nullable().optional(),
  clearance: text.nullable().optional(),
})

const treatmentRow = z.strictObject({
  session_id: text,
  design_id: text,
  zone_id: text,
  unit: text,
  value: finite,
  position,
  /** Schema 6 on: this zone's own needle, pigment and dilution, where they differ from the session's. */
  needle_config: text.nullable().optional(),
  needle_mm: finite.nullable().optional(),
  pigment_id: text.nullable().optional(),
  dilution: finite.nullable().optional(),
})

const pigmentRow = z.strictObject({
  id: text,
  name: text,
  shade: text,
  dilution: finite,
  family: text,
  carbon_black: flag,
  fade: json,
  drift: finite,
  drift_colour: text,
  retired: flag,
  position: z.int(),
  created_at: stamp,
  updated_at: stamp,
  revision,
})

const commentRow = z.strictObject({
  id: text,
  design_id: text,
  x: finite,
  y: finite,
  author: z.string().min(1).max(120),
  body: z.string().min(1).max(4000),
  created_at: stamp,
  resolved_at: stamp.nullable(),
  resolved_by: z.string().max(120).nullable(),
  updated_at: stamp,
  revision,
})

const auditRow = z.strictObject({
  seq: z.int().positive(),
  at: stamp,
  patient_id: text,
  entity: z.enum(['patient', 'photo', 'design', 'plan', 'comment']),
  entity_id: text,
  action: z.string().min(1).max(200),
  detail: json,
  prev_hash: text,
  hash: text,
})

/**
 * The most rows of each kind one patient's archive may hold: far above any real record (a
 * patient photographed at every visit for decades), far below what would take long to check.
 * An archive over them is refused before any row is checked.
 */
export const ARCHIVE_ROW_LIMITS = {
  photos: 5_000,
  measurements: 50_000,
  designs: 5_000,
  sessions: 1_000,
  treatments: 50_000,
  pigments: 1_000,
  comments: 10_000,
  audit: 200_000,
} as const

export type ArchiveListName = keyof typeof ARCHIVE_ROW_LIMITS

/** The schema of one row of each list, so a list is checked row by row and stops at the first bad one. */
export const archiveRowSchemas = {
  photos: photoRow,
  measurements: measurementRow,
  designs: designRow,
  sessions: sessionRow,
  treatments: treatmentRow,
  pigments: pigmentRow,
  comments: commentRow,
  audit: auditRow,
} satisfies Record<ArchiveListName, z.ZodType>

const list = <T extends z.ZodType>(row: T, name: ArchiveListName) => z.array(row).max(ARCHIVE_ROW_LIMITS[name])

export const archiveRecordsSchema = z.strictObject({
  patient: patientRow,
  photos: list(photoRow, 'photos'),
  measurements: list(measurementRow, 'measurements'),
  designs: list(designRow, 'designs'),
  plan: planRow.nullable(),
  sessions: list(sessionRow, 'sessions'),
  treatments: list(treatmentRow, 'treatments'),
  /** The catalogue entries the sessions use, so the target machine can add what it lacks. */
  pigments: list(pigmentRow, 'pigments'),
  comments: list(commentRow, 'comments'),
  /** The patient's audit trail from the machine that made the archive: history, never replayed. */
  audit: list(auditRow, 'audit'),
})

export type ArchiveRecords = z.infer<typeof archiveRecordsSchema>
export type PatientArchiveRow = ArchiveRecords['patient']
export type PhotoArchiveRow = ArchiveRecords['photos'][number]
export type DesignArchiveRow = ArchiveRecords['designs'][number]
export type PlanArchiveRow = NonNullable<ArchiveRecords['plan']>
export type PigmentArchiveRow = ArchiveRecords['pigments'][number]
export type AuditArchiveRow = ArchiveRecords['audit'][number]
