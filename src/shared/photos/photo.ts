import type { HeadChartView } from '../charts/head-chart'
import type { Point } from '../geometry/point'
import type { PatientId } from '../patients/patient'
import type { SessionId } from '../plan/plan-types'
import type { PhotoFormat, PhotoView } from './photo-fields'

export type PhotoId = string
export type MeasurementId = string

/** A ruler line drawn on the photo and its real length: gives the photo's scale. */
export interface Calibration {
  a: Point
  b: Point
  lengthMm: number
}

/** Where `takenAt` came from, so the UI can say "from the camera" or "file date". */
export type TakenAtSource = 'exif' | 'file'

export interface Photo {
  id: PhotoId
  patientId: PatientId
  /** SHA-256 of the original bytes: names the stored files, and two imports of one file share them. */
  sha256: string
  format: PhotoFormat
  originalName: string
  byteSize: number
  /** Pixel size of the original once upright; every point on the photo is in these pixels. */
  width: number
  height: number
  /** Wall-clock time the photo was taken, `YYYY-MM-DDTHH:MM:SS`, as the camera or file says. */
  takenAt: string
  takenAtSource: TakenAtSource
  view: PhotoView
  caption: string
  calibration: Calibration | null
  /** The session of the patient's plan this photo was taken at, if any. */
  sessionId: SessionId | null
  /** Set when Stipple drew this picture: a head chart of that view, at average adult proportions. */
  chart: HeadChartView | null
  /** When import removed the original's GPS position (its EXIF GPS block); null when it kept none or the clinic keeps it. */
  locationRemovedAt: string | null
  importedAt: string
  updatedAt: string
  revision: number
  measurementCount: number
}

export type MeasurementKind = 'distance' | 'area'

export interface Measurement {
  id: MeasurementId
  photoId: PhotoId
  kind: MeasurementKind
  label: string
  /** Two points for a distance; the closed ring's corners for an area. */
  points: Point[]
  createdAt: string
}

export interface PhotoDetail extends Photo {
  measurements: Measurement[]
}

export interface PhotoImportOutcome {
  /** `duplicate` when this patient already had these exact bytes: nothing new was stored. */
  status: 'imported' | 'duplicate'
  photo: Photo
}

export interface PhotoEditableFields {
  view: PhotoView
  caption: string
  sessionId: SessionId | null
}

/** Which stored image a URL points at. */
export type PhotoVariant = 'working' | 'thumbnail'
