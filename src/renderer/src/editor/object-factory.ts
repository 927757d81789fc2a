import type {
  DesignDocument,
  HairlineObject,
  LandmarkObject,
  LandmarkRole,
  PinObject,
  ScarObject,
  ScarShape,
  ZoneObject,
  ZoneRole,
} from '../../../shared/design/design-types'
import { LANDMARK_ROLES, SCAR_SHAPES, ZONE_ROLES } from '../../../shared/design/design-types'
import type { Point } from '../../../shared/geometry/point'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../../shared/settings/clinical-defaults'

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
export const KIND_COLOURS = { hairline: '#ff5c8a', scar: '#eb5757', landmark: '#ffe066', pin: '#ffffff' } as const

export const newId = (): string => crypto.randomUUID()

const labelOf = <T extends string>(list: readonly { value: T; label: string }[], value: T) =>
  list.find((entry) => entry.value === value)?.label ?? value

/** "Frontal", then "Frontal 2", … so names in the objects panel tell objects apart. */
function uniqueName(document: DesignDocument, base: string): string {
  const taken = new Set(document.objects.map((o) => o.name))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`
}

const common = (document: DesignDocument, name: string, colour: string, points: Point[]) => ({
  id: newId(),
  name: uniqueName(document, name),
  colour,
  hidden: false,
  locked: false,
  points,
})

/** The settings a new object starts from: the user's clinical defaults, editable in Settings. */
export type ObjectDefaults = Pick<
  ClinicalSettings,
  | 'zoneDensity'
  | 'zoneSoftnessMm'
  | 'hairlineFeatherMm'
  | 'hairlineIrregularity'
  | 'futStripWidthMm'
  | 'fueScarDiameterMm'
  | 'midFrontalHeightCm'
  | 'frontoTemporalOffsetCm'
>

export function newHairline(
  document: DesignDocument,
  points: Point[],
  mirror: boolean,
  defaults: ObjectDefaults = CLINICAL_DEFAULTS,
): HairlineObject {
  return {
    ...common(document, 'Hairline', KIND_COLOURS.hairline, points),
    kind: 'hairline',
    mirror,
    featherMm: defaults.hairlineFeatherMm,
    irregularity: defaults.hairlineIrregularity,
  }
}

export function newZone(
  document: DesignDocument,
  points: Point[],
  role: ZoneRole,
  defaults: ObjectDefaults = CLINICAL_DEFAULTS,
): ZoneObject {
  return {
    ...common(document, labelOf(ZONE_ROLES, role), ZONE_COLOURS[role], points),
    kind: 'zone',
    role,
    density: defaults.zoneDensity[role],
    softnessMm: defaults.zoneSoftnessMm,
  }
}

export function newScar(
  document: DesignDocument,
  points: Point[],
  shape: ScarShape,
  defaults: ObjectDefaults = CLINICAL_DEFAULTS,
): ScarObject {
  return {
    ...common(document, labelOf(SCAR_SHAPES, shape), KIND_COLOURS.scar, points),
    kind: 'scar',
    shape,
    widthMm: defaults.futStripWidthMm,
    dotMm: defaults.fueScarDiameterMm,
    note: '',
  }
}

export function newLandmark(document: DesignDocument, points: Point[], role: LandmarkRole): LandmarkObject {
  return { ...common(document, labelOf(LANDMARK_ROLES, role), KIND_COLOURS.landmark, points), kind: 'landmark', role }
}

export function newPin(document: DesignDocument, point: Point): PinObject {
  return { ...common(document, 'Note', KIND_COLOURS.pin, [point]), kind: 'pin', note: '' }
}
