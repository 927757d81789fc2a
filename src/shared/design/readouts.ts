import { type Line, lineCrossings } from '../geometry/line'
import type { Point } from '../geometry/point'
import { pathLength, polygonArea } from '../geometry/polygon'
import type { Quantity } from '../photos/calibration'
import { CLINICAL_DEFAULTS } from '../settings/clinical-defaults'
import type { DesignDocument, DesignObject, HairlineObject, ScarObject, ZoneObject } from './design-types'
import { flatToTapeCm } from './forehead'
import { hairlineCurve } from './hairline'
import { glabellaOf, midlineOf, upDirection } from './landmarks'
import { isClosedOutline } from './point-rules'

/** A zone's outline area; the impressions it takes are the plan's count over its treated area (`plan/zone-figures`). */
export interface ZoneReadout {
  area: Quantity
}

export interface ScarReadout {
  area: Quantity | null
  /** A strip's length; null for the other shapes. */
  length: Quantity | null
  dots: number | null
}

export interface HairlineReadout {
  length: Quantity
  /** Height of the hairline above the glabella, along the midline, flat on the photo; null with a reason when it cannot be found. */
  height: Quantity | null
  /** The same height as a tape over the forehead measures it, as clinics give it; null on an uncalibrated photo. */
  tapeHeight: Quantity | null
  heightHint: string | null
  /** Why the hairline is lower than the clinics' line, when it is. */
  lowHint: string | null
}

/** What the two heights are, for the readout's explanation. */
export const HEIGHT_EXPLANATION =
  'Clinics measure the height with a tape over the forehead (8 cm above the glabella, 7 cm aggressive to 10 cm conservative). The photo shows it flat, shorter, because the forehead curves back.'

export interface HeightSettings {
  foreheadRadiusCm: number
  lowestHairlineCm: number
}

export interface DesignReadouts {
  calibrated: boolean
  zones: Map<string, ZoneReadout>
  scars: Map<string, ScarReadout>
  hairlines: Map<string, HairlineReadout>
}

const MM2_PER_CM2 = 100

function area(points: readonly Point[], scale: number | null): Quantity {
  const px2 = polygonArea(points)
  return scale ? { value: px2 / (scale * scale) / MM2_PER_CM2, unit: 'cm²' } : { value: px2, unit: 'px²' }
}

function length(points: readonly Point[], scale: number | null): Quantity {
  const px = pathLength(points)
  return scale ? { value: px / scale, unit: 'mm' } : { value: px, unit: 'px' }
}

export function zoneReadout(zone: ZoneObject, scale: number | null): ZoneReadout {
  return { area: area(zone.points, scale) }
}

export function scarReadout(scar: ScarObject, scale: number | null): ScarReadout {
  if (isClosedOutline(scar)) return { area: area(scar.points, scale), length: null, dots: null }
  if (scar.shape === 'dots') {
    const dotMm2 = Math.PI * (scar.dotMm / 2) ** 2
    return {
      area: { value: (scar.points.length * dotMm2) / MM2_PER_CM2, unit: 'cm²' },
      length: null,
      dots: scar.points.length,
    }
  }
  const l = length(scar.points, scale)
  // A strip's width is in mm, so its area exists only on a calibrated photo.
  return { area: scale ? { value: (l.value * scar.widthMm) / MM2_PER_CM2, unit: 'cm²' } : null, length: l, dots: null }
}

/**
 * The hairline's height above the glabella: where a line from the glabella, parallel to the
 * midline (or straight up without one), first meets the hairline above it.
 */
export function hairlineHeight(
  curve: readonly Point[],
  glabella: Point | null,
  midline: Line | null,
  scale: number | null,
): { height: Quantity | null; hint: string | null } {
  if (!glabella) return { height: null, hint: 'Place the glabella to measure the hairline height.' }
  const up = upDirection(midline)
  const line = { a: glabella, b: { x: glabella.x + up.x, y: glabella.y + up.y } }
  const above = lineCrossings(line, curve)
    .map((c) => c.along)
    .filter((along) => along > 0)
  if (above.length === 0) return { height: null, hint: 'The hairline does not cross the midline above the glabella.' }
  const px = Math.min(...above)
  return { height: scale ? { value: px / scale / 10, unit: 'cm' } : { value: px, unit: 'px' }, hint: null }
}

export function hairlineReadout(
  hairline: HairlineObject,
  document: DesignDocument,
  scale: number | null,
  settings: HeightSettings = CLINICAL_DEFAULTS,
): HairlineReadout {
  const midline = midlineOf(document)
  const curve = hairlineCurve(hairline, midline)
  const { height, hint } = hairlineHeight(curve, glabellaOf(document), midline, scale)
  const tapeCm = height?.unit === 'cm' ? flatToTapeCm(height.value, settings.foreheadRadiusCm) : null
  const low =
    tapeCm !== null && tapeCm < settings.lowestHairlineCm
      ? `Lower than the clinics' line: ${tapeCm.toFixed(1)} cm over the forehead, where the mid-frontal point is ${settings.lowestHairlineCm} cm (aggressive) to 10 cm above the glabella. Never too low; plan for future loss (Shapiro).`
      : null
  return {
    length: length(curve, scale),
    height,
    tapeHeight: tapeCm === null ? null : { value: tapeCm, unit: 'cm' },
    heightHint: hint,
    lowHint: low,
  }
}

/** Every figure the readouts panel shows, from the document and the photo's px per mm. */
export function designReadouts(
  document: DesignDocument,
  scale: number | null,
  settings: HeightSettings = CLINICAL_DEFAULTS,
): DesignReadouts {
  const zones = new Map<string, ZoneReadout>()
  const scars = new Map<string, ScarReadout>()
  const hairlines = new Map<string, HairlineReadout>()
  const byKind = (object: DesignObject) => {
    if (object.kind === 'zone') zones.set(object.id, zoneReadout(object, scale))
    else if (object.kind === 'scar') scars.set(object.id, scarReadout(object, scale))
    else if (object.kind === 'hairline') hairlines.set(object.id, hairlineReadout(object, document, scale, settings))
  }
  document.objects.forEach(byKind)
  return { calibrated: scale !== null, zones, scars, hairlines }
}
