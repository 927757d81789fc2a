import { distance, type Point } from '../geometry/point'
import { pathLength, polygonArea } from '../geometry/polygon'
import type { Calibration, Measurement } from './photo'

/** Image pixels per real millimetre, or null for an uncalibrated photo. */
export function pxPerMm(calibration: Calibration | null): number | null {
  if (!calibration) return null
  return distance(calibration.a, calibration.b) / calibration.lengthMm
}

/** A length or area in real units when the photo is calibrated, else in pixels. */
export interface Quantity {
  value: number
  unit: 'mm' | 'cm' | 'cm²' | 'px' | 'px²'
}

export function lengthOf(points: readonly Point[], scale: number | null): Quantity {
  const px = pathLength(points)
  return scale ? { value: px / scale, unit: 'mm' } : { value: px, unit: 'px' }
}

/** mm² → cm² is ÷100: areas are reported in cm², the unit densities are quoted per. */
export function areaOf(points: readonly Point[], scale: number | null): Quantity {
  const px2 = polygonArea(points)
  return scale ? { value: px2 / (scale * scale) / 100, unit: 'cm²' } : { value: px2, unit: 'px²' }
}

export function measure(measurement: Pick<Measurement, 'kind' | 'points'>, scale: number | null): Quantity {
  return measurement.kind === 'distance' ? lengthOf(measurement.points, scale) : areaOf(measurement.points, scale)
}

export function formatQuantity({ value, unit }: Quantity): string {
  const digits = unit === 'cm²' ? 2 : unit === 'mm' || unit === 'cm' ? 1 : 0
  return `${value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`
}
