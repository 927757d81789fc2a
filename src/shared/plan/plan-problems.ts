import { type ClearanceFlag, clearanceNeeds, clearancePhrase } from '../patients/contraindications'
import type { MedicalFlags } from '../patients/patient'
import type { HairLossPattern } from '../patients/patient-fields'
import type { ClinicalSettings } from '../settings/clinical-defaults'
import { dayOf, formatDay } from './plan-dates'
import type { PlanHairline } from './plan-hairlines'
import type { Pigment, PlanDraft, Session } from './plan-types'
import { type PlanZone, zoneKey } from './plan-zones'
import { chronological, maxFittingDensity, meanSpacingMm, sessionDensities } from './session-density'

/** What the plan's rules read of the patient's record. */
export interface PlanPatient {
  /** The contraindications that need a recorded clearance before a session is done (`clearanceNeeds`). */
  medical: Pick<MedicalFlags, ClearanceFlag>
  transplantDate: string | null
  /** `YYYY-MM-DD`: with the pattern, whether the hairline is judged as a mature one. */
  dateOfBirth: string | null
  hairLossPattern: HairLossPattern | null
}

/** What checking a plan needs beyond the plan itself; the warnings read it too. */
export interface PlanContext {
  /** Local wall clock, `YYYY-MM-DDTHH:MM`. */
  now: string
  /** The day the patient's record was created, `YYYY-MM-DD`. */
  recordCreated: string
  patient: PlanPatient
  /** The whole catalogue, retired pigments included. */
  pigments: readonly Pigment[]
  zones: readonly PlanZone[]
  /** The designs' hairlines whose height can be measured (`planHairlines`). */
  hairlines: readonly PlanHairline[]
  settings: ClinicalSettings
}

/** Field path of a session's field, the key both the save's refusal and the form use. */
export const sessionField = (sessionId: string, field: string) => `sessions.${sessionId}.${field}`

const mm = (x: number) => `${x.toFixed(2)} mm`
const perCm2 = (x: number) => `${Math.round(x).toLocaleString('en')} per cm²`

function dateProblem(session: Session, ctx: PlanContext): string | null {
  if (dayOf(session.startsAt) < ctx.recordCreated)
    return `This session is dated before the patient's record was created on ${formatDay(ctx.recordCreated)}.`
  return null
}

function statusProblem(session: Session, ordered: readonly Session[], ctx: PlanContext): string | null {
  if (session.status !== 'done') return null
  if (session.startsAt > ctx.now)
    return `A session cannot be done before it starts: it is dated ${formatDay(session.startsAt)}. Mark it planned, or correct its date.`
  const needs = clearanceNeeds(ctx.patient.medical)
  if (needs.length > 0 && session.clearance === null)
    return `This patient has ${clearancePhrase(needs)}: record who gave medical clearance for this session, when and why, before marking it done.`
  const pending = ordered.find((s) => s.startsAt < session.startsAt && s.status === 'planned')
  if (pending)
    return `This session is out of order with its done status: the earlier session on ${formatDay(pending.startsAt)} is still planned. Mark that one done or skipped first.`
  return null
}

/**
 * Bad input a save must refuse, keyed by field path (`sessions.<id>.startsAt`, `.status`,
 * `.pigmentId`, `.treatments.<designId>:<zoneId>`), each message a sentence the form shows
 * beside its field. Empty when the plan may be saved. Run after the schema, on a valid draft.
 */
export function planProblems(draft: PlanDraft, ctx: PlanContext): Record<string, string> {
  const problems: Record<string, string> = {}
  const add = (path: string, message: string | null) => {
    if (message) problems[path] ??= message
  }
  const ordered = chronological(draft.sessions)
  const pigmentIds = new Set(ctx.pigments.map((p) => p.id))
  const zoneKeys = new Set(ctx.zones.map((z) => z.key))

  for (const session of ordered) {
    add(sessionField(session.id, 'startsAt'), dateProblem(session, ctx))
    add(sessionField(session.id, 'status'), statusProblem(session, ordered, ctx))
    // The schema refuses it too, but the form runs only these rules, and the message belongs at the field.
    if (!(session.needle.diameterMm > 0))
      add(sessionField(session.id, 'needle.diameterMm'), 'The needle diameter must be more than 0 mm.')
    if (!pigmentIds.has(session.pigmentId))
      add(sessionField(session.id, 'pigmentId'), 'This pigment is not in the catalogue; choose another.')
    for (const { designId, zoneId, pigmentId } of session.treatments) {
      const key = zoneKey(designId, zoneId)
      if (!zoneKeys.has(key))
        add(
          sessionField(session.id, `treatments.${key}`),
          'This zone is no longer in its design; remove it from the session.',
        )
      else if (pigmentId !== undefined && !pigmentIds.has(pigmentId))
        add(
          sessionField(session.id, `treatments.${key}`),
          "This zone's pigment is not in the catalogue; choose another.",
        )
    }
  }

  for (const row of sessionDensities(draft, ctx.zones, ctx.settings)) {
    if (!(row.dotMm > 0)) continue
    const spacing = meanSpacingMm(row.cumulative)
    if (row.dotMm < spacing) continue
    const fits = maxFittingDensity(row.dotMm)
    const room = Math.max(0, fits - (row.cumulative - row.added))
    add(
      sessionField(row.sessionId, `treatments.${row.zoneKey}`),
      `At ${perCm2(row.cumulative)} the dots would be ${mm(spacing)} apart on average, no wider than the ${mm(row.dotMm)} dot: they would run together. ` +
        `Dots of this size fit up to ${perCm2(fits)} in all, so this session can add at most ${perCm2(room)} here.`,
    )
  }
  return problems
}
