import { strengthAt } from './fade'
import { addMonths, dayOf, daysBetween, formatDay } from './plan-dates'
import type { PlanContext } from './plan-problems'
import { type PlanDraft, type Session, TECHNIQUES } from './plan-types'
import { zoneKey } from './plan-zones'
import { protocolStepFor } from './protocols'
import { chronological, sessionDensities } from './session-density'

export type PlanWarningKind =
  | 'too-close'
  | 'too-far'
  | 'coverage'
  | 'keloid'
  | 'carbon-black-temporary'
  | 'scar-too-soon'

/** Something the practitioner should weigh before treating; unlike a problem it does not stop a save. */
export interface PlanWarning {
  kind: PlanWarningKind
  level: 'caution' | 'contraindication'
  sessionId: string | null
  zoneKey: string | null
  title: string
  /** The reason, with the numbers behind it. */
  detail: string
}

const percent = (x: number) => `${Math.round(x * 100)}%`
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`
const techniqueLabel = (draft: PlanDraft) =>
  TECHNIQUES.find((t) => t.value === draft.technique)?.label ?? draft.technique

function spacingWarnings(draft: PlanDraft, active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const warnings: PlanWarning[] = []
  for (let n = 1; n < active.length; n++) {
    const previous = active[n - 1] as Session
    const session = active[n] as Session
    const step = protocolStepFor(draft.technique, n, ctx.settings)
    const gap = daysBetween(previous.startsAt, session.startsAt)
    const where = `${step.label} on ${formatDay(session.startsAt)} comes ${days(gap)} after the session on ${formatDay(previous.startsAt)}`
    if (gap < step.minGapDays)
      warnings.push({
        kind: 'too-close',
        level: 'caution',
        sessionId: session.id,
        zoneKey: null,
        title: 'Sessions closer than the protocol allows',
        detail: `${where}; the ${techniqueLabel(draft)} protocol asks for at least ${days(step.minGapDays)} so the skin heals and the dots do not merge.`,
      })
    else if (step.maxGapDays !== null && gap > step.maxGapDays)
      warnings.push({
        kind: 'too-far',
        level: 'caution',
        sessionId: session.id,
        zoneKey: null,
        title: 'Sessions further apart than the protocol allows',
        detail: `${where}; the ${techniqueLabel(draft)} protocol allows at most ${days(step.maxGapDays)}, after which earlier layers have faded unevenly.`,
      })
  }
  return warnings
}

function coverageWarnings(draft: PlanDraft, ctx: PlanContext): PlanWarning[] {
  const warned = new Set<string>()
  const warnings: PlanWarning[] = []
  const names = new Map(ctx.zones.map((z) => [z.key, z.name]))
  const starts = new Map(draft.sessions.map((s) => [s.id, s.startsAt]))
  for (const row of sessionDensities(draft, ctx.zones, ctx.settings)) {
    if (row.coverage <= ctx.settings.coverageLimit || warned.has(row.zoneKey)) continue
    warned.add(row.zoneKey)
    warnings.push({
      kind: 'coverage',
      level: 'caution',
      sessionId: row.sessionId,
      zoneKey: row.zoneKey,
      title: `Dots may run together in ${names.get(row.zoneKey)}`,
      detail: `After the session on ${formatDay(starts.get(row.sessionId) ?? '')} the dots cover ${percent(row.coverage)} of the skin (${Math.round(row.cumulative)} per cm², ${row.dotMm.toFixed(2)} mm dots); above ${percent(ctx.settings.coverageLimit)} they tend to bleed into a solid patch.`,
    })
  }
  return warnings
}

function pigmentWarnings(draft: PlanDraft, active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const warnings: PlanWarning[] = []
  for (const session of active) {
    const pigment = ctx.pigments.find((p) => p.id === session.pigmentId)
    if (!pigment) continue
    const base = { kind: 'carbon-black-temporary', sessionId: session.id, zoneKey: null } as const
    if (draft.technique === 'temporary' && pigment.carbonBlack)
      warnings.push({
        ...base,
        level: 'contraindication',
        title: 'Carbon black in a temporary plan',
        detail: `${pigment.name} is carbon black: it stays in the skin (its fade model keeps ${percent(pigment.fade.floor)} for good), can turn blue-green as it fades and comes out only by laser. A temporary plan promises pigment that clears.`,
      })
    else if (pigment.family !== draft.technique)
      warnings.push({
        ...base,
        level: 'caution',
        title: `${pigment.family === 'temporary' ? 'Temporary' : 'Permanent'} pigment in a ${draft.technique} plan`,
        detail: `${pigment.name} is a ${pigment.family} pigment: its fade model leaves ${percent(strengthAt(pigment.fade, 1))} after one year and ${percent(strengthAt(pigment.fade, 2))} after two.`,
      })
  }
  return warnings
}

function scarWarnings(active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const transplant = ctx.patient.transplantDate
  if (!transplant) return []
  const wait = ctx.settings.transplantWaitMonths
  const until = addMonths(transplant, wait)
  const scarZones = new Map(ctx.zones.filter((z) => z.overScar).map((z) => [z.key, z]))
  return active.flatMap((session) =>
    dayOf(session.startsAt) >= until
      ? []
      : session.treatments.flatMap(({ designId, zoneId }): PlanWarning[] => {
          const zone = scarZones.get(zoneKey(designId, zoneId))
          if (!zone) return []
          return [
            {
              kind: 'scar-too-soon',
              level: 'caution',
              sessionId: session.id,
              zoneKey: zone.key,
              title: `Scar in ${zone.name} treated too soon after the transplant`,
              detail: `${zone.name} lies over a scar; this session on ${formatDay(session.startsAt)} is ${days(daysBetween(transplant, session.startsAt))} after the transplant on ${formatDay(transplant)}. Wait ${wait} months, until ${formatDay(until)}, for the scar to settle.`,
            },
          ]
        }),
  )
}

/** Every caution and contraindication the plan raises; skipped sessions raise none. */
export function planWarnings(draft: PlanDraft, ctx: PlanContext): PlanWarning[] {
  const active = chronological(draft.sessions).filter((s) => s.status !== 'skipped')
  const keloid: PlanWarning[] = ctx.patient.keloid
    ? [
        {
          kind: 'keloid',
          level: 'contraindication',
          sessionId: null,
          zoneKey: null,
          title: 'Keloid tendency: contraindication',
          detail:
            'Every session is needle trauma that can raise keloid scars. Do not treat without medical clearance; keloid or hypertrophic scars must be flattened first.',
        },
      ]
    : []
  return [
    ...keloid,
    ...spacingWarnings(draft, active, ctx),
    ...coverageWarnings(draft, ctx),
    ...pigmentWarnings(draft, active, ctx),
    ...scarWarnings(active, ctx),
  ]
}
