import type { z } from 'zod'
import type { ArchiveManifest } from '../../../shared/archive/archive-format'
import {
  ARCHIVE_ROW_LIMITS,
  type ArchiveListName,
  type ArchiveRecords,
  archiveRecordsSchema,
  archiveRowSchemas,
  type DesignArchiveRow,
  type PhotoArchiveRow,
} from '../../../shared/archive/archive-records'
import type { ArchiveCounts } from '../../../shared/archive/archive-summary'
import { commentIdSchema, commentInputSchema, designIdSchema } from '../../../shared/comments/comment-schema'
import { readDesignDocument } from '../../../shared/design/design-migrations'
import type { Design } from '../../../shared/design/design-types'
import { distance, type Point } from '../../../shared/geometry/point'
import { isSimplePolygon } from '../../../shared/geometry/polygon'
import { toFields } from '../../../shared/patients/patient'
import { patientFieldsSchema, patientIdSchema } from '../../../shared/patients/patient-schema'
import { PHOTO_FORMATS, PHOTO_LIMITS } from '../../../shared/photos/photo-fields'
import {
  calibrationSchema,
  fileNameSchema,
  measurementIdSchema,
  measurementInputSchema,
  photoFieldsSchema,
  photoIdSchema,
} from '../../../shared/photos/photo-schema'
import { pigmentSchema, planDraftSchema } from '../../../shared/plan/plan-schema'
import { planZones, zoneKey } from '../../../shared/plan/plan-zones'
import { unstorableTextPath } from '../../db/unstorable-text'
import { pointOutsidePhoto } from '../designs/design-bounds'
import { rowToDesign } from '../designs/design-rows'
import { rowToPatient } from '../patients/patient-rows'
import { type PigmentRow, rowToPigment } from '../pigments/pigment-rows'
import { rowToSession, type SessionRow, type TreatmentRow } from '../plans/plan-rows'
import { archiveRejected } from './archive-rejected'

/** A record that breaks a rule, said as the rest of a sentence ("the photo “a.jpg”: …"). */
export class RecordProblem extends Error {}

function invalid(detail: string): never {
  throw new RecordProblem(detail)
}

const issueText = (error: z.ZodError) => {
  const issue = error.issues[0]
  if (!issue) return 'it is not valid'
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
}

function must<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) invalid(`${where}: ${issueText(parsed.error)}.`)
  return parsed.data
}

function jsonOf(text: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    invalid(`${where} is not readable JSON.`)
  }
}

function uniqueIds(rows: readonly { id: string }[], what: string): Set<string> {
  const ids = new Set<string>()
  for (const { id } of rows) {
    if (ids.has(id)) invalid(`two ${what} share the id ${id}.`)
    ids.add(id)
  }
  return ids
}

const photoName = (photo: PhotoArchiveRow) => `photo “${photo.original_name}”`

function assertOnPhoto(photo: PhotoArchiveRow, points: readonly Point[], what: string) {
  if (points.some((p) => p.x < 0 || p.y < 0 || p.x > photo.width || p.y > photo.height))
    invalid(`${what} of ${photoName(photo)} lies outside the photo.`)
}

/** The counts a manifest states for these records. */
export function countsOf(records: ArchiveRecords): ArchiveCounts {
  return {
    photos: records.photos.length,
    measurements: records.measurements.length,
    designs: records.designs.length,
    sessions: records.sessions.length,
    pigments: records.pigments.length,
    comments: records.comments.length,
    auditEntries: records.audit.length,
  }
}

function checkPatient(records: ArchiveRecords) {
  const row = records.patient
  must(patientIdSchema, row.id, 'the patient’s id')
  const goals = jsonOf(row.goals, 'the patient’s goals')
  if (!Array.isArray(goals)) invalid('the patient’s goals are not a list.')
  // An archive from before schema 9 records neither pregnancy nor blood thinners.
  const full = { pregnancy: 0, blood_thinners: 0, ...row }
  must(patientFieldsSchema, toFields(rowToPatient(full)), 'the patient record')
}

