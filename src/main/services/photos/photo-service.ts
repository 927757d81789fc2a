import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { distance, type Point } from '../../../shared/geometry/point'
import { isSimplePolygon } from '../../../shared/geometry/polygon'
import type { PatientId } from '../../../shared/patients/patient'
import type {
  Calibration,
  Measurement,
  MeasurementId,
  MeasurementKind,
  Photo,
  PhotoDetail,
  PhotoEditableFields,
  PhotoId,
  PhotoImportOutcome,
  PhotoVariant,
} from '../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../shared/photos/photo-fields'
import { decodePool, type HeavyInput, type HeavyOutput, HeavyWorkStopped } from '../../workers/worker-pool'
import { createPhotoAudit } from '../audit/photo-audit'
import { createStamp } from '../clock'
import { ServiceError } from '../service-error'
import { sessionList } from '../session-days'
import { sniffImageFormat } from './image-format'
import type { PhotoFiles, StoredVariant } from './photo-files'
import { type MeasurementRow, PHOTO_COLUMNS, type PhotoRow, rowToMeasurement, rowToPhoto } from './photo-rows'

export interface PhotoImport {
  patientId: PatientId
  name: string
  /** The file's modification time (ms since 1970), the fallback when the photo has no EXIF date. */
  lastModified: number | null
  bytes: Uint8Array
}

export interface PhotoService {
  list(patientId: PatientId): Photo[]
  get(id: PhotoId): PhotoDetail
  import(file: PhotoImport): Promise<PhotoImportOutcome>
  update(id: PhotoId, revision: number, fields: PhotoEditableFields): Photo
  calibrate(id: PhotoId, revision: number, calibration: Calibration | null): Photo
  /** `filesRemoved` is false when the files stay: another record, an import or a backup still needs them. */
  remove(id: PhotoId): Promise<{ id: PhotoId; filesRemoved: boolean }>
  addMeasurement(photoId: PhotoId, input: { kind: MeasurementKind; label: string; points: Point[] }): Measurement
  renameMeasurement(id: MeasurementId, label: string): Measurement
  removeMeasurement(id: MeasurementId): { id: MeasurementId }
  /** Where a drawable file is, for the photo protocol; null unless a record uses it. */
  fileFor(sha256: string, variant: PhotoVariant): string | null
  /** Removes files no record uses (left by a crash mid-import); run at start-up. */
  sweepUnusedFiles(): number
  /**
   * For rows another service adds with their files (a patient archive): stores the files, then
   * runs `write`, the rows' transaction, while no delete or sweep may take those files; a failed
   * write removes the files it stored, so nothing is left behind.
   */
  storeFilesThen<T>(sets: readonly StoredFileSet[], write: () => T): Promise<T>
}

