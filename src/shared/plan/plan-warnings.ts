import { clearanceNeeds } from '../patients/contraindications'
import { strengthAt, yearsBetween } from './fade'
import { addMonths, dayOf, daysBetween, formatDay } from './plan-dates'
import { hairlineWarnings } from './plan-hairlines'
import type { PlanContext } from './plan-problems'
import { type PlanDraft, SESSION_KINDS, type Session, TECHNIQUES } from './plan-types'
import { type PlanZone, zoneKey } from './plan-zones'
import { spacingWindow } from './protocols'
import { chronological } from './session-density'
import { coverageAt, zoneLayers } from './timeline'
import { treatmentPigment } from './treatment-tools'

export type PlanWarningKind =
  | 'too-close'
  | 'too-far'
  | 'too-few-sessions'
  | 'too-much-at-once'
  | 'coverage'
  | 'keloid'
  | 'needs-clearance'
  | 'hairline-low'
  | 'hairline-mature'
  | 'carbon-black-temporary'
  | 'reink-drifted'
  | 'scar-too-soon'
  | 'lot-expired'

/** Something the practitioner should weigh before treating; unlike a problem it does not stop a save. */
export interface PlanWarning {
  kind: PlanWarningKind
  level: 'caution' | 'contraindication'
  sessionId: string | null
  zoneKey: string | null
  title: string
  /** The reason, with the numbers behind it. */
  detail: string
  /** Where the rule comes from, in words the user can check. */
  source: string
}

const percent = (x: number) => `${Math.round(x * 100)}%`
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`
const techniqueLabel = (draft: PlanDraft) =>
  TECHNIQUES.find((t) => t.value === draft.technique)?.label ?? draft.technique
const kindLabel = (session: Session) => SESSION_KINDS.find((k) => k.value === session.kind)?.label ?? session.kind
/** The user's name for a session, else its kind, with its date: what the warning is about. */
export const sessionTitle = (session: Session) =>
  `${session.name.trim() || kindLabel(session)} on ${formatDay(session.startsAt)}`

function spacingWarnings(draft: PlanDraft, active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const warnings: PlanWarning[] = []
  for (let n = 1; n < active.length; n++) {
    const session = active[n] as Session
    const window = spacingWindow(draft.technique, session.kind, ctx.settings)
    if (!window) continue
    // The first session of the course is the latest first session before this one.
    const from =
      window.from === 'first'
        ? (active.slice(0, n).findLast((s) => s.kind === 'base') ?? (active[0] as Session))
        : (active[n - 1] as Session)
    const gap = daysBetween(from.startsAt, session.startsAt)
    const kind = session.name.trim() ? ` (${kindLabel(session).toLowerCase()})` : ''
    const where = `${sessionTitle(session)}${kind} comes ${days(gap)} after ${sessionTitle(from)}`
    const base = { level: 'caution', sessionId: session.id, zoneKey: null, source: window.source } as const
    if (gap < window.minDays)
      warnings.push({
        ...base,
        kind: 'too-close',
        title: 'Sessions closer than the protocol allows',
        detail: `${where}; for this kind of session the ${techniqueLabel(draft)} protocol asks for at least ${days(window.minDays)} so the skin heals and the dots do not merge.`,
      })
    else if (window.maxDays !== null && gap > window.maxDays)
      warnings.push({
        ...base,
        kind: 'too-far',
        title: 'Sessions further apart than the protocol allows',
        detail: `${where}; for this kind of session the ${techniqueLabel(draft)} protocol allows at most ${days(window.maxDays)}, after which earlier layers have faded unevenly.`,
      })
  }
  return warnings
}

function fewSessionsWarnings(draft: PlanDraft, active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const least = ctx.settings.minSessions[draft.technique]
  if (active.length === 0 || active.length >= least) return []
  return [
    {
      kind: 'too-few-sessions',
      level: 'caution',
      sessionId: null,
      zoneKey: null,
      title: `Fewer than ${least} sessions`,
      detail: `The plan has ${active.length} session${active.length === 1 ? '' : 's'}. Pigment is built up like filters laid one on another; putting it in faster risks the dots bleeding together.`,
      source:
        draft.technique === 'temporary'
          ? 'Seed 000: "It will take a minimum of three SMP sessions to achieve the optimal results."'
          : 'Seed 002: sessions two to four weeks apart, "many patients only require one or two follow-ups".',
    },
  ]
}

/** One session adding more than the line in one zone: the seed's "too aggressive too fast". */
function tooMuchWarnings(active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const byKey = new Map(ctx.zones.map((z) => [z.key, z]))
  const limit = ctx.settings.sessionShareLimit
  return active.flatMap((session) =>
    session.treatments.flatMap((t): PlanWarning[] => {
      const zone = byKey.get(zoneKey(t.designId, t.zoneId))
      if (!zone) return []
      const share = t.amount.unit === 'share' ? t.amount.value : t.amount.value / zone.targetDensity
      if (share <= limit) return []
      return [
        {
          kind: 'too-much-at-once',
          level: 'caution',
          sessionId: session.id,
          zoneKey: zone.key,
          title: `Too much in one session in ${zone.name}`,
          detail: `${sessionTitle(session)} adds ${percent(share)} of the zone's target at once; above ${percent(limit)} the impressions tend to bleed together (migration) into a solid patch. Spread it over more sessions.`,
          source:
            'Seed 000: "It is risky to try to be too aggressive too fast … it can cause the impressions to bleed together (migration)"; research.md §2: the published build-up adds at most 40% per session.',
        },
      ]
    }),
  )
}

