import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { distance, type Point } from '../../../shared/geometry/point'
import { isSimplePolygon } from '../../../shared/geometry/polygon'
import type {
  Calibration,
  Measurement,
  MeasurementId,
  MeasurementKind,
  Photo,
  PhotoId,
} from '../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../shared/photos/photo-fields'
import { ServiceError } from '../service-error'
import type { PhotoAudit, PhotoRecords } from './photo-records'
import { type MeasurementRow, type PhotoRow, rowToMeasurement, rowToPhoto } from './photo-rows'

/** A photo's scale (its calibration) and the distances and areas measured on it. */
export interface PhotoMeasurements {
  of(photoId: PhotoId): Measurement[]
  calibrate(id: PhotoId, revision: number, calibration: Calibration | null): Photo
  add(photoId: PhotoId, input: { kind: MeasurementKind; label: string; points: Point[] }): Measurement
  rename(id: MeasurementId, label: string): Measurement
  remove(id: MeasurementId): { id: MeasurementId }
}

const assertInside = (row: PhotoRow, points: readonly Point[], field: string) => {
  const outside = points.findIndex((p) => p.x < 0 || p.y < 0 || p.x > row.width || p.y > row.height)
  if (outside >= 0) {
    throw new ServiceError('invalid_input', 'A point lies outside the photo.', {
      [`${field}.${outside}`]: 'This point lies outside the photo',
    })
  }
}

export function createPhotoMeasurements(
  db: Database,
  records: PhotoRecords,
  stamp: () => string,
  audit: PhotoAudit,
): PhotoMeasurements {
  const updateCalibration = db.prepare(
    `UPDATE photos SET calibration = @calibration, updated_at = @now, revision = revision + 1
     WHERE id = @id AND revision = @revision`,
  )
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

  const calibrate = db.transaction((id: PhotoId, revision: number, calibration: Calibration | null): Photo => {
    const row = records.row(id)
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
    if (result.changes === 0) records.staleOrMissing(id)
    const calibrated = rowToPhoto(records.row(id))
    audit.calibrated(rowToPhoto(row), calibrated)
    return calibrated
  })

  const add = db.transaction((row: PhotoRow, kind: MeasurementKind, label: string, points: Point[]) => {
    const id = randomUUID()
    insertMeasurement.run({ id, photoId: row.id, kind, label, points: JSON.stringify(points), now: stamp() })
    const added = rowToMeasurement(measurementById.get(id) as MeasurementRow)
    audit.measurementAdded(rowToPhoto(row), added)
    return added
  })

  const rename = db.transaction((id: MeasurementId, label: string): Measurement => {
    const before = measurementById.get(id)
    if (!before || renameMeasurementRow.run(label, id).changes === 0)
      throw new ServiceError('not_found', 'That measurement does not exist.')
    const renamed = rowToMeasurement(measurementById.get(id) as MeasurementRow)
    audit.measurementRenamed(rowToPhoto(records.row(before.photo_id)), rowToMeasurement(before), renamed, stamp())
    return renamed
  })

  const remove = db.transaction((id: MeasurementId): { id: MeasurementId } => {
    const before = measurementById.get(id)
    if (!before || deleteMeasurement.run(id).changes === 0)
      throw new ServiceError('not_found', 'That measurement does not exist.')
    audit.measurementDeleted(rowToPhoto(records.row(before.photo_id)), rowToMeasurement(before), stamp())
    return { id }
  })

  return {
    of: (photoId) => measurementsOf.all(photoId).map(rowToMeasurement),
    calibrate: (id, revision, calibration) => calibrate.immediate(id, revision, calibration),
    add(photoId, { kind, label, points }) {
      const row = records.row(photoId)
      assertInside(row, points, 'measurement.points')
      if (kind === 'area' && !isSimplePolygon(points))
        throw new ServiceError('invalid_input', 'The outline crosses itself; an area must be a simple closed shape.')
      if (kind === 'distance' && distance(points[0] as Point, points[1] as Point) === 0)
        throw new ServiceError('invalid_input', 'A distance needs two different points.')
      return add.immediate(row, kind, label, points)
    },
    rename: (id, label) => rename.immediate(id, label),
    remove: (id) => remove.immediate(id),
  }
}