function checkPhotos(records: ArchiveRecords, sessionIds: ReadonlySet<string>): Map<string, PhotoArchiveRow> {
  uniqueIds(records.photos, 'photos')
  const shas = new Set<string>()
  for (const photo of records.photos) {
    const where = photoName(photo)
    must(photoIdSchema, photo.id, where)
    must(fileNameSchema, photo.original_name, where)
    if (photo.patient_id !== records.patient.id) invalid(`${where} belongs to another patient.`)
    if (!PHOTO_FORMATS.some((f) => f.value === photo.format)) invalid(`${where} is in an unknown format.`)
    if (shas.has(photo.sha256)) invalid(`${where} is in the archive twice.`)
    shas.add(photo.sha256)
    if (photo.width * photo.height > PHOTO_LIMITS.maxMegapixels * 1_000_000) invalid(`${where} is too large.`)
    must(photoFieldsSchema, { view: photo.view, caption: photo.caption, sessionId: photo.session_id }, where)
    if (photo.session_id !== null && !sessionIds.has(photo.session_id))
      invalid(`${where} names a session the plan does not hold.`)
    if (photo.calibration !== null) {
      const calibration = must(calibrationSchema, jsonOf(photo.calibration, `the calibration of ${where}`), where)
      assertOnPhoto(photo, [calibration.a, calibration.b], 'the ruler line')
      if (distance(calibration.a, calibration.b) < PHOTO_LIMITS.minCalibrationPx)
        invalid(`the ruler line of ${where} is too short to calibrate from.`)
    }
  }
  return new Map(records.photos.map((photo) => [photo.id, photo]))
}

function checkMeasurements(records: ArchiveRecords, photos: ReadonlyMap<string, PhotoArchiveRow>) {
  uniqueIds(records.measurements, 'measurements')
  for (const row of records.measurements) {
    const photo = photos.get(row.photo_id)
    if (!photo) invalid('a measurement belongs to a photo the archive does not hold.')
    must(measurementIdSchema, row.id, `a measurement of ${photoName(photo)}`)
    const measurement = must(
      measurementInputSchema,
      { kind: row.kind, label: row.label, points: jsonOf(row.points, `a measurement of ${photoName(photo)}`) },
      `a measurement of ${photoName(photo)}`,
    )
    assertOnPhoto(photo, measurement.points, 'a measurement')
    if (measurement.kind === 'area' && !isSimplePolygon(measurement.points))
      invalid(`an area measured on ${photoName(photo)} crosses itself.`)
    if (
      measurement.kind === 'distance' &&
      distance(measurement.points[0] as Point, measurement.points[1] as Point) === 0
    )
      invalid(`a distance measured on ${photoName(photo)} has two equal points.`)
  }
}

function checkDesigns(records: ArchiveRecords, photos: ReadonlyMap<string, PhotoArchiveRow>): Design[] {
  uniqueIds(records.designs, 'designs')
  const drawnOn = new Set<string>()
  return records.designs.map((row: DesignArchiveRow) => {
    const photo = photos.get(row.photo_id)
    if (!photo) invalid('a design is drawn over a photo the archive does not hold.')
    const where = `the design on ${photoName(photo)}`
    must(designIdSchema, row.id, where)
    if (row.patient_id !== records.patient.id) invalid(`${where} belongs to another patient.`)
    if (drawnOn.has(row.photo_id)) invalid(`${photoName(photo)} has two designs.`)
    drawnOn.add(row.photo_id)
    const raw = jsonOf(row.document, where)
    if ((raw as { schema?: unknown } | null)?.schema !== row.schema_version)
      invalid(`${where} does not agree with its format version.`)
    const read = readDesignDocument(raw)
    if (!read.ok) invalid(`${where}: ${read.message}`)
    const outside = pointOutsidePhoto(read.document, photo)
    if (outside) invalid(`${where}: ${outside.message}`)
    return rowToDesign(row, read.document)
  })
}

