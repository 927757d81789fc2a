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
 * How a layer of pigment looks as time passes, in two parts (`fade.ts`):
 * - settling: fresh dots (and their scabs) look darker than they will; the excess fades over the
 *   first weeks, so the layer loses `settleLoss` of its fresh look, most of it within `settleDays`;
 * - decay: what has settled then fades as `floor + (1 − floor) · exp(−(t / tauYears)^shape)`, `t`
 *   in years since the session. A shape above 1 holds at first and then clears (temporary
 *   pigment); a floor above 0 never fades completely (permanent carbon black).
 * Scar tissue runs the decay clock faster by the settings' `scarFadeFactor`. `sources` says where
 * the numbers come from, shown beside them in Settings.
 */
export interface FadeModel {
  settleLoss: number
  settleDays: number
  tauYears: number
  shape: number
  floor: number
  sources: string
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

/**
 * One zone of one design that a session treats. Needle, pigment and dilution may differ from the
 * session's for this zone (1RL and a lighter mix at the hairline, 3RL for fill); absent, the
 * session's apply (`treatment-tools.ts`).
 */
export interface ZoneTreatment {
  designId: string
  zoneId: string
  amount: TreatmentAmount
  needle?: Needle
  pigmentId?: PigmentId
  /** Share of water in this zone's mix, 0–0.95, instead of the pigment's own. */
  dilution?: number
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

/**
 * What a session is for in the course of treatment: its spacing from the session before is
 * judged by its kind (settings' `spacing`), so a session past a template's steps is still judged
 * right. A template proposes the kind; the user may change it.
 */
export const SESSION_KINDS = [
  { value: 'base', label: 'First session' },
  { value: 'day-2', label: 'Day 2' },
  { value: 'follow-up', label: 'Follow-up' },
  { value: 'finishing', label: 'Finishing' },
  { value: 'extra', label: 'Extra session' },
  { value: 'touch-up', label: 'Touch-up' },
] as const
export type SessionKind = (typeof SESSION_KINDS)[number]['value']

/** Who recorded that a contraindication was weighed and cleared for this session, when and why. */
export interface Clearance {
  by: string
  /** `YYYY-MM-DD`. */
  on: string
  reason: string
}

export interface Session {
  id: SessionId
  /** The user's name for the session; a template proposes one and nothing renames it after. */
  name: string
  kind: SessionKind
  /** Local wall-clock start, `YYYY-MM-DDTHH:MM`. */
  startsAt: string
  durationMin: number
  practitioner: string
  pigmentId: PigmentId
  needle: Needle
  /** The pigment's lot or batch number, for tracing the ink; empty until known. */
  pigmentLot: string
  /** The lot's expiry, `YYYY-MM-DD`; null until known. */
  pigmentExpires: string | null
  treatments: ZoneTreatment[]
  notes: string
  status: SessionStatus
  /** Required before a session of a patient with a contraindication is marked done. */
  clearance: Clearance | null
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