/** Dots still present covering too much skin right after a session, fresh dots at their fresh size. */
function coverageWarnings(draft: PlanDraft, active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const warned = new Set<string>()
  const warnings: PlanWarning[] = []
  const byKey = new Map(ctx.zones.map((z) => [z.key, z]))
  for (const session of active) {
    for (const t of session.treatments) {
      const zone = byKey.get(zoneKey(t.designId, t.zoneId))
      if (!zone || warned.has(zone.key)) continue
      const { coverage, densityPresent } = coverageAt(draft, zone, ctx.pigments, ctx.settings, session.startsAt)
      if (coverage <= ctx.settings.coverageLimit) continue
      warned.add(zone.key)
      warnings.push({
        kind: 'coverage',
        level: 'caution',
        sessionId: session.id,
        zoneKey: zone.key,
        title: `Dots may run together in ${zone.name}`,
        detail: `On the day of ${sessionTitle(session)} the pigment present covers ${percent(coverage)} of the skin (${Math.round(densityPresent)} impressions per cm² still showing, the fresh ones at their fresh size); above ${percent(ctx.settings.coverageLimit)} they tend to bleed into a solid patch.`,
        source: 'Seed 000: impressions bleed together (migration) when too much is put in; research.md §1: dot sizes.',
      })
    }
  }
  return warnings
}

function pigmentWarnings(draft: PlanDraft, active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const warnings: PlanWarning[] = []
  for (const session of active) {
    const used = new Map(
      session.treatments.flatMap((t) => {
        const pigment = treatmentPigment(session, t, ctx.pigments)
        return pigment ? [[pigment.id, pigment] as const] : []
      }),
    )
    for (const pigment of used.values()) {
      const base = { kind: 'carbon-black-temporary', sessionId: session.id, zoneKey: null } as const
      if (draft.technique === 'temporary' && pigment.carbonBlack)
        warnings.push({
          ...base,
          level: 'contraindication',
          title: 'Carbon black in a temporary plan',
          detail: `${pigment.name} in ${sessionTitle(session)} is carbon black: it stays in the skin (its fade model keeps ${percent(pigment.fade.floor)} for good), can turn blue-green as it fades and comes out only by laser. A temporary plan promises pigment that clears.`,
          source:
            'Seed 000: temporary pigments "do not contain any black … black pigment can eventually fade into a blue or green tone".',
        })
      else if (pigment.family !== draft.technique)
        warnings.push({
          ...base,
          level: 'caution',
          title: `${pigment.family === 'temporary' ? 'Temporary' : 'Permanent'} pigment in a ${draft.technique} plan`,
          detail: `${pigment.name} in ${sessionTitle(session)} is a ${pigment.family} pigment: once settled its fade model leaves ${percent(strengthAt(pigment.fade, 1))} after one year and ${percent(strengthAt(pigment.fade, 2))} after two.`,
          source: 'Seed 000: temporary pigment fades within 6–24 months; permanent lasts 2–5 years.',
        })
    }
  }
  return warnings
}

/**
 * Treating a zone again over carbon black that has faded far enough to change colour: inking into
 * those impressions makes them bigger; the remedy is new dots between them.
 */
