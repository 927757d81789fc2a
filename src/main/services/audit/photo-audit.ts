import type { Database } from 'better-sqlite3'
import type { AuditEvent, CalibrationNote, PhotoNote } from '../../../shared/audit/audit-types'
import { measure, pxPerMm } from '../../../shared/photos/calibration'
import type { Calibration, Measurement, Photo } from '../../../shared/photos/photo'
import { createAuditLog } from './audit-log'
import { canonicalJson } from './canonical-json'
import { fieldChanges } from './field-changes'

type PhotoEvent = Extract<AuditEvent, { entity: 'photo' }>

const photoNote = (photo: Photo): PhotoNote => ({ name: photo.originalName, view: photo.view, takenAt: photo.takenAt })

const calibrationNote = (calibration: Calibration | null): CalibrationNote | null =>
  calibration && { lengthMm: calibration.lengthMm, pxPerMm: pxPerMm(calibration) ?? 0 }

const measurementNote = (photo: Photo, measurement: Measurement) => ({
  kind: measurement.kind,
  label: measurement.label,
  size: measure(measurement, pxPerMm(photo.calibration)),
})

/** The photo service's entries; each call belongs inside the transaction of its change. */
export function createPhotoAudit(db: Database) {
  const log = createAuditLog(db)
  const sessionStart = db.prepare<[string], { starts_at: string }>('SELECT starts_at FROM sessions WHERE id = ?')
  const designObjects = db.prepare<[string], { n: number }>(
    `SELECT coalesce(json_array_length(document, '$.objects'), 0) AS n FROM designs WHERE photo_id = ?`,
  )
  // A session is named by its start, what the person saw when linking it; the id means nothing to them.
  const sessionOf = (id: string | null) => (id === null ? null : (sessionStart.get(id)?.starts_at ?? id))
  const append = (photo: Photo, at: string, event: PhotoEvent) =>
    log.append({ ...event, at, patientId: photo.patientId, entityId: photo.id })

  return {
    imported(photo: Photo) {
      append(photo, photo.importedAt, { entity: 'photo', action: 'imported', detail: { photo: photoNote(photo) } })
    },
    detailsChanged(before: Photo, after: Photo) {
      const fields = (p: Photo) => ({ view: p.view, caption: p.caption, session: sessionOf(p.sessionId) })
      const changes = fieldChanges(fields(before), fields(after))
      if (changes.length === 0) return
      append(after, after.updatedAt, {
        entity: 'photo',
        action: 'details-changed',
        detail: { photo: photoNote(after), changes },
      })
    },
    calibrated(before: Photo, after: Photo) {
      if (canonicalJson(before.calibration) === canonicalJson(after.calibration)) return
      append(after, after.updatedAt, {
        entity: 'photo',
        action: 'calibrated',
        detail: {
          photo: photoNote(after),
          before: calibrationNote(before.calibration),
          after: calibrationNote(after.calibration),
        },
      })
    },
    /** Before the row goes: what goes with it (its measurements, its design) is counted here. */
    deleting(photo: Photo, at: string) {
      append(photo, at, {
        entity: 'photo',
        action: 'deleted',
        detail: {
          photo: photoNote(photo),
          measurements: photo.measurementCount,
          designObjects: designObjects.get(photo.id)?.n ?? 0,
        },
      })
    },
    measurementAdded(photo: Photo, measurement: Measurement) {
      append(photo, measurement.createdAt, {
        entity: 'photo',
        action: 'measurement-added',
        detail: { photo: photoNote(photo), measurement: measurementNote(photo, measurement) },
      })
    },
    measurementRenamed(photo: Photo, before: Measurement, after: Measurement, at: string) {
      if (before.label === after.label) return
      append(photo, at, {
        entity: 'photo',
        action: 'measurement-renamed',
        detail: { photo: photoNote(photo), measurement: measurementNote(photo, after), before: before.label },
      })
    },
    measurementDeleted(photo: Photo, measurement: Measurement, at: string) {
      append(photo, at, {
        entity: 'photo',
        action: 'measurement-deleted',
        detail: { photo: photoNote(photo), measurement: measurementNote(photo, measurement) },
      })
    },
  }
}
