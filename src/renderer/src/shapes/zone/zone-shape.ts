import { type DesignDocument, ZONE_ROLES, type ZoneObject, type ZoneRole } from '../../../../shared/design/design-types'
import { isClosedOutline, minimumPoints } from '../../../../shared/design/point-rules'
import { type ZoneReadout, zoneReadout } from '../../../../shared/design/readouts'
import type { Point } from '../../../../shared/geometry/point'
import { boundsOf, pointInPolygon } from '../../../../shared/geometry/polygon'
import { formatQuantity } from '../../../../shared/photos/calibration'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { kindNames, labelOf, type ObjectDefaults, objectBase } from '../object-base'
import type { ShapeDefinition } from '../shape'
import { centroid, nearLine, outlineProblem, ownHandles } from '../shape-rules'

/**
 * Colours chosen to stay legible over skin and dark hair and apart from each other; zones take
 * a colour by role so the same role looks the same on every patient.
 */
export const ZONE_COLOURS: Record<ZoneRole, string> = {
  'hairline-band': '#f2c94c',
  frontal: '#56ccf2',
  'mid-scalp': '#6fcf97',
  crown: '#bb6bd9',
  temples: '#f2994a',
  donor: '#9b9ea3',
  custom: '#2d9cdb',
}

export function newZone(
  document: DesignDocument,
  points: Point[],
  role: ZoneRole,
  defaults: ObjectDefaults = CLINICAL_DEFAULTS,
): ZoneObject {
  return {
    ...objectBase(document, labelOf(ZONE_ROLES, role), ZONE_COLOURS[role], points),
    kind: 'zone',
    role,
    density: defaults.zoneDensity[role],
    softnessMm: defaults.zoneSoftnessMm,
  }
}

const count = (n: number) => n.toLocaleString('en')

/** The zone's name, area and impressions in one line, as written over the photo. */
export function zoneCaption(zone: ZoneObject, readout: ZoneReadout): string {
  const impressions = readout.impressions === null ? '' : ` · ${count(readout.impressions)} imp.`
  return `${zone.name} · ${formatQuantity(readout.area)}${impressions}`
}

/** A density zone: a closed outline with a target density, its area and impressions written over it. */
export const zoneShape: ShapeDefinition<ZoneObject> = {
  kind: 'zone',
  ...kindNames('zone'),
  pickedFirst: false,
  deletedWithPoint: false,
  isClosed: isClosedOutline,
  minimumPoints,
  pointsProblem: (zone) => outlineProblem(zone.points),
  handles: (zone) => ownHandles(zone.points),
  outline: (zone) => zone.points,
  hitTest: (zone, _document, p, tolerance) =>
    pointInPolygon(p, zone.points) || nearLine(p, zone.points, true, tolerance),
  bounds: (zone) => boundsOf(zone.points),
  labelAnchor: (zone) => (zone.points.length > 0 ? centroid(zone.points) : null),
  figures(zone, { pxPerMm }) {
    const readout = zoneReadout(zone, pxPerMm)
    return [
      { label: 'Area', value: formatQuantity(readout.area) },
      {
        label: 'Impressions',
        value: readout.impressions === null ? '— (calibrate first)' : count(readout.impressions),
      },
    ]
  },
}