function reinkWarnings(draft: PlanDraft, active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const warnings: PlanWarning[] = []
  const byKey = new Map(ctx.zones.map((z) => [z.key, z]))
  for (const session of active) {
    for (const t of session.treatments) {
      const zone = byKey.get(zoneKey(t.designId, t.zoneId))
      if (!zone) continue
      const drifted = driftedLayer(draft, zone, session, ctx)
      if (!drifted) continue
      warnings.push({
        kind: 'reink-drifted',
        level: 'caution',
        sessionId: session.id,
        zoneKey: zone.key,
        title: `Faded carbon black in ${zone.name} has changed colour`,
        detail: `By ${formatDay(session.startsAt)} the ${drifted.name} laid on ${formatDay(drifted.on)} has faded to ${percent(drifted.left)} and drifted toward blue-green. Inking into those impressions again makes them bigger and less natural; place new impressions between the old ones instead.`,
        source:
          'Seed 000: "the more ink you put into an impression that has faded (changed color), the bigger the impression gets".',
      })
    }
  }
  return warnings
}

function driftedLayer(draft: PlanDraft, zone: PlanZone, session: Session, ctx: PlanContext) {
  const factor = zone.overScar ? ctx.settings.scarFadeFactor : 1
  for (const layer of zoneLayers(draft, zone, ctx.pigments)) {
    const earlier = draft.sessions.find((s) => s.id === layer.sessionId)
    if (!earlier || earlier.startsAt >= session.startsAt || !layer.pigment.carbonBlack) continue
    const left = strengthAt(layer.pigment.fade, yearsBetween(earlier.startsAt, session.startsAt), factor)
    if (layer.pigment.drift * (1 - left) > ctx.settings.reinkDriftLimit)
      return { name: layer.pigment.name, on: earlier.startsAt, left }
  }
  return null
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
              detail: `${zone.name} lies over a scar; ${sessionTitle(session)} is ${days(daysBetween(transplant, session.startsAt))} after the transplant on ${formatDay(transplant)}. Wait ${wait} months, until ${formatDay(until)}, for the scar to settle.`,
              source: 'research.md §7: wait 6–12 months after a transplant before SMP.',
            },
          ]
        }),
  )
}

/** A pigment lot that expires before the session that uses it: traceability says to use another. */
function lotWarnings(active: readonly Session[]): PlanWarning[] {
  return active.flatMap((session): PlanWarning[] => {
    const expires = session.pigmentExpires
    if (!expires || expires >= dayOf(session.startsAt)) return []
    return [
      {
        kind: 'lot-expired',
        level: 'caution',
        sessionId: session.id,
        zoneKey: null,
        title: 'Pigment lot expired',
        detail: `The pigment lot${session.pigmentLot.trim() ? ` ${session.pigmentLot.trim()}` : ''} recorded for ${sessionTitle(session)} expired on ${formatDay(expires)}. Use a lot within its date and record it.`,
        source: "The ink's lot and expiry are kept for traceability; an expired medical-grade ink is not used.",
      },
    ]
  })
}

/** Each contraindication on the record: no session may be marked done until someone records its clearance. */
function clearanceWarnings(active: readonly Session[], ctx: PlanContext): PlanWarning[] {
  const uncleared = active.filter((s) => s.clearance === null).length
  return clearanceNeeds(ctx.patient.medical).map((need) => ({
    kind: need.flag === 'keloid' ? 'keloid' : 'needs-clearance',
    level: 'contraindication',
    sessionId: null,
    zoneKey: null,
    title: `${need.label[0]?.toUpperCase()}${need.label.slice(1)}: contraindication`,
    detail: `${need.detail} Record who cleared each session, when and why before marking it done${uncleared > 0 ? ` (${uncleared} session${uncleared === 1 ? '' : 's'} not cleared yet)` : ''}.`,
    source: need.source,
  }))
}

/** Every caution and contraindication the plan raises; skipped sessions raise none. */
export function planWarnings(draft: PlanDraft, ctx: PlanContext): PlanWarning[] {
  const active = chronological(draft.sessions).filter((s) => s.status !== 'skipped')
  return [
    ...clearanceWarnings(active, ctx),
    // The patient's age on the first session still to come, today when none is.
    ...hairlineWarnings(
      ctx.hairlines,
      ctx.patient,
      dayOf(active.find((s) => s.status === 'planned' && s.startsAt >= ctx.now)?.startsAt ?? ctx.now),
      ctx.settings,
    ),
    ...fewSessionsWarnings(draft, active, ctx),
    ...spacingWarnings(draft, active, ctx),
    ...tooMuchWarnings(active, ctx),
    ...coverageWarnings(draft, active, ctx),
    ...pigmentWarnings(draft, active, ctx),
    ...reinkWarnings(draft, active, ctx),
    ...scarWarnings(active, ctx),
    ...lotWarnings(active),
  ]
}
