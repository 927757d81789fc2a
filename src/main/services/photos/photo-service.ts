import type { Database } from 'better-sqlite3'
import type { Point } from '../../../shared/geometry/point'
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
import { createPhotoAudit } from '../audit/photo-audit'
import { createStamp } from '../clock'
import type { DecodeHost } from '../isolation/decode-host'
import { createPhotoFileUse, type StoredFileSet } from './photo-file-use'
import type { PhotoFiles } from './photo-files'
import { createPhotoImporter, type PhotoImport } from './photo-import'
import { createPhotoMeasurements } from './photo-measurements'
import { createPhotoRecords } from './photo-records'
import { rowToPhoto } from './photo-rows'

export type { StoredFileSet } from './photo-file-use'
export type { PhotoImport } from './photo-import'

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

/**
 * The photo library, composed of its parts: the records (`photo-records`), the import pipeline
 * (`photo-import`), which files are still needed (`photo-file-use`), and calibration and
 * measurements (`photo-measurements`). Rows and files change together: a failed import leaves
 * neither, a delete removes the files once nothing needs them.
 */
export function createPhotoService(
  db: Database,
  files: PhotoFiles,
  now: () => Date = () => new Date(),
  /** Whether import removes an original's GPS position (Settings › Your data); read at each import. */
  removeLocation: () => boolean = () => true,
  /** Where files are hashed and decoded: the app's decode processes unless a test names its own. */
  decoder?: DecodeHost,
): PhotoService {
  const stamp = createStamp(now)
  const audit = createPhotoAudit(db)
  const records = createPhotoRecords(db, stamp, audit)
  const fileUse = createPhotoFileUse(db, files)
  const measurements = createPhotoMeasurements(db, records, stamp, audit)
  const importPhoto = createPhotoImporter({
    db,
    records,
    fileUse,
    stamp,
    audit,
    removeLocation,
    ...(decoder && { decoder }),
  })

  return {
    list: records.list,
    get: (id) => ({ ...rowToPhoto(records.row(id)), measurements: measurements.of(id) }),
    import: importPhoto,
    update: records.update,
    calibrate: measurements.calibrate,
    async remove(id) {
      const row = records.removeRow(id)
      return { id, filesRemoved: await fileUse.removeIfUnused(row.sha256, row.format) }
    },
    addMeasurement: measurements.add,
    renameMeasurement: measurements.rename,
    removeMeasurement: measurements.remove,
    fileFor: fileUse.fileFor,
    sweepUnusedFiles: fileUse.sweep,
    storeFilesThen: (sets, write) =>
      fileUse.holding(
        sets.map((set) => set.sha256),
        () => fileUse.storeHeldThen(sets, write),
      ),
  }
}