function checkPigments(records: ArchiveRecords) {
  uniqueIds(records.pigments, 'pigments')
  const used = new Set([
    ...records.sessions.map((s) => s.pigment_id),
    ...records.treatments.flatMap((t) => (t.pigment_id ? [t.pigment_id] : [])),
  ])
  for (const row of records.pigments) {
    const where = `the pigment “${row.name}”`
    const fade = jsonOf(row.fade, `the fade of ${where}`)
    const { revision: _revision, ...pigment } = rowToPigment({ ...(row as PigmentRow), fade: JSON.stringify(fade) })
    must(pigmentSchema, pigment, where)
    if (!used.has(row.id)) invalid(`${where} is in the archive but no session uses it.`)
  }
}

function checkPlan(records: ArchiveRecords, designs: readonly Design[]) {
  const { plan, sessions, treatments } = records
  if (plan === null) {
    if (sessions.length > 0) invalid('the archive holds sessions but no treatment plan.')
    return
  }
  if (plan.patient_id !== records.patient.id) invalid('the treatment plan belongs to another patient.')
  const byId = uniqueIds(sessions, 'sessions')
  const treatmentsOf = new Map<string, TreatmentRow[]>()
  for (const t of treatments) {
    if (!byId.has(t.session_id)) invalid('a zone treatment belongs to a session the plan does not hold.')
    treatmentsOf.set(t.session_id, [...(treatmentsOf.get(t.session_id) ?? []), t as TreatmentRow])
  }
  for (const s of sessions)
    if (s.patient_id !== records.patient.id) invalid(`the session of ${s.starts_at} belongs to another patient.`)
  const draft = {
    technique: plan.technique,
    sessions: sessions.map((s) => rowToSession(s as SessionRow, treatmentsOf.get(s.id) ?? [])),
  }
  must(planDraftSchema, draft, 'the treatment plan')

  // The plan's clinical checks (dot spacing against the settings, dates against today) depend
  // on the machine reading it; the archive is a record of what was planned and done, so only
  // what would break the record is refused: every pigment and zone a session names is here.
  const pigmentIds = new Set(records.pigments.map((p) => p.id))
  const zones = new Set(planZones(designs, []).map((z) => z.key))
  for (const session of draft.sessions) {
    if (!pigmentIds.has(session.pigmentId))
      invalid(`the session of ${session.startsAt} uses a pigment the archive does not hold.`)
    for (const t of session.treatments)
      if (!zones.has(zoneKey(t.designId, t.zoneId)))
        invalid(`the session of ${session.startsAt} treats a zone none of the archive’s designs holds.`)
  }
}

function checkComments(records: ArchiveRecords, designs: readonly Design[]) {
  uniqueIds(records.comments, 'comments')
  const designIds = new Set(designs.map((d) => d.id))
  for (const row of records.comments) {
    const where = `a comment by ${row.author}`
    must(commentIdSchema, row.id, where)
    must(
      commentInputSchema,
      { designId: row.design_id, at: { x: row.x, y: row.y }, author: row.author, body: row.body },
      where,
    )
    if (!designIds.has(row.design_id)) invalid(`${where} is on a design the archive does not hold.`)
  }
}

function checkAudit(records: ArchiveRecords) {
  const seqs = new Set<number>()
  for (const entry of records.audit) {
    if (entry.patient_id !== records.patient.id) invalid('an audit entry belongs to another patient.')
    if (seqs.has(entry.seq)) invalid(`two audit entries share the number ${entry.seq}.`)
    seqs.add(entry.seq)
    const detail = jsonOf(entry.detail, `audit entry ${entry.seq}`)
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail))
      invalid(`audit entry ${entry.seq} holds no detail.`)
  }
}

/**
 * The audit trail is a record of when things happened: no entry may be dated before the patient's record
 * was created or after the archive was made, so a forged entry cannot be slipped into the past.
 */
