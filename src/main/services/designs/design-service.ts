import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { Design, DesignDocument, DesignSummary } from '../../../shared/design/design-types'
import type { PatientId } from '../../../shared/patients/patient'
import type { PhotoId } from '../../../shared/photos/photo'
import { planZones } from '../../../shared/plan/plan-zones'
import { createDesignAudit } from '../audit/design-audit'
import { createStamp } from '../clock'
import { ServiceError } from '../service-error'
import { sessionList } from '../session-days'
import { pointOutsidePhoto } from './design-bounds'
import {
  type DesignRow,
  type DesignSummaryRow,
  documentParams,
  rowToDesign,
  rowToSummary,
  SUMMARY_COLUMNS,
  storedDocument,
} from './design-rows'

export interface DesignService {
  list(patientId: PatientId): DesignSummary[]
  forPhoto(photoId: PhotoId): Design | null
  /** Every design of a patient, whole: the treatment plan's zones come from them. */
  forPatient(patientId: PatientId): Design[]
  save(photoId: PhotoId, baseRevision: number | null, document: DesignDocument): Design
}

interface PhotoOfDesign {
  patient_id: string
  width: number
  height: number
  archived_at: string | null
}

/**
 * Designs drawn over photos, one per photo. Documents arrive already validated by the bridge;
 * the service checks what only the database knows (the photo, its size, its patient, the
 * stored revision) and saves the whole document or nothing.
 */
export function createDesignService(db: Database, now: () => Date = () => new Date()): DesignService {
  const stamp = createStamp(now)
  const audit = createDesignAudit(db)
  const patientExists = db.prepare<[string], { id: string }>('SELECT id FROM patients WHERE id = ?')
  const photoById = db.prepare<[string], PhotoOfDesign>(
    `SELECT photos.patient_id, photos.width, photos.height, patients.archived_at
     FROM photos JOIN patients ON patients.id = photos.patient_id WHERE photos.id = ?`,
  )
  const designOfPhoto = db.prepare<[string], DesignRow>('SELECT * FROM designs WHERE photo_id = ?')
  const designsOfPatient = db.prepare<[string], DesignRow>(
    'SELECT * FROM designs WHERE patient_id = ? ORDER BY created_at, rowid',
  )
  const treatmentsOfDesign = db.prepare<[string], { zone_id: string; starts_at: string }>(
    `SELECT session_treatments.zone_id, sessions.starts_at FROM session_treatments
     JOIN sessions ON sessions.id = session_treatments.session_id
     WHERE session_treatments.design_id = ? ORDER BY sessions.starts_at, sessions.position`,
  )
  const summariesOfPatient = db.prepare<[string], DesignSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM designs WHERE patient_id = ? ORDER BY updated_at DESC, rowid DESC`,
  )
  const insert = db.prepare(
    `INSERT INTO designs (id, patient_id, photo_id, document, schema_version, created_at, updated_at, revision)
     VALUES (@id, @patientId, @photoId, @document, @schema_version, @now, @now, 1)`,
  )
  const update = db.prepare(
    `UPDATE designs SET document = @document, schema_version = @schema_version, updated_at = @now,
       revision = revision + 1
     WHERE photo_id = @photoId AND revision = @baseRevision`,
  )

  const getPhoto = (photoId: PhotoId): PhotoOfDesign => {
    const photo = photoById.get(photoId)
    if (!photo) throw new ServiceError('not_found', 'That photo does not exist; it may have been deleted.')
    return photo
  }

  /** The design whole, or a refusal: a document this version cannot read is never half-returned. */
  const readable = (row: DesignRow): Design => {
    const read = storedDocument(row)
    if (!read.ok) throw new ServiceError('conflict', read.message)
    return rowToDesign(row, read.document)
  }

  /**
   * A zone that sessions treat must stay in the design: the plan would otherwise hold
   * treatments of nothing, and the record of what was done there would lose its place.
   */
  const refuseDroppingTreatedZone = (saved: Design, document: DesignDocument) => {
    const treated = treatmentsOfDesign.all(saved.id)
    if (treated.length === 0) return
    const kept = new Set(planZones([{ ...saved, document }], []).map((z) => z.zoneId))
    const dropped = treated.find((t) => !kept.has(t.zone_id))
    if (!dropped) return
    const name = planZones([saved], []).find((z) => z.zoneId === dropped.zone_id)?.name ?? 'A treated zone'
    const sessions = treated.filter((t) => t.zone_id === dropped.zone_id).map((t) => t.starts_at)
    throw new ServiceError(
      'invalid_input',
      `${name} is treated in ${sessionList(sessions)}; take it out of the plan before removing it from the design.`,
    )
  }

  // Immediate, so the revision read and the write happen under one write lock: a save by
  // another process on the same data folder (the web harness, a second Stipple) cannot slip
  // between them, nor make this one fail late with a busy snapshot.
  const save = db.transaction((photoId: PhotoId, baseRevision: number | null, document: DesignDocument): Design => {
    const photo = getPhoto(photoId)
    if (photo.archived_at !== null)
      throw new ServiceError('conflict', 'This patient is archived; restore the record to change designs.')
    const outside = pointOutsidePhoto(document, photo)
    if (outside)
      throw new ServiceError('invalid_input', outside.message, { [outside.field]: 'This point lies outside the photo' })

    const existing = designOfPhoto.get(photoId)
    let replaced: DesignDocument | null = null
    if (existing) {
      const read = storedDocument(existing)
      if (!read.ok) throw new ServiceError('conflict', `${read.message} Stipple did not overwrite it.`)
      replaced = read.document
      // A stale save is refused as a conflict below, whatever it holds.
      if (existing.revision === baseRevision) refuseDroppingTreatedZone(rowToDesign(existing, read.document), document)
    }
    const params = { photoId, now: stamp(), ...documentParams(document) }
    if (baseRevision === null) {
      if (existing)
        throw new ServiceError(
          'conflict',
          `This photo already has a saved design (revision ${existing.revision}); reopen it to see the latest.`,
        )
      insert.run({ id: randomUUID(), patientId: photo.patient_id, ...params })
    } else if (update.run({ baseRevision, ...params }).changes === 0) {
      throw new ServiceError(
        'conflict',
        existing
          ? `This design was changed elsewhere (revision ${existing.revision}); reopen it to see the latest.`
          : 'This photo has no saved design to update; reopen it to start again.',
      )
    }
    const saved = readable(designOfPhoto.get(photoId) as DesignRow)
    audit.saved(replaced, saved)
    return saved
  })

  return {
    list(patientId) {
      if (!patientExists.get(patientId)) throw new ServiceError('not_found', 'That patient record does not exist.')
      return summariesOfPatient.all(patientId).map(rowToSummary)
    },

    forPhoto(photoId) {
      getPhoto(photoId)
      const row = designOfPhoto.get(photoId)
      return row ? readable(row) : null
    },

    forPatient(patientId) {
      if (!patientExists.get(patientId)) throw new ServiceError('not_found', 'That patient record does not exist.')
      return designsOfPatient.all(patientId).map(readable)
    },

    save: (photoId, baseRevision, document) => save.immediate(photoId, baseRevision, document),
  }
}
