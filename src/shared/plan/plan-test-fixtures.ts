import type { Design, DesignObject, HairlineObject, ScarObject, ZoneObject } from '../design/design-types'
import type { Point } from '../geometry/point'
import type { Calibration } from '../photos/photo'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../settings/clinical-defaults'
import { DEFAULT_PIGMENTS } from './default-pigments'
import type { PlanContext, PlanPatient } from './plan-problems'
import type { PlanDraft, Session, ZoneTreatment } from './plan-types'
import type { PlanZone } from './plan-zones'

/** Builders shared by this folder's tests only. */

export const settings: ClinicalSettings = structuredClone(CLINICAL_DEFAULTS)

export const p = (x: number, y: number): Point => ({ x, y })
export const square = (x: number, y: number, size: number) => [
  p(x, y),
  p(x + size, y),
  p(x + size, y + size),
  p(x, y + size),
]

const common = { name: '', colour: '#336699', hidden: false, locked: false }

export const zoneObject = (id: string, points: Point[], over: Partial<ZoneObject> = {}): ZoneObject => ({
  ...common,
  id,
  kind: 'zone',
  points,
  role: 'crown',
  density: 140,
  softnessMm: 5,
  ...over,
})

export const scarObject = (
  shape: ScarObject['shape'],
  points: Point[],
  over: Partial<ScarObject> = {},
): ScarObject => ({
  ...common,
  id: `scar-${shape}`,
  kind: 'scar',
  points,
  shape,
  widthMm: 10,
  dotMm: 0.85,
  note: '',
  ...over,
})

export const design = (id: string, photoId: string, ...objects: DesignObject[]): Design => ({
  id,
  patientId: 'patient',
  photoId,
  revision: 1,
  createdAt: '2025-01-01T09:00:00',
  updatedAt: '2025-01-01T09:00:00',
  document: { schema: 1, objects },
})

export const planZone = (over: Partial<PlanZone> = {}): PlanZone => {
  const designId = over.designId ?? 'design'
  const zoneId = over.zoneId ?? 'crown'
  return {
    key: `${designId}:${zoneId}`,
    designId,
    photoId: 'photo',
    zoneId,
    name: 'Crown',
    role: 'crown',
    targetDensity: 140,
    areaCm2: 50,
    overScar: false,
    under: [],
    ...over,
  }
}

export const share = (zone: PlanZone, value: number): ZoneTreatment => ({
  designId: zone.designId,
  zoneId: zone.zoneId,
  amount: { unit: 'share', value },
})

export const perCm2 = (zone: PlanZone, value: number): ZoneTreatment => ({
  designId: zone.designId,
  zoneId: zone.zoneId,
  amount: { unit: 'perCm2', value },
})

export const session = (
  id: string,
  startsAt: string,
  treatments: ZoneTreatment[],
  over: Partial<Session> = {},
): Session => ({
  id,
  name: '',
  kind: 'extra',
  startsAt,
  durationMin: 180,
  practitioner: 'A. Artist',
  pigmentId: 'smp-carbon-dark',
  needle: { config: '3RL', diameterMm: 0.25 },
  pigmentLot: '',
  pigmentExpires: null,
  treatments,
  notes: '',
  status: 'planned',
  clearance: null,
  layer: { visible: true, opacity: 1 },
  ...over,
})

export const draft = (technique: PlanDraft['technique'], ...sessions: Session[]): PlanDraft => ({ technique, sessions })

/** A patient with no contraindication, no transplant, no birth date and no pattern, but for `over`. */
export const planPatient = (
  over: Partial<Omit<PlanPatient, 'medical'>> & Partial<PlanPatient['medical']> = {},
): PlanPatient => {
  const {
    keloid = false,
    scalpCondition = false,
    chemotherapy = false,
    pregnancy = false,
    bloodThinners = false,
    ...rest
  } = over
  return {
    medical: { keloid, scalpCondition, chemotherapy, pregnancy, bloodThinners },
    transplantDate: null,
    dateOfBirth: null,
    hairLossPattern: null,
    ...rest,
  }
}

export const context = (over: Partial<PlanContext> = {}): PlanContext => ({
  now: '2025-03-01T12:00',
  recordCreated: '2025-01-10',
  patient: planPatient(),
  pigments: DEFAULT_PIGMENTS,
  zones: [planZone()],
  hairlines: [],
  settings,
  ...over,
})

export const pigment = (id: string) => {
  const found = DEFAULT_PIGMENTS.find((x) => x.id === id)
  if (!found) throw new Error(`No default pigment ${id}`)
  return found
}

/** 10 px per mm: 1 cm² is 100 × 100 px. */
export const tenPxPerMm: Calibration = { a: p(0, 0), b: p(100, 0), lengthMm: 10 }

const rect = (x0: number, y0: number, x1: number, y1: number) => [p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1)]

/**
 * Design d1 on photo `photo` (at `tenPxPerMm`): a feathered, irregular hairline along y ≈ 200
 * (the forehead above it; y grows down) and, drawn in this order, a hairline band, a frontal
 * and a mid-scalp zone, each feathered and overlapping the one before it by 5 mm.
 */
export function overlappingDesign(): Design {
  const hairline: HairlineObject = {
    id: 'hairline',
    kind: 'hairline',
    name: '',
    colour: '#aa3333',
    hidden: false,
    locked: false,
    points: [p(0, 210), p(600, 190), p(1200, 210)],
    mirror: false,
    featherMm: 4,
    irregularity: 0.6,
  }
  return design(
    'd1',
    'photo',
    hairline,
    zoneObject('band', rect(100, 200, 1100, 400), { role: 'hairline-band', density: 150, softnessMm: 3 }),
    zoneObject('frontal', rect(100, 350, 1100, 800), { role: 'frontal', density: 120, softnessMm: 5 }),
    zoneObject('mid', rect(150, 750, 1050, 1150), {
      name: 'Mid-scalp left',
      role: 'mid-scalp',
      density: 100,
      softnessMm: 6,
    }),
  )
}
