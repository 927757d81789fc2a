import type { ClinicalSettings } from '../settings/clinical-defaults'
import { strengthAt } from './fade'
import { addDays, DAYS_PER_YEAR, dayOf, MS_PER_DAY, toWallClock, wallClockMs } from './plan-dates'
import type { Pigment, PlanDraft, Session } from './plan-types'
import type { PlanZone } from './plan-zones'
import { zoneKey } from './plan-zones'
import { addedDensity, chronological } from './session-density'

type FadeSettings = Pick<ClinicalSettings, 'scarFadeFactor'>

/** One layer's contribution to a zone: what it added and how it fades there. */
interface ZoneLayer {
  startMs: number
  added: number
  pigment: Pigment
}

/** The zone's layers in date order; skipped sessions and unknown pigments add nothing. */
function zoneLayers(draft: PlanDraft, zone: PlanZone, pigments: readonly Pigment[]): ZoneLayer[] {
  return chronological(draft.sessions).flatMap((session) => {
    const pigment = pigments.find((p) => p.id === session.pigmentId)
    if (session.status === 'skipped' || !pigment) return []
    return session.treatments
      .filter((t) => zoneKey(t.designId, t.zoneId) === zone.key)
      .map((t) => ({
        startMs: wallClockMs(session.startsAt),
        added: addedDensity(t.amount, zone.targetDensity),
        pigment,
      }))
  })
}

const scarFactor = (zone: Pick<PlanZone, 'overScar'>, settings: FadeSettings) =>
  zone.overScar ? settings.scarFadeFactor : 1
const yearsFrom = (fromMs: number, toMs: number) => (toMs - fromMs) / MS_PER_DAY / DAYS_PER_YEAR

/** `inclusive` false gives the strength just before a session starting at `atMs`. */
function strengthOf(layers: readonly ZoneLayer[], zone: PlanZone, factor: number, atMs: number, inclusive = true) {
  let total = 0
  for (const layer of layers) {
    if (layer.startMs > atMs || (!inclusive && layer.startMs === atMs)) continue
    total += layer.added * strengthAt(layer.pigment.fade, yearsFrom(layer.startMs, atMs), factor)
  }
  return total / zone.targetDensity
}

/**
 * How dark a zone looks at a date as a share of its finished target: every layer laid by then,
 * each faded by its pigment's model (faster over scars). 1 is the target; above 1 is darker.
 */
export function zoneStrength(
  draft: PlanDraft,
  zone: PlanZone,
  pigments: readonly Pigment[],
  settings: FadeSettings,
  at: string,
): number {
  return strengthOf(zoneLayers(draft, zone, pigments), zone, scarFactor(zone, settings), wallClockMs(at))
}

export interface StrengthPoint {
  /** `YYYY-MM-DDTHH:MM`. */
  at: string
  strength: number
}

export interface SeriesOptions {
  /** How long after the last session the series runs. */
  yearsAfter?: number
  /** Evenly spaced samples, besides the two points at each of the zone's sessions. */
  samples?: number
}

/**
 * A zone's strength for a chart, from the plan's first session to `yearsAfter` past its last
 * (the plan's, so every zone shares one time axis). Each session of the zone gives two points at
 * its start, before and after, so the chart steps up instead of sloping into the session.
 */
export function strengthSeries(
  draft: PlanDraft,
  zone: PlanZone,
  pigments: readonly Pigment[],
  settings: FadeSettings,
  { yearsAfter = 3, samples = 200 }: SeriesOptions = {},
): StrengthPoint[] {
  const active = chronological(draft.sessions).filter((s) => s.status !== 'skipped')
  const first = active[0]
  const last = active[active.length - 1]
  if (!first || !last) return []
  const layers = zoneLayers(draft, zone, pigments)
  const factor = scarFactor(zone, settings)
  const from = wallClockMs(first.startsAt)
  const to = wallClockMs(last.startsAt) + yearsAfter * DAYS_PER_YEAR * MS_PER_DAY
  const points: { ms: number; strength: number }[] = []
  for (let i = 0; i < samples; i++) {
    const ms = from + ((to - from) * i) / Math.max(1, samples - 1)
    points.push({ ms, strength: strengthOf(layers, zone, factor, ms) })
  }
  for (const layer of layers) {
    points.push({ ms: layer.startMs, strength: strengthOf(layers, zone, factor, layer.startMs, false) })
    points.push({ ms: layer.startMs, strength: strengthOf(layers, zone, factor, layer.startMs) })
  }
  // Stable sort keeps each session's before point ahead of its after point.
  return points.sort((a, b) => a.ms - b.ms).map((p) => ({ at: toWallClock(p.ms), strength: p.strength }))
}

export interface TouchUpSuggestion {
  zoneKey: string
  /** `YYYY-MM-DD`. */
  date: string
  /** The zone's strength on that day. */
  strength: number
}

/**
 * For each treated zone, the first day after its last session on which it has faded below the
 * touch-up line of the plan's protocol; a zone that stays above it for `horizonYears` gets no suggestion.
 */
export function touchUpSuggestions(
  draft: PlanDraft,
  zones: readonly PlanZone[],
  pigments: readonly Pigment[],
  settings: Pick<ClinicalSettings, 'scarFadeFactor' | 'protocols'>,
  horizonYears = 10,
): TouchUpSuggestion[] {
  return zones.flatMap((zone) => {
    const layers = zoneLayers(draft, zone, pigments)
    const last = layers[layers.length - 1]
    if (!last) return []
    const factor = scarFactor(zone, settings)
    const lastDay = dayOf(toWallClock(last.startMs))
    const strengthOn = (k: number) => strengthOf(layers, zone, factor, wallClockMs(addDays(lastDay, k)))
    const horizon = Math.ceil(horizonYears * DAYS_PER_YEAR)
    const line = settings.protocols[draft.technique].touchUpShare
    if (strengthOn(horizon) >= line) return []
    // Once the last layer is down every layer only fades, so strength falls day by day and the
    // first day below the line can be found by halving.
    let low = 1
    let high = horizon
    while (low < high) {
      const mid = Math.floor((low + high) / 2)
      if (strengthOn(mid) < line) high = mid
      else low = mid + 1
    }
    return [{ zoneKey: zone.key, date: addDays(lastDay, low), strength: strengthOn(low) }]
  })
}

/**
 * How strongly one session's dots show in one zone at a date, 0–1, for drawing its layer: 0
 * before the session, when it was skipped or when it does not treat the zone.
 */
export function layerStrengthAt(
  session: Session,
  pigment: Pigment,
  zone: Pick<PlanZone, 'key' | 'overScar'>,
  at: string,
  settings: FadeSettings,
): number {
  const treats = session.treatments.some((t) => zoneKey(t.designId, t.zoneId) === zone.key)
  const years = yearsFrom(wallClockMs(session.startsAt), wallClockMs(at))
  if (session.status === 'skipped' || !treats || years < 0) return 0
  return strengthAt(pigment.fade, years, scarFactor(zone, settings))
}
