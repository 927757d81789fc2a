import { localToday } from '../../../../shared/dates'
import { addDays } from '../../../../shared/plan/plan-dates'
import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import type {
  Pigment,
  PlanDraft,
  Session,
  SessionId,
  Technique,
  TreatmentAmount,
  ZoneTreatment,
} from '../../../../shared/plan/plan-types'
import { type PlanZone, zoneKey } from '../../../../shared/plan/plan-zones'
import { protocolStepFor, restoringShare } from '../../../../shared/plan/protocols'
import { chronological } from '../../../../shared/plan/session-density'
import type { ClinicalSettings, ProtocolTemplate } from '../../../../shared/settings/clinical-defaults'

/**
 * Recipes for the plan store's `change`: each takes the draft and gives the next one, or the very
 * same draft when nothing changes, so a no-op never becomes an undo step.
 */

export const newSessionId = (): string => crypto.randomUUID()

/** Sessions are numbered by date, as the practitioner counts them. */
export function sessionNumbers(draft: PlanDraft): Map<SessionId, number> {
  return new Map(chronological(draft.sessions).map((s, index) => [s.id, index + 1]))
}

export function patchSession(draft: PlanDraft, id: SessionId, patch: Partial<Omit<Session, 'id'>>): PlanDraft {
  const session = draft.sessions.find((s) => s.id === id)
  if (!session) return draft
  const keys = Object.keys(patch) as (keyof typeof patch)[]
  if (keys.every((key) => Object.is(session[key], patch[key]))) return draft
  return { ...draft, sessions: draft.sessions.map((s) => (s.id === id ? { ...s, ...patch } : s)) }
}

/**
 * The draft in date order. A date is committed as it is typed, and the cards only move once its
 * field is left, so the card being typed into never jumps away from the cursor.
 */
export function sortedByStart(draft: PlanDraft): PlanDraft {
  const sorted = chronological(draft.sessions)
  return sorted.every((s, i) => s === draft.sessions[i]) ? draft : { ...draft, sessions: sorted }
}

export function removeSession(draft: PlanDraft, id: SessionId): PlanDraft {
  const sessions = draft.sessions.filter((s) => s.id !== id)
  return sessions.length === draft.sessions.length ? draft : { ...draft, sessions }
}

export function addSession(draft: PlanDraft, session: Session): PlanDraft {
  return sortedByStart({ ...draft, sessions: [...draft.sessions, session] })
}

/** Sets how much a session adds to a zone; null stops the session treating it. */
export function setTreatment(
  draft: PlanDraft,
  id: SessionId,
  zone: { designId: string; zoneId: string },
  amount: TreatmentAmount | null,
): PlanDraft {
  const session = draft.sessions.find((s) => s.id === id)
  if (!session) return draft
  const key = zoneKey(zone.designId, zone.zoneId)
  const index = session.treatments.findIndex((t) => zoneKey(t.designId, t.zoneId) === key)
  const current = session.treatments[index]
  if (amount === null) {
    if (!current) return draft
    return patchSession(draft, id, { treatments: session.treatments.filter((_, i) => i !== index) })
  }
  if (current && current.amount.unit === amount.unit && current.amount.value === amount.value) return draft
  const treatment = { designId: zone.designId, zoneId: zone.zoneId, amount }
  const treatments = current
    ? session.treatments.map((t, i) => (i === index ? treatment : t))
    : [...session.treatments, treatment]
  return patchSession(draft, id, { treatments })
}

/**
 * Sets the needle, pigment or mix one zone of a session uses instead of the session's; undefined
 * goes back to the session's.
 */
export function setTreatmentTools(
  draft: PlanDraft,
  id: SessionId,
  zone: { designId: string; zoneId: string },
  patch: Partial<Pick<ZoneTreatment, 'needle' | 'pigmentId' | 'dilution'>>,
): PlanDraft {
  const session = draft.sessions.find((s) => s.id === id)
  const key = zoneKey(zone.designId, zone.zoneId)
  const current = session?.treatments.find((t) => zoneKey(t.designId, t.zoneId) === key)
  if (!session || !current) return draft
  const next: ZoneTreatment = { ...current, ...patch }
  for (const field of ['needle', 'pigmentId', 'dilution'] as const) if (next[field] === undefined) delete next[field]
  if (JSON.stringify(next) === JSON.stringify(current)) return draft
  return patchSession(draft, id, { treatments: session.treatments.map((t) => (t === current ? next : t)) })
}

