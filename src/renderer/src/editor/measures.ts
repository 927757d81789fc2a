import type { Calibration, Measurement } from '../../../shared/photos/photo'

/** A measurement as the editor keeps it: main adds where and when it was stored. */
export type PhotoMeasurement = Pick<Measurement, 'id' | 'kind' | 'label' | 'points'>

/** The photo's own figures the editor changes beside the design: its scale and its measurements. */
export interface PhotoMeasures {
  calibration: Calibration | null
  measurements: readonly PhotoMeasurement[]
}

/**
 * The measures' changes as pure functions, like the document's commands: each returns the same
 * object when nothing changes, which history takes as no step.
 */

export const NO_MEASURES: PhotoMeasures = { calibration: null, measurements: [] }

export function addMeasurement(measures: PhotoMeasures, measurement: PhotoMeasurement): PhotoMeasures {
  return { ...measures, measurements: [...measures.measurements, measurement] }
}

export function renameMeasurement(measures: PhotoMeasures, id: string, label: string): PhotoMeasures {
  const found = measures.measurements.find((m) => m.id === id)
  if (!found || found.label === label) return measures
  return { ...measures, measurements: measures.measurements.map((m) => (m === found ? { ...m, label } : m)) }
}

export function deleteMeasurement(measures: PhotoMeasures, id: string): PhotoMeasures {
  const measurements = measures.measurements.filter((m) => m.id !== id)
  return measurements.length === measures.measurements.length ? measures : { ...measures, measurements }
}

export function setCalibration(measures: PhotoMeasures, calibration: Calibration | null): PhotoMeasures {
  return measures.calibration === calibration ? measures : { ...measures, calibration }
}
