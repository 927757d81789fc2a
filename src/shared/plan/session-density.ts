import type { ClinicalSettings } from '../settings/clinical-defaults'
import type { Needle, PlanDraft, Session, TreatmentAmount } from './plan-types'
import { type PlanZone, zoneKey } from './plan-zones'

type DotSettings = Pick<ClinicalSettings, 'dotSizeFactor' | 'dotSizeJitter'>

/** What one session does to one zone it treats. */
export interface SessionZoneDensity {
  sessionId: string
  zoneKey: string
  /** Impressions per cm² this session adds. */
  added: number
  /** Impressions per cm² once this session is done, every earlier session that was not skipped included. */
  cumulative: number
  /** Healed dot diameter of this session's needle, mm. */
  dotMm: number
  /** Impressions this session places in the zone; null on an uncalibrated photo. */
  impressions: number | null
  /** Share of the zone's skin the dots cover once this session is done. */
  coverage: number
}

/** Sessions by start, equal starts keeping their order: the plan is read as it happens. */
export function chronological(sessions: readonly Session[]): Session[] {
  return [...sessions].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
}

/** Impressions per cm² an amount adds to a zone of the given target. */
export function addedDensity(amount: TreatmentAmount, targetDensity: number): number {
  return amount.unit === 'share' ? amount.value * targetDensity : amount.value
}

/** A grouping of needles leaves a wider dot than one needle (settings' `dotSizeFactor`). */
export function dotDiameterMm(needle: Needle, settings: DotSettings): number {
  return needle.diameterMm * settings.dotSizeFactor[needle.config]
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
 * longer in their design add nothing. Coverage sums each session's own dots, since sessions may
 * use different needles.
 */
export function sessionDensities(
  draft: PlanDraft,
  zones: readonly PlanZone[],
  settings: DotSettings,
): SessionZoneDensity[] {
  const byKey = new Map(zones.map((zone) => [zone.key, zone]))
  const totals = new Map<string, { density: number; coverage: number }>()
  const rows: SessionZoneDensity[] = []
  for (const session of chronological(draft.sessions)) {
    if (session.status === 'skipped') continue
    const dotMm = dotDiameterMm(session.needle, settings)
    for (const treatment of session.treatments) {
      const key = zoneKey(treatment.designId, treatment.zoneId)
      const zone = byKey.get(key)
      if (!zone) continue
      const added = addedDensity(treatment.amount, zone.targetDensity)
      const before = totals.get(key) ?? { density: 0, coverage: 0 }
      const total = {
        density: before.density + added,
        coverage: before.coverage + coverageShare(added, dotMm, settings.dotSizeJitter),
      }
      totals.set(key, total)
      rows.push({
        sessionId: session.id,
        zoneKey: key,
        added,
        cumulative: total.density,
        dotMm,
        impressions: zone.areaCm2 === null ? null : Math.round(zone.areaCm2 * added),
        coverage: total.coverage,
      })
    }
  }
  return rows
}
