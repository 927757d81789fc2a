import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { PatientId } from '../../../shared/patients/patient'
import type { PhotoImportOutcome } from '../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../shared/photos/photo-fields'
import { HeavyWorkStopped } from '../../workers/worker-pool'
import type { DecodeHost, DecodeInput, DecodeOutput } from '../isolation/decode-host'
import { DECODE_MEMORY_BUDGET_MB, decoding } from '../isolation/decoding'
import { ServiceError } from '../service-error'
import { sniffImageFormat } from './image-format'
import type { PhotoFileUse } from './photo-file-use'
import type { PhotoAudit, PhotoRecords } from './photo-records'
import { PHOTO_COLUMNS, type PhotoRow, rowToPhoto } from './photo-rows'

export interface PhotoImport {
  patientId: PatientId
  name: string
  /** The file's modification time (ms since 1970), the fallback when the photo has no EXIF date. */
  lastModified: number | null
  bytes: Uint8Array
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The file's time on this machine's clock, in the same wall-clock form as an EXIF date. */
function localWallClock(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

const rejectFile = (name: string, reason: string): never => {
  throw new ServiceError('invalid_input', `${name}: ${reason}`, { bytes: reason })
}

/**
 * Hashing and decoding run in a decode process, so the app keeps answering meanwhile; a file the
 * process refuses, or that takes too long or too much memory (the process is then killed), is
 * refused by name.
 */
async function heavy<N extends 'storedOriginal' | 'prepareImage'>(
  decoder: DecodeHost,
  name: string,
  job: N,
  input: DecodeInput<N>,
): Promise<DecodeOutput<N>> {
  try {
    return await decoder.run(job, input, { timeoutMs: PHOTO_LIMITS.decodeSeconds * 1000 })
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'invalid_input') return rejectFile(name, error.message)
    if (!(error instanceof HeavyWorkStopped)) throw error
    return rejectFile(
      name,
      error.reason === 'time'
        ? `Stipple stopped reading this image after ${PHOTO_LIMITS.decodeSeconds} seconds, far longer than a photo takes; it may be damaged or crafted.`
        : `Stipple stopped reading this image: it needs more memory than Stipple allows for one picture (${DECODE_MEMORY_BUDGET_MB} MB); it may be damaged or crafted. Export it smaller (or as a baseline JPEG) to import it.`,
    )
  }
}

/**
 * The import pipeline: check the file, keep the original (without its GPS position when the
 * setting says so), dedupe by its hash, derive the drawn copy and thumbnail, then store files
 * and row together: a failed import leaves neither.
 */
export function createPhotoImporter(deps: {
  db: Database
  records: PhotoRecords
  fileUse: PhotoFileUse
  stamp: () => string
  audit: PhotoAudit
  /** Whether import removes an original's GPS position (Settings › Your data); read at each import. */
  removeLocation: () => boolean
  /** Where files are hashed and decoded (the app's decode processes unless a test names its own). */
  decoder?: DecodeHost
}): (file: PhotoImport) => Promise<PhotoImportOutcome> {
  const { db, records, fileUse, stamp, audit, removeLocation, decoder = decoding } = deps
  const photoByPatientSha = db.prepare<[string, string], PhotoRow>(
    `SELECT ${PHOTO_COLUMNS} FROM photos WHERE patient_id = ? AND sha256 = ?`,
  )
  const insertPhoto = db.prepare(
    `INSERT INTO photos (id, patient_id, sha256, format, original_name, byte_size, width, height, taken_at,
       taken_at_source, view, caption, calibration, location_removed_at, imported_at, updated_at, revision)
     VALUES (@id, @patientId, @sha256, @format, @originalName, @byteSize, @width, @height, @takenAt,
       @takenAtSource, 'other', '', NULL, @locationRemovedAt, @now, @now, 1)`,
  )

  return async ({ patientId, name, lastModified, bytes }) => {
    if (records.patient(patientId).archived_at !== null)
      throw new ServiceError('conflict', 'This patient is archived; restore the record to add photos.')

    const sniffed = sniffImageFormat(bytes)
    if (sniffed === null) return rejectFile(name, 'This file is not an image Stipple can read.')
    if ('unsupported' in sniffed)
      return rejectFile(name, `${sniffed.unsupported} is not supported; use JPEG, PNG, WebP or HEIC.`)

    const original = await heavy(decoder, name, 'storedOriginal', {
      bytes,
      format: sniffed.format,
      removeLocation: removeLocation(),
    })
    const { sha256 } = original
    const existing = photoByPatientSha.get(patientId, sha256)
    if (existing) return { status: 'duplicate', photo: rowToPhoto(existing) }

    return fileUse.holding([sha256], async () => {
      const prepared = await heavy(decoder, name, 'prepareImage', { bytes, format: sniffed.format })
      const files = { original: original.bytes, working: prepared.working, thumbnail: prepared.thumbnail }
      const id = randomUUID()
      return fileUse.storeHeldThen([{ sha256, format: sniffed.format, files }], () =>
        db.transaction((): PhotoImportOutcome => {
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
          const photo = rowToPhoto(records.row(id))
          audit.imported(photo)
          return { status: 'imported', photo }
        })(),
      )
    })
  }
}
