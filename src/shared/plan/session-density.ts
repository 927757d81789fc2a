import type { ClinicalSettings } from '../settings/clinical-defaults'
import type { Needle, PlanDraft, Session, TreatmentAmount } from './plan-types'
import { impressionsOver, type PlanZone, zoneKey } from './plan-zones'
import { treatmentNeedle } from './treatment-tools'

type DotSettings = Pick<ClinicalSettings, 'healedDotMm' | 'freshDotMm'>

/** What one session does to one zone it treats. */
export interface SessionZoneDensity {
  sessionId: string
  zoneKey: string
  /** Impressions per cm² this session adds. */
  added: number
  /** Impressions per cm² once this session is done, every earlier session that was not skipped included. */
  cumulative: number
  /** Healed dot diameter of the needle this session uses on the zone, mm. */
  dotMm: number
  /** The same dot on the day of the session, mm. */
  freshDotMm: number
  /** Impressions this session places in the zone; null on an uncalibrated photo. */
  impressions: number | null
}

/** Sessions by start, equal starts keeping their order: the plan is read as it happens. */
export function chronological(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
}

/** Impressions per cm² an amount adds to a zone of the given target. */
export function addedDensity(amount: TreatmentAmount, targetDensity: number): number {
  return amount.unit === 'share' ? amount.value * targetDensity : amount.value
}

/** The needle the fact sheet's dot sizes are given for: 0803, the usual 0.25 mm (research.md §1). */
export const REFERENCE_NEEDLE_MM = 0.25

/**
 * The healed impression a needle leaves, mm: the fact sheet's size for its grouping (settings'
 * `healedDotMm`, at the usual 0.25 mm needle), in proportion for a finer or coarser needle.
 */
export function dotDiameterMm(needle: Needle, settings: Pick<ClinicalSettings, 'healedDotMm'>): number {
  return (settings.healedDotMm[needle.config] * needle.diameterMm) / REFERENCE_NEEDLE_MM
}

/** The same impression on the day of the session, before it heals, mm (settings' `freshDotMm`). */
export function freshDotDiameterMm(needle: Needle, settings: Pick<ClinicalSettings, 'freshDotMm'>): number {
  return (settings.freshDotMm[needle.config] * needle.diameterMm) / REFERENCE_NEEDLE_MM
}

/** Mean distance between neighbouring dots at a density per cm², mm (100 mm² in a cm²). */
export function meanSpacingMm(densityPerCm2: number): number {
  return Math.sqrt(100 / densityPerCm2)
}

/** The highest whole density per cm² whose mean spacing stays wider than the dot. */
export function maxFittingDensity(dotMm: number): number {
  return Math.ceil(100 / (dotMm * dotMm)) - 1
}

/**
 * Share of skin covered by `densityPerCm2` dots of a mean diameter. Dots vary in size with hand
 * pressure, and a dot's area grows with the square of its diameter, so the mean area is
 * π(d/2)²(1 + jitter²) rather than that of the mean dot.
 */
export function coverageShare(densityPerCm2: number, dotMm: number, jitter: number): number {
  return (densityPerCm2 / 100) * Math.PI * (dotMm / 2) ** 2 * (1 + jitter * jitter)
}

/**
 * Every (session, zone) pair the plan treats, in date order. Skipped sessions and zones no
 * longer in their design add nothing. Dot sizes follow the needle used on each zone.
 */
export function sessionDensities(
  draft: PlanDraft,
  zones: readonly PlanZone[],
  settings: DotSettings,
): SessionZoneDensity[] {
  const byKey = new Map(zones.map((zone) => [zone.key, zone]))
  const totals = new Map<string, number>()
  const rows: SessionZoneDensity[] = []
  for (const session of chronological(draft.sessions)) {
    if (session.status === 'skipped') continue
    for (const treatment of session.treatments) {
      const key = zoneKey(treatment.designId, treatment.zoneId)
      const zone = byKey.get(key)
      if (!zone) continue
      const needle = treatmentNeedle(session, treatment)
      const added = addedDensity(treatment.amount, zone.targetDensity)
      const cumulative = (totals.get(key) ?? 0) + added
      totals.set(key, cumulative)
      rows.push({
        sessionId: session.id,
        zoneKey: key,
        added,
        cumulative,
        dotMm: dotDiameterMm(needle, settings),
        freshDotMm: freshDotDiameterMm(needle, settings),
        impressions: zone.areaCm2 === null ? null : impressionsOver(zone.areaCm2, added),
      })
    }
  }
  return rows
}
