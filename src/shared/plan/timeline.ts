import type { ClinicalSettings } from '../settings/clinical-defaults'
import { lookAt, strengthAt, unsettledAt } from './fade'
import { addDays, DAYS_PER_YEAR, dayOf, MS_PER_DAY, toWallClock, wallClockMs } from './plan-dates'
import type { Needle, Pigment, PlanDraft, Session } from './plan-types'
import type { PlanZone } from './plan-zones'
import { zoneKey } from './plan-zones'
import { addedDensity, chronological, coverageShare, dotDiameterMm, freshDotDiameterMm } from './session-density'
import { treatmentNeedle, treatmentPigment } from './treatment-tools'

type FadeSettings = Pick<ClinicalSettings, 'scarFadeFactor'>

/** One layer's contribution to a zone: what it added and how it fades there. */
export interface ZoneLayer {
  sessionId: string
  startMs: number
  /** Impressions per cm² the session added. */
  added: number
  pigment: Pigment
  needle: Needle
}

/**
 * The zone's layers in date order, each with the pigment and needle used on that zone; skipped
 * sessions and pigments no longer in the catalogue add nothing.
 */
export function zoneLayers(draft: PlanDraft, zone: PlanZone, pigments: readonly Pigment[]): ZoneLayer[] {
  return chronological(draft.sessions).flatMap((session) => {
    if (session.status === 'skipped') return []
    return session.treatments.flatMap((t) => {
      const pigment = treatmentPigment(session, t, pigments)
      if (zoneKey(t.designId, t.zoneId) !== zone.key || !pigment) return []
      return [
        {
          sessionId: session.id,
          startMs: wallClockMs(session.startsAt),
          added: addedDensity(t.amount, zone.targetDensity),
          pigment,
          needle: treatmentNeedle(session, t),
        },
      ]
    })
  })
}

const scarFactor = (zone: Pick<PlanZone, 'overScar'>, settings: FadeSettings) =>
  zone.overScar ? settings.scarFadeFactor : 1
const yearsFrom = (fromMs: number, toMs: number) => (toMs - fromMs) / MS_PER_DAY / DAYS_PER_YEAR

type LayerMeasure = (layer: ZoneLayer, years: number) => number

/** `inclusive` false gives the sum just before a session starting at `atMs`. */
function sumOf(layers: readonly ZoneLayer[], measure: LayerMeasure, atMs: number, inclusive = true) {
  let total = 0
  for (const layer of layers) {
    if (layer.startMs > atMs || (!inclusive && layer.startMs === atMs)) continue
    total += measure(layer, yearsFrom(layer.startMs, atMs))
  }
  return total
}

/** What the zone looks like: fresh layers darker until they settle, then decaying. */
const looks =
  (zone: PlanZone, factor: number): LayerMeasure =>
  (layer, years) =>
    (layer.added / zone.targetDensity) * lookAt(layer.pigment.fade, years, factor)

/** What the zone will look like once every layer has settled: only the decay. */
const healed =
  (zone: PlanZone, factor: number): LayerMeasure =>
  (layer, years) =>
    (layer.added / zone.targetDensity) * strengthAt(layer.pigment.fade, years, factor)

/**
 * How dark a zone looks at a date as a share of its finished target: every layer laid by then,
 * each settling and fading by its pigment's model (faster over scars). 1 (100%) is the target
 * density once healed; fresh layers look darker for the first weeks, so a zone stands above 1
 * right after a session and settles back.
 */
export function zoneStrength(
  draft: PlanDraft,
  zone: PlanZone,
  pigments: readonly Pigment[],
  settings: FadeSettings,
  at: string,
): number {
  return sumOf(zoneLayers(draft, zone, pigments), looks(zone, scarFactor(zone, settings)), wallClockMs(at))
}

/**
 * The zone's settled strength just before a session at `at`: what the pigment laid so far will
 * show once healed, the fresh darkness left out. A template brings a zone from this to its step's
 * share of the target.
 */