/** One original's files as `PhotoFiles.store` takes them. */
export interface StoredFileSet {
  sha256: string
  format: Photo['format']
  files: Record<StoredVariant, Uint8Array>
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The file's time on this machine's clock, in the same wall-clock form as an EXIF date. */
function localWallClock(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/**
 * The photo library: imports (check, dedupe, derive, store), per-photo details, calibration
 * and measurements. Rows and files change together: a failed import leaves neither, a delete
 * removes the files once no record uses them.
 */
export function createPhotoService(
  db: Database,
  files: PhotoFiles,
  now: () => Date = () => new Date(),
  /** Whether import removes an original's GPS position (Settings › Your data); read at each import. */
  removeLocation: () => boolean = () => true,
): PhotoService {
  const stamp = createStamp(now)
  const audit = createPhotoAudit(db)
  const patientById = db.prepare<[string], { archived_at: string | null }>(
    'SELECT archived_at FROM patients WHERE id = ?',
  )
  const photoById = db.prepare<[string], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM photos WHERE id = ?`)
  const photoByPatientSha = db.prepare<[string, string], PhotoRow>(
    `SELECT ${PHOTO_COLUMNS} FROM photos WHERE patient_id = ? AND sha256 = ?`,
  )
  const photosOfPatient = db.prepare<[string], PhotoRow>(
    `SELECT ${PHOTO_COLUMNS} FROM photos WHERE patient_id = ? ORDER BY taken_at DESC, imported_at DESC`,
  )
  const anyBySha = db.prepare<[string], { format: Photo['format'] }>(
    'SELECT format FROM photos WHERE sha256 = ? LIMIT 1',
  )
  const insertPhoto = db.prepare(
    `INSERT INTO photos (id, patient_id, sha256, format, original_name, byte_size, width, height, taken_at,
       taken_at_source, view, caption, calibration, location_removed_at, imported_at, updated_at, revision)
     VALUES (@id, @patientId, @sha256, @format, @originalName, @byteSize, @width, @height, @takenAt,
       @takenAtSource, 'other', '', NULL, @locationRemovedAt, @now, @now, 1)`,
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
  const updateCalibration = db.prepare(
    `UPDATE photos SET calibration = @calibration, updated_at = @now, revision = revision + 1
     WHERE id = @id AND revision = @revision`,
  )
  const deletePhoto = db.prepare('DELETE FROM photos WHERE id = ?')
  const measurementsOf = db.prepare<[string], MeasurementRow>(
    'SELECT * FROM photo_measurements WHERE photo_id = ? ORDER BY created_at, id',
  )
  const measurementById = db.prepare<[string], MeasurementRow>('SELECT * FROM photo_measurements WHERE id = ?')
  const insertMeasurement = db.prepare(
    `INSERT INTO photo_measurements (id, photo_id, kind, label, points, created_at)
     VALUES (@id, @photoId, @kind, @label, @points, @now)`,
  )
  const renameMeasurementRow = db.prepare('UPDATE photo_measurements SET label = ? WHERE id = ?')
  const deleteMeasurement = db.prepare('DELETE FROM photo_measurements WHERE id = ?')

  // Imports of one original in flight: its files may exist before its row, so a delete or a
  // sweep must not take them.
  const inFlight = new Map<string, number>()
  const hold = (sha: string) => inFlight.set(sha, (inFlight.get(sha) ?? 0) + 1)
  const release = (sha: string) => {
    const left = (inFlight.get(sha) ?? 1) - 1
    if (left === 0) inFlight.delete(sha)
    else inFlight.set(sha, left)
  }
  const removing = new Map<string, Promise<boolean>>()
  const isUsed = (sha: string) => inFlight.has(sha) || anyBySha.get(sha) !== undefined

  const getRow = (id: PhotoId): PhotoRow => {
    const row = photoById.get(id)
    if (!row) throw new ServiceError('not_found', 'That photo does not exist; it may have been deleted.')
    return row
  }

  const staleOrMissing = (id: PhotoId): never => {
    getRow(id)
    throw new ServiceError('conflict', 'This photo was changed elsewhere; reopen it to see the latest version.')
  }

  const assertInside = (row: PhotoRow, points: readonly Point[], field: string) => {
    const outside = points.findIndex((p) => p.x < 0 || p.y < 0 || p.x > row.width || p.y > row.height)
    if (outside >= 0) {
      throw new ServiceError('invalid_input', 'A point lies outside the photo.', {
        [`${field}.${outside}`]: 'This point lies outside the photo',
      })
    }
  }

  const rejectFile = (name: string, reason: string): never => {
    throw new ServiceError('invalid_input', `${name}: ${reason}`, { bytes: reason })
  }

  /**
   * Hashing and decoding run in a worker thread, so the app keeps answering meanwhile; a file the
   * worker refuses, or that takes too long or too much memory, is refused by name.
   */
  const heavy = async <N extends 'storedOriginal' | 'prepareImage'>(
    name: string,
    job: N,
    input: HeavyInput<N>,
  ): Promise<HeavyOutput<N>> => {
    try {
      return await decodePool.run(job, input, { timeoutMs: PHOTO_LIMITS.decodeSeconds * 1000 })
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'invalid_input') return rejectFile(name, error.message)
      if (!(error instanceof HeavyWorkStopped)) throw error
      return rejectFile(
        name,
        error.reason === 'time'
          ? `Stipple stopped reading this image after ${PHOTO_LIMITS.decodeSeconds} seconds, far longer than a photo takes; it may be damaged or crafted.`
          : 'Stipple stopped reading this image: it needed far more memory than a photo does; it may be damaged or crafted.',
      )
    }
  }

  const update = db.transaction((id: PhotoId, revision: number, fields: PhotoEditableFields): Photo => {
    const row = getRow(id)
    if (fields.sessionId !== null && sessionById.get(fields.sessionId)?.patient_id !== row.patient_id) {
      throw new ServiceError('invalid_input', "That session is not in this patient's treatment plan.", {
        'fields.sessionId': "Choose one of this patient's sessions",
      })
    }
    if (updateFields.run({ id, revision, now: stamp(), ...fields }).changes === 0) staleOrMissing(id)
    const updated = rowToPhoto(getRow(id))
    audit.detailsChanged(rowToPhoto(row), updated)
    return updated
  })

  const calibrate = db.transaction((id: PhotoId, revision: number, calibration: Calibration | null): Photo => {
    const row = getRow(id)
    if (calibration) {
      assertInside(row, [calibration.a, calibration.b], 'calibration.points')
      if (distance(calibration.a, calibration.b) < PHOTO_LIMITS.minCalibrationPx) {
        throw new ServiceError(
          'invalid_input',
          `The ruler line is too short to calibrate from; draw it at least ${PHOTO_LIMITS.minCalibrationPx} photo pixels long, ideally across the whole ruler.`,
        )
      }
    }
    const result = updateCalibration.run({
      id,
      revision,
      now: stamp(),
      calibration: calibration && JSON.stringify(calibration),
    })
    if (result.changes === 0) staleOrMissing(id)
    const calibrated = rowToPhoto(getRow(id))
    audit.calibrated(rowToPhoto(row), calibrated)
    return calibrated
  })

  const addMeasurement = db.transaction((row: PhotoRow, kind: MeasurementKind, label: string, points: Point[]) => {
    const id = randomUUID()
    insertMeasurement.run({ id, photoId: row.id, kind, label, points: JSON.stringify(points), now: stamp() })
    const added = rowToMeasurement(measurementById.get(id) as MeasurementRow)
    audit.measurementAdded(rowToPhoto(row), added)
    return added
  })

  const renameMeasurement = db.transaction((id: MeasurementId, label: string): Measurement => {
    const before = measurementById.get(id)
    if (!before || renameMeasurementRow.run(label, id).changes === 0)
      throw new ServiceError('not_found', 'That measurement does not exist.')
    const renamed = rowToMeasurement(measurementById.get(id) as MeasurementRow)
    audit.measurementRenamed(rowToPhoto(getRow(before.photo_id)), rowToMeasurement(before), renamed, stamp())
    return renamed
  })

  const removeMeasurement = db.transaction((id: MeasurementId): { id: MeasurementId } => {
    const before = measurementById.get(id)
    if (!before || deleteMeasurement.run(id).changes === 0)
      throw new ServiceError('not_found', 'That measurement does not exist.')
    audit.measurementDeleted(rowToPhoto(getRow(before.photo_id)), rowToMeasurement(before), stamp())
    return { id }
  })

  // The check and the delete under one write lock, so a plan saved in between cannot start
  // treating the design that is about to go.
  const removeRow = db.transaction((id: PhotoId): PhotoRow => {
    const row = getRow(id)
    const treating = sessionsTreatingPhoto.all(id).map((s) => s.starts_at)
    if (treating.length > 0) {
      throw new ServiceError(
        'conflict',
        `The design on this photo is treated in ${sessionList(treating)}; take its zones out of ${treating.length > 1 ? 'those sessions' : 'that session'} before deleting the photo.`,
      )
    }
    audit.deleting(rowToPhoto(row), stamp())
    deletePhoto.run(id)
    return row
  })

  return {
    list(patientId) {
      if (!patientById.get(patientId)) throw new ServiceError('not_found', 'That patient record does not exist.')
      return photosOfPatient.all(patientId).map(rowToPhoto)
    },

    get(id) {
      return { ...rowToPhoto(getRow(id)), measurements: measurementsOf.all(id).map(rowToMeasurement) }
    },

    async import({ patientId, name, lastModified, bytes }) {
      const patient = patientById.get(patientId)
      if (!patient) throw new ServiceError('not_found', 'That patient record does not exist.')
      if (patient.archived_at !== null)
        throw new ServiceError('conflict', 'This patient is archived; restore the record to add photos.')

      const sniffed = sniffImageFormat(bytes)
      if (sniffed === null) return rejectFile(name, 'This file is not an image Stipple can read.')
      if ('unsupported' in sniffed)
        return rejectFile(name, `${sniffed.unsupported} is not supported; use JPEG, PNG, WebP or HEIC.`)

      const original = await heavy(name, 'storedOriginal', {
        bytes,
        format: sniffed.format,
        removeLocation: removeLocation(),
      })
      const { sha256 } = original
      const existing = photoByPatientSha.get(patientId, sha256)
      if (existing) return { status: 'duplicate', photo: rowToPhoto(existing) }

      hold(sha256)
      try {
        const prepared = await heavy(name, 'prepareImage', { bytes, format: sniffed.format })
        // A delete of the same bytes may be removing their files right now; storing must
        // come after it, or it would find files that are about to vanish and skip writing them.
        await removing.get(sha256)
        const created = await files.store(sha256, sniffed.format, {
          original: original.bytes,
          working: prepared.working,
          thumbnail: prepared.thumbnail,
        })
        const id = randomUUID()
        try {
          const outcome = db.transaction((): PhotoImportOutcome => {
            // Another import of the same bytes may have finished while this one was decoding.
            const raced = photoByPatientSha.get(patientId, sha256)
            if (raced) return { status: 'duplicate', photo: rowToPhoto(raced) }
            const importedAt = stamp()
            insertPhoto.run({
              id,
              patientId,
              sha256,
              format: sniffed.format,
              originalName: name,
              byteSize: bytes.byteLength,
              width: prepared.width,
              height: prepared.height,
              takenAt: prepared.takenAt ?? localWallClock(lastModified ?? Date.parse(importedAt)),
              takenAtSource: prepared.takenAt ? 'exif' : 'file',
              locationRemovedAt: original.locationRemoved ? importedAt : null,
              now: importedAt,
            })
            const photo = rowToPhoto(getRow(id))
            audit.imported(photo)
            return { status: 'imported', photo }
          })()
          return outcome
        } catch (error) {
          if (created.length > 0 && anyBySha.get(sha256) === undefined && (inFlight.get(sha256) ?? 0) <= 1)
            await files.remove(sha256, sniffed.format)
          throw error
        }
      } finally {
        release(sha256)
      }
    },

    update: (id, revision, fields) => update.immediate(id, revision, fields),

    calibrate: (id, revision, calibration) => calibrate.immediate(id, revision, calibration),

    async remove(id) {
      const row = removeRow.immediate(id)
      if (isUsed(row.sha256)) return { id, filesRemoved: false }
      const removal = files.remove(row.sha256, row.format)
      removing.set(row.sha256, removal)
      try {
        return { id, filesRemoved: await removal }
      } finally {
        removing.delete(row.sha256)
      }
    },

    addMeasurement(photoId, { kind, label, points }) {
      const row = getRow(photoId)
      assertInside(row, points, 'measurement.points')
      if (kind === 'area' && !isSimplePolygon(points))
        throw new ServiceError('invalid_input', 'The outline crosses itself; an area must be a simple closed shape.')
      if (kind === 'distance' && distance(points[0] as Point, points[1] as Point) === 0)
        throw new ServiceError('invalid_input', 'A distance needs two different points.')
      return addMeasurement.immediate(row, kind, label, points)
    },

    renameMeasurement: (id, label) => renameMeasurement.immediate(id, label),
    removeMeasurement: (id) => removeMeasurement.immediate(id),

    fileFor(sha256, variant) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null
      const used = anyBySha.get(sha256)
      return used ? files.pathOf(sha256, variant, used.format) : null
    },

    sweepUnusedFiles() {
      return files.sweep(isUsed)
    },

    async storeFilesThen(sets, write) {
      for (const set of sets) hold(set.sha256)
      const stored: StoredFileSet[] = []
      try {
        try {
          for (const set of sets) {
            await removing.get(set.sha256)
            if ((await files.store(set.sha256, set.format, set.files)).length > 0) stored.push(set)
          }
          return write()
        } catch (error) {
          for (const set of stored)
            if (anyBySha.get(set.sha256) === undefined && (inFlight.get(set.sha256) ?? 0) <= 1)
              await files.remove(set.sha256, set.format)
          throw error
        }
      } finally {
        for (const set of sets) release(set.sha256)
      }
    },
  }
}
