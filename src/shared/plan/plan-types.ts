import type { PatientId } from '../patients/patient'

/**
 * The treatment plan: a patient's technique and sessions, and the pigment catalogue the
 * sessions draw from. Kept free of any schema library so the renderer can import it; the zod
 * schema is in `plan-schema.ts` and only main validates with it.
 */

export const TECHNIQUES = [
  { value: 'temporary', label: 'Temporary (tricho-pigmentation)' },
  { value: 'permanent', label: 'Permanent SMP' },
] as const
export type Technique = (typeof TECHNIQUES)[number]['value']

export const SESSION_STATUSES = [
  { value: 'planned', label: 'Planned' },
  { value: 'done', label: 'Done' },
  { value: 'skipped', label: 'Skipped' },
] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]['value']

/** Round-liner groupings: one needle for hairline detail, three for density fill (domain notes, "Impressions"). */
export const NEEDLE_CONFIGS = [
  { value: '1RL', label: '1RL (single needle)' },
  { value: '3RL', label: '3RL (three needles)' },
] as const
export type NeedleConfig = (typeof NEEDLE_CONFIGS)[number]['value']

/**
 * How a pigment's strength falls with time: `floor + (1 − floor) · exp(−(t / tauYears)^shape)`,
 * `t` in years since the session. A shape below 1 fades fastest at first (temporary pigment); a
 * floor above 0 never fades completely (permanent carbon black). Scar tissue runs the clock
 * faster by the settings' `scarFadeFactor`.
 */
export interface FadeModel {
  tauYears: number
  shape: number
  floor: number
}

export type PigmentId = string

export interface Pigment {
  id: PigmentId
  name: string
  /** The neat pigment's colour, `#rrggbb`. */
  shade: string
  /** Share of water in the mix, 0–0.95; the dot colour is the shade lightened by it. */
  dilution: number
  family: Technique
  /** Carbon-black inks can drift toward blue/green as they fade (domain notes, "Fading"). */
  carbonBlack: boolean
  fade: FadeModel
  /** How far a faded dot's colour moves toward `driftColour`, 0–1, at full fade. */
  drift: number
  driftColour: string
  /** Hidden from pickers; kept because sessions may still name it. */
  retired: boolean
}

/** Added density in a zone: impressions per cm², or a share of the zone's target density. */
export type TreatmentAmount = { unit: 'perCm2'; value: number } | { unit: 'share'; value: number }

/** One zone of one design that a session treats. */
export interface ZoneTreatment {
  designId: string
  zoneId: string
  amount: TreatmentAmount
}

export interface Needle {
  config: NeedleConfig
  diameterMm: number
}

/** How the session's layer is shown: part of the plan so a reopened plan looks the same. */
export interface LayerDisplay {
  visible: boolean
  /** 0–1. */
  opacity: number
}

export type SessionId = string

export interface Session {
  id: SessionId
  /** Local wall-clock start, `YYYY-MM-DDTHH:MM`. */
  startsAt: string
  durationMin: number
  practitioner: string
  pigmentId: PigmentId
  needle: Needle
  treatments: ZoneTreatment[]
  notes: string
  status: SessionStatus
  layer: LayerDisplay
}

/** What a save sends: the technique and every session, in date order. */
export interface PlanDraft {
  technique: Technique
  sessions: Session[]
}

export interface TreatmentPlan extends PlanDraft {
  patientId: PatientId
  /** 0 before the first save; a save names the revision it edited. */
  revision: number
  updatedAt: string | null
}