export function healedStrengthBefore(
  draft: PlanDraft,
  zone: PlanZone,
  pigments: readonly Pigment[],
  settings: FadeSettings,
  at: string,
): number {
  return sumOf(zoneLayers(draft, zone, pigments), healed(zone, scarFactor(zone, settings)), wallClockMs(at), false)
}

/**
 * The zone's strength once a session has settled, counting it and every earlier session but none
 * after: what the session brings the zone to (1 is the healed target).
 */
export function strengthReached(
  draft: PlanDraft,
  zone: PlanZone,
  pigments: readonly Pigment[],
  settings: FadeSettings,
  session: Session,
): number {
  const startMs = wallClockMs(session.startsAt)
  const layers = zoneLayers(draft, zone, pigments).filter((l) => l.startMs <= startMs)
  const settleDays = Math.max(0, ...layers.filter((l) => l.startMs === startMs).map((l) => l.pigment.fade.settleDays))
  return sumOf(layers, healed(zone, scarFactor(zone, settings)), startMs + settleDays * MS_PER_DAY)
}

export interface ZoneCoverage {
  /** Impressions per cm² still present, each counted by how much of its pigment is left. */
  densityPresent: number
  /** Share of the zone's skin those impressions cover, fresh ones at their fresh size. */
  coverage: number
}

/**
 * How much of a zone's skin its pigment covers at a date, counting only pigment still present:
 * each layer's impressions weighted by what is left of them, at a size between fresh (the day of
 * the session) and healed as they settle. The Plan tab and the layer panel both read this.
 */
export function coverageAt(
  draft: PlanDraft,
  zone: PlanZone,
  pigments: readonly Pigment[],
  settings: Pick<ClinicalSettings, 'scarFadeFactor' | 'healedDotMm' | 'freshDotMm' | 'dotSizeJitter'>,
  at: string,
): ZoneCoverage {
  const factor = scarFactor(zone, settings)
  const atMs = wallClockMs(at)
  let densityPresent = 0
  let coverage = 0
  for (const layer of zoneLayers(draft, zone, pigments)) {
    if (layer.startMs > atMs) continue
    const years = yearsFrom(layer.startMs, atMs)
    const present = layer.added * strengthAt(layer.pigment.fade, years, factor)
    const healedMm = dotDiameterMm(layer.needle, settings)
    const dotMm =
      healedMm + (freshDotDiameterMm(layer.needle, settings) - healedMm) * unsettledAt(layer.pigment.fade, years)
    densityPresent += present
    coverage += coverageShare(present, dotMm, settings.dotSizeJitter)
  }
  return { densityPresent, coverage }
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
  const measure = looks(zone, scarFactor(zone, settings))
  const from = wallClockMs(first.startsAt)
  const to = wallClockMs(last.startsAt) + yearsAfter * DAYS_PER_YEAR * MS_PER_DAY
  const points: { ms: number; strength: number }[] = []
  for (let i = 0; i < samples; i++) {
    const ms = from + ((to - from) * i) / Math.max(1, samples - 1)
    points.push({ ms, strength: sumOf(layers, measure, ms) })
  }
  for (const layer of layers) {
    points.push({ ms: layer.startMs, strength: sumOf(layers, measure, layer.startMs, false) })
    points.push({ ms: layer.startMs, strength: sumOf(layers, measure, layer.startMs) })
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
 * For each treated zone, the first day after its last session on which its healed look has faded
 * below the touch-up line of the plan's protocol; a zone that stays above it for `horizonYears` gets no suggestion.
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
    const measure = healed(zone, scarFactor(zone, settings))
    const lastDay = dayOf(toWallClock(last.startMs))
    const strengthOn = (k: number) => sumOf(layers, measure, wallClockMs(addDays(lastDay, k)))
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
 * before the session, when it was skipped or when it does not treat the zone; 1 while fresh and
 * healed (a dot cannot be drawn darker than its ink), then what is left of its pigment. `pigment`
 * is the one used on that zone (`treatmentPigment`).
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
  return Math.min(1, lookAt(pigment.fade, years, scarFactor(zone, settings)))
}