function checkAuditDates(records: ArchiveRecords, archiveCreatedAt: string) {
  const created = Date.parse(records.patient.created_at)
  const made = Date.parse(archiveCreatedAt)
  for (const entry of records.audit) {
    const at = Date.parse(entry.at)
    if (at < created)
      invalid(`history entry ${entry.seq} is dated ${entry.at}, before the patient’s record was created.`)
    if (at > made) invalid(`history entry ${entry.seq} is dated ${entry.at}, after the archive was made.`)
  }
}

/**
 * Checks a patient's records as the bridge would check each of them arriving one by one: the
 * same zod schemas and service rules, and every reference inside the set. Throws a
 * `RecordProblem` naming the first problem.
 */
export function checkRecordValues(records: ArchiveRecords): void {
  checkPatient(records)
  const photos = checkPhotos(records, new Set(records.sessions.map((s) => s.id)))
  checkMeasurements(records, photos)
  const designs = checkDesigns(records, photos)
  checkPigments(records)
  checkPlan(records, designs)
  checkComments(records, designs)
  checkAudit(records)
}

const LIST_WORDS: Record<ArchiveListName, string> = {
  photos: 'photos',
  measurements: 'measurements',
  designs: 'designs',
  sessions: 'sessions',
  treatments: 'zone treatments',
  pigments: 'pigments',
  comments: 'comments',
  audit: 'history entries',
}

/**
 * records.json in form, measured first and then row by row: a list longer than any real record
 * is refused before a row is read, and the first bad row ends the check, so a small hostile file
 * cannot make the check build millions of findings.
 */
function parseRecords(raw: unknown): ArchiveRecords {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    invalid('records.json is not in the form Stipple writes (it holds no records).')
  const lists = raw as Record<string, unknown>
  for (const name of Object.keys(ARCHIVE_ROW_LIMITS) as ArchiveListName[]) {
    const rows = lists[name]
    if (!Array.isArray(rows)) invalid(`records.json is not in the form Stipple writes (${name}: not a list).`)
    if (rows.length > ARCHIVE_ROW_LIMITS[name])
      invalid(
        `records.json holds ${rows.length.toLocaleString('en')} ${LIST_WORDS[name]}; one patient's archive holds at most ${ARCHIVE_ROW_LIMITS[name].toLocaleString('en')}.`,
      )
    const schema: z.ZodType = archiveRowSchemas[name]
    rows.forEach((row, index) => {
      const parsed = schema.safeParse(row)
      if (!parsed.success)
        invalid(`records.json is not in the form Stipple writes (${name}.${index}.${issueText(parsed.error)}).`)
    })
  }
  const parsed = archiveRecordsSchema.safeParse(raw)
  if (!parsed.success) invalid(`records.json is not in the form Stipple writes (${issueText(parsed.error)}).`)
  return parsed.data
}

/**
 * An archive's records, checked in form, against the manifest's word on whom and how much they
 * hold, and in value (`checkRecordValues`). Throws a refusal naming the first problem.
 */
export function checkRecords(raw: unknown, manifest: ArchiveManifest): ArchiveRecords {
  try {
    const records = parseRecords(raw)
    const unstorable = unstorableTextPath(records)
    if (unstorable !== null)
      invalid(`${unstorable} holds a character Stipple cannot store (a NUL or half of a character pair).`)
    if (records.patient.id !== manifest.patient.id) invalid('the manifest names another patient than the records.')
    const counts = countsOf(records)
    const wrong = (Object.keys(counts) as (keyof ArchiveCounts)[]).find((k) => counts[k] !== manifest.counts[k])
    if (wrong) invalid(`the manifest counts ${manifest.counts[wrong]} ${wrong} but the records hold ${counts[wrong]}.`)
    checkRecordValues(records)
    checkAuditDates(records, manifest.createdAt)
    return records
  } catch (error) {
    if (error instanceof RecordProblem)
      archiveRejected(`The archive’s records are not valid, so nothing was imported: ${error.message}`)
    throw error
  }
}
