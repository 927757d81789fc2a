import type { HeadChartView } from '../../../shared/charts/head-chart'
import type { Point } from '../../../shared/geometry/point'
import type { Calibration, Measurement, MeasurementKind, Photo, TakenAtSource } from '../../../shared/photos/photo'
import type { PhotoFormat, PhotoView } from '../../../shared/photos/photo-fields'

export interface PhotoRow {
  id: string
  patient_id: string
  sha256: string
  format: PhotoFormat
  original_name: string
  byte_size: number
  width: number
  height: number
  taken_at: string
  taken_at_source: TakenAtSource
  view: PhotoView
  caption: string
  calibration: string | null
  session_id: string | null
  chart: HeadChartView | null
  location_removed_at: string | null
  imported_at: string
  updated_at: string
  revision: number
  measurement_count: number
}

export interface MeasurementRow {
  id: string
  photo_id: string
  kind: MeasurementKind
  label: string
  points: string
  created_at: string
}

/** Every photo query selects this, so rows always carry their measurement count. */
export const PHOTO_COLUMNS = `photos.*, (SELECT count(*) FROM photo_measurements m WHERE m.photo_id = photos.id) AS measurement_count`

export function rowToPhoto(row: PhotoRow): Photo {
  return {
    id: row.id,
    patientId: row.patient_id,
    sha256: row.sha256,
    format: row.format,
    originalName: row.original_name,
    byteSize: row.byte_size,
    width: row.width,
    height: row.height,
    takenAt: row.taken_at,
    takenAtSource: row.taken_at_source,
    view: row.view,
    caption: row.caption,
    calibration: row.calibration === null ? null : (JSON.parse(row.calibration) as Calibration),
    sessionId: row.session_id,
    chart: row.chart ?? null,
    locationRemovedAt: row.location_removed_at ?? null,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    revision: row.revision,
    measurementCount: row.measurement_count,
  }
}

export function rowToMeasurement(row: MeasurementRow): Measurement {
  return {
    id: row.id,
    photoId: row.photo_id,
    kind: row.kind,
    label: row.label,
    points: JSON.parse(row.points) as Point[],
    createdAt: row.created_at,
  }
}
