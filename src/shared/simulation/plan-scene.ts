import type { DesignDocument } from '../design/design-types'
import type { Needle, Session } from '../plan/plan-types'
import { addedDensity, dotDiameterMm } from '../plan/session-density'
import { treatmentNeedle } from '../plan/treatment-tools'
import type { ClinicalSettings } from '../settings/clinical-defaults'
import { designSimZones } from './design-zones'
import type { SimInput } from './simulate'

/** The needle a session uses where a zone has none of its own: what its layer's fresh look is scaled by. */
export const sessionNeedle = (session: Session): Needle => session.needle

/**
 * The sampler's input for one design's sessions (in date order): each zone a session treats,
 * with the zones drawn over it (`designSimZones`), and per session the density it adds per zone
 * and the healed dot size there: the zone's own needle's, else the session's (as `coverageAt`
 * counts them). Densities per cm² become dots per px² through the calibration.
 */
export function planSimInput(source: {
  designId: string
  document: DesignDocument
  pxPerMm: number
  /** This design's sessions, in date order, skipped ones included (they add nothing). */
  sessions: readonly Session[]
  settings: Pick<ClinicalSettings, 'healedDotMm' | 'dotSizeJitter'>
}): SimInput {
  const { designId, document, pxPerMm, sessions, settings } = source
  const treated = new Set(
    sessions
      .filter((s) => s.status !== 'skipped')
      .flatMap((s) => s.treatments.filter((t) => t.designId === designId).map((t) => t.zoneId)),
  )
  const zones = designSimZones(document, pxPerMm).filter((zone) => treated.has(zone.id))
  const targets = new Map(document.objects.flatMap((o) => (o.kind === 'zone' ? [[o.id, o.density] as const] : [])))
  const perPx2 = 1 / 100 / (pxPerMm * pxPerMm)
  return {
    seedKey: designId,
    zones,
    jitter: settings.dotSizeJitter,
    sessions: sessions.map((session) => ({
      id: session.id,
      dotDiameterPx: dotDiameterMm(sessionNeedle(session), settings) * pxPerMm,
      treatments:
        session.status === 'skipped'
          ? []
          : session.treatments.flatMap((t) => {
              const target = targets.get(t.zoneId)
              return t.designId === designId && target !== undefined && treated.has(t.zoneId)
                ? [
                    {
                      zoneId: t.zoneId,
                      densityPerPx2: addedDensity(t.amount, target) * perPx2,
                      dotDiameterPx: dotDiameterMm(treatmentNeedle(session, t), settings) * pxPerMm,
                    },
                  ]
                : []
            }),
    })),
  }
}