/** Shares are kept to 4 decimals, as the template keeps them. */
export const roundShare = (x: number) => Math.round(x * 10_000) / 10_000

/** The share of the target a protocol step adds on bare skin; past the template its last step repeats. */
export function stepShare(template: ProtocolTemplate, index: number): number {
  const at = Math.min(index, template.steps.length - 1)
  const step = template.steps[at]
  const before = at > 0 ? (template.steps[at - 1]?.cumulativeShare ?? 0) : 0
  return step ? Math.max(PLAN_LIMITS.share.min, roundShare(step.cumulativeShare - before)) : 0
}

/** The pigment a new session starts with: the first one in use of the plan's family. */
export function defaultPigmentId(pigments: readonly Pigment[], technique: Technique): string {
  const inUse = pigments.filter((p) => !p.retired)
  return (inUse.find((p) => p.family === technique) ?? inUse[0] ?? pigments[0])?.id ?? ''
}

/** Tomorrow at nine: a plan is drawn up ahead of its first session. */
export const defaultStart = (today = localToday()) => `${addDays(today, 1)}T09:00`

interface ProposeContext {
  pigments: readonly Pigment[]
  zones: readonly PlanZone[]
  settings: ClinicalSettings
}

/**
 * The session "Add session" proposes: named, kinded and dated by the protocol's next step after
 * the last session that was not skipped, with the last session's pigment, needle, practitioner
 * and zones (each zone's own needle and mix kept), each zone brought to the step's share of its
 * target with what has faded counted. The first session of an empty plan treats every zone with
 * the settings' needle.
 */
export function proposeSession(draft: PlanDraft, ctx: ProposeContext, id = newSessionId()): Session {
  const ordered = chronological(draft.sessions)
  const active = ordered.filter((s) => s.status !== 'skipped')
  const last = active.at(-1) ?? ordered.at(-1)
  const template = ctx.settings.protocols[draft.technique]
  const step = protocolStepFor(draft.technique, active.length, ctx.settings)
  const startsAt = last ? addDays(last.startsAt, step.gapDays) : defaultStart()
  const pigmentId = last?.pigmentId ?? defaultPigmentId(ctx.pigments, draft.technique)
  const pigment = ctx.pigments.find((p) => p.id === pigmentId)
  const treated: Omit<ZoneTreatment, 'amount'>[] = last
    ? last.treatments.map(({ amount: _amount, ...rest }) => rest)
    : ctx.zones.map(({ designId, zoneId }) => ({ designId, zoneId }))
  const amountFor = (t: Omit<ZoneTreatment, 'amount'>): TreatmentAmount => {
    const zone = ctx.zones.find((z) => z.key === zoneKey(t.designId, t.zoneId))
    const value = zone
      ? restoringShare(draft, zone, step.cumulativeShare, startsAt, pigment, ctx.pigments, ctx.settings)
      : stepShare(template, active.length)
    return { unit: 'share', value }
  }
  return {
    id,
    name: step.label,
    kind: step.kind,
    startsAt,
    durationMin: template.durationMin,
    practitioner: last?.practitioner ?? '',
    pigmentId,
    needle: { ...(last?.needle ?? ctx.settings.needle) },
    pigmentLot: last?.pigmentLot ?? '',
    pigmentExpires: last?.pigmentExpires ?? null,
    treatments: treated.map((t) => ({ ...t, amount: amountFor(t) })),
    notes: '',
    status: 'planned',
    clearance: null,
    layer: { visible: true, opacity: 1 },
  }
}

/**
 * A copy of a session to repeat it later (a touch-up like the finishing session): everything but
 * its date and status, dated where "Add session" would put the next one.
 */
export function duplicateSession(draft: PlanDraft, source: Session, ctx: ProposeContext, id = newSessionId()): Session {
  const { startsAt } = proposeSession(draft, ctx, id)
  return {
    ...source,
    id,
    name: source.name ? `${source.name} (copy)` : '',
    startsAt,
    status: 'planned',
    clearance: null,
    needle: { ...source.needle },
    treatments: source.treatments.map((t) => ({ ...t, amount: { ...t.amount } })),
    layer: { ...source.layer },
  }
}
