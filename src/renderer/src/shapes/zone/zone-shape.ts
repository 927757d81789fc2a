import { type DesignDocument, ZONE_ROLES, type ZoneObject, type ZoneRole } from '../../../../shared/design/design-types'
import { isClosedOutline, minimumPoints } from '../../../../shared/design/point-rules'
import type { Point } from '../../../../shared/geometry/point'
import { boundsOf, pointInPolygon } from '../../../../shared/geometry/polygon'
import { formatQuantity } from '../../../../shared/photos/calibration'
import { treatedAndOutline, type ZoneFigures } from '../../../../shared/plan/zone-figures'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { kindNames, labelOf, type ObjectDefaults, objectBase } from '../object-base'
import type { Figure, ShapeDefinition } from '../shape'
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

/** What the treated area means, on hover. */
export const TREATED_EXPLANATION =
  'The skin the plan counts and the dots are placed over: the feathered edge as drawn, pulled up to a hairline near it, less what a zone drawn over it takes (the zone drawn last sets the density where zones overlap).'

/** "outline 12.40 cm² · treated 11.10 cm² (overlap with Hairline band)", or null when the two are the same. */
export function areaNote(figures: ZoneFigures): string | null {
  const both = treatedAndOutline(figures)
  return both && `outline ${both.outline} · treated ${both.treated} (${both.why})`
}

/** The area the plan counts, else (uncalibrated) the outline's. */
export const shownArea = (figures: ZoneFigures) => formatQuantity(figures.treated ?? figures.outline)

/** The zone's name, area and impressions in one line, as written over the photo; its name alone until counted. */
export function zoneCaption(zone: ZoneObject, figures: ZoneFigures | undefined): string {
  if (!figures) return zone.name
  const both = treatedAndOutline(figures)
  const area = both ? `${both.treated} treated (outline ${both.outline})` : shownArea(figures)
  const impressions = figures.impressions === null ? '' : ` · ${count(figures.impressions)} imp.`
  return `${zone.name} · ${area}${impressions}`
}

/** The inspector's lines: the area the plan counts, the outline where it differs, the impressions. */
function zoneFigureLines(figures: ZoneFigures | undefined): Figure[] {
  if (!figures) return [{ label: 'Area', value: 'counting…', tone: 'muted' }]
  const both = treatedAndOutline(figures)
  const impressions: Figure = {
    label: 'Impressions',
    value: figures.impressions === null ? '— (calibrate first)' : count(figures.impressions),
  }
  if (!both) return [{ label: 'Area', value: shownArea(figures), explanation: TREATED_EXPLANATION }, impressions]
  return [
    { label: 'Treated area', value: both.treated, explanation: TREATED_EXPLANATION },
    { label: 'Outline area', value: both.outline, detail: ` (${both.why})` },
    impressions,
  ]
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
  figures: (zone, { zoneFigures }) => zoneFigureLines(zoneFigures?.zones.get(zone.id)),
}
