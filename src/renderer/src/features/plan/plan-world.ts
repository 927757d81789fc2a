import { localDateOf, localDateTime } from '../../../../shared/dates'
import type { Design } from '../../../../shared/design/design-types'
import type { Patient, PatientId } from '../../../../shared/patients/patient'
import type { Photo } from '../../../../shared/photos/photo'
import { planHairlines } from '../../../../shared/plan/plan-hairlines'
import { type PlanContext, planProblems } from '../../../../shared/plan/plan-problems'
import type { Pigment, PlanDraft } from '../../../../shared/plan/plan-types'
import { type PlanWarning, planWarnings } from '../../../../shared/plan/plan-warnings'
import { type PlanZone, planZones } from '../../../../shared/plan/plan-zones'
import { type TouchUpSuggestion, touchUpSuggestions } from '../../../../shared/plan/timeline'
import type { ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import type { BridgeClient } from '../../bridge/bridge-client'

/** Everything the plan is checked against, loaded with it. */
export interface PlanWorld {
  patient: Patient
  pigments: Pigment[]
  settings: ClinicalSettings
  designs: Design[]
  photos: Photo[]
  zones: PlanZone[]
}

/** What the rules say of a draft: the problems that keep it from being saved, warnings, touch-ups. */
export interface PlanCheck {
  /** Field path → the reason a save would be refused, shown beside the field. */
  problems: Record<string, string>
  warnings: PlanWarning[]
  /** Per treated zone, the day it is expected to fade below the touch-up line. */
  touchUps: TouchUpSuggestion[]
}

export const UNCHECKED: PlanCheck = { problems: {}, warnings: [], touchUps: [] }

/** The patient, pigments, settings, designs and photos the plan is checked against. */
export async function loadPlanWorld(bridge: BridgeClient, patientId: PatientId): Promise<PlanWorld> {
  const [patient, pigments, settings, designs, photos] = await Promise.all([
    bridge.call('patients.get', { id: patientId }),
    bridge.call('pigments.list', { includeRetired: true }),
    bridge.call('settings.get', {}),
    bridge.call('designs.forPatient', { patientId }),
    bridge.call('photos.list', { patientId }),
  ])
  return { patient, pigments, settings: settings.settings, designs, photos, zones: planZones(designs, photos) }
}

function planContext(world: PlanWorld, now = new Date()): PlanContext {
  return {
    now: localDateTime(now),
    recordCreated: localDateOf(world.patient.createdAt),
    patient: world.patient,
    pigments: world.pigments,
    zones: world.zones,
    hairlines: planHairlines(world.designs, world.photos, world.settings),
    settings: world.settings,
  }
}

/** The draft checked with the same rules main applies when it is saved. */
export function checkPlan(draft: PlanDraft, world: PlanWorld | null): PlanCheck {
  if (!world) return UNCHECKED
  const context = planContext(world)
  return {
    problems: planProblems(draft, context),
    warnings: planWarnings(draft, context),
    touchUps: touchUpSuggestions(draft, world.zones, world.pigments, world.settings),
  }
}
