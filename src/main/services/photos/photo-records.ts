import type { Database } from 'better-sqlite3'
import type { PatientId } from '../../../shared/patients/patient'
import type { Photo, PhotoEditableFields, PhotoId } from '../../../shared/photos/photo'
import type { createPhotoAudit } from '../audit/photo-audit'
import { ServiceError } from '../service-error'
import { sessionList } from '../session-days'
import { PHOTO_COLUMNS, type PhotoRow, rowToPhoto } from './photo-rows'

export type PhotoAudit = ReturnType<typeof createPhotoAudit>

/** The photo rows themselves: read, list, edit their details, delete. */
export interface PhotoRecords {
  /** The row, or a not-found error for the user. */
  row(id: PhotoId): PhotoRow
  /** After a revision-checked write changed nothing: says whether the photo is gone or was changed elsewhere. */
  staleOrMissing(id: PhotoId): never
  /** The patient's row, or a not-found error for the user. */
  patient(patientId: PatientId): { archived_at: string | null }
  list(patientId: PatientId): Photo[]
  update(id: PhotoId, revision: number, fields: PhotoEditableFields): Photo
  /** Deletes the row unless a session treats its design; returns the row as it was. */
  removeRow(id: PhotoId): PhotoRow
}

export function createPhotoRecords(db: Database, stamp: () => string, audit: PhotoAudit): PhotoRecords {
  const patientById = db.prepare<[string], { archived_at: string | null }>(
    'SELECT archived_at FROM patients WHERE id = ?',
  )
  const photoById = db.prepare<[string], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM photos WHERE id = ?`)
  const photosOfPatient = db.prepare<[string], PhotoRow>(
    `SELECT ${PHOTO_COLUMNS} FROM photos WHERE patient_id = ? ORDER BY taken_at DESC, imported_at DESC`,
  )
  const updateFields = db.prepare(
    `UPDATE photos SET view = @view, caption = @caption, session_id = @sessionId, updated_at = @now,
       revision = revision + 1
     WHERE id = @id AND revision = @revision`,
  )
  const sessionById = db.prepare<[string], { patient_id: string }>('SELECT patient_id FROM sessions WHERE id = ?')
  const sessionsTreatingPhoto = db.prepare<[string], { starts_at: string }>(
    `SELECT starts_at FROM sessions WHERE id IN (
       SELECT session_id FROM session_treatments JOIN designs ON designs.id = session_treatments.design_id
       WHERE designs.photo_id = ?)
     ORDER BY starts_at`,
  )
  const deletePhoto = db.prepare('DELETE FROM photos WHERE id = ?')

  const row = (id: PhotoId): PhotoRow => {
    const found = photoById.get(id)
    if (!found) throw new ServiceError('not_found', 'That photo does not exist; it may have been deleted.')
    return found
  }

  const staleOrMissing = (id: PhotoId): never => {
    row(id)
    throw new ServiceError('conflict', 'This photo was changed elsewhere; reopen it to see the latest version.')
  }

  const patient = (patientId: PatientId) => {
    const found = patientById.get(patientId)
    if (!found) throw new ServiceError('not_found', 'That patient record does not exist.')
    return found
  }

  const update = db.transaction((id: PhotoId, revision: number, fields: PhotoEditableFields): Photo => {
    const before = row(id)
    if (fields.sessionId !== null && sessionById.get(fields.sessionId)?.patient_id !== before.patient_id) {
      throw new ServiceError('invalid_input', "That session is not in this patient's treatment plan.", {
        'fields.sessionId': "Choose one of this patient's sessions",
      })
    }
    if (updateFields.run({ id, revision, now: stamp(), ...fields }).changes === 0) staleOrMissing(id)
    const updated = rowToPhoto(row(id))
    audit.detailsChanged(rowToPhoto(before), updated)
    return updated
  })

  // The check and the delete under one write lock, so a plan saved in between cannot start
  // treating the design that is about to go.
  const removeRow = db.transaction((id: PhotoId): PhotoRow => {
    const removed = row(id)
    const treating = sessionsTreatingPhoto.all(id).map((s) => s.starts_at)
    if (treating.length > 0) {
      throw new ServiceError(
        'conflict',
        `The design on this photo is treated in ${sessionList(treating)}; take its zones out of ${treating.length > 1 ? 'those sessions' : 'that session'} before deleting the photo.`,
      )
    }
    audit.deleting(rowToPhoto(removed), stamp())
    deletePhoto.run(id)
    return removed
  })

  return {
    row,
    staleOrMissing,
    patient,
    list(patientId) {
      patient(patientId)
      return photosOfPatient.all(patientId).map(rowToPhoto)
    },
    update: (id, revision, fields) => update.immediate(id, revision, fields),
    removeRow: (id) => removeRow.immediate(id),
  }
}
