import type { Needle, Pigment, PigmentId, Session, ZoneTreatment } from './plan-types'

/** The needle used on one zone of a session: the zone's own, else the session's. */
export const treatmentNeedle = (session: Pick<Session, 'needle'>, treatment: ZoneTreatment): Needle =>
  treatment.needle ?? session.needle

/** The pigment used on one zone of a session: the zone's own, else the session's. */
export const treatmentPigmentId = (session: Pick<Session, 'pigmentId'>, treatment: ZoneTreatment): PigmentId =>
  treatment.pigmentId ?? session.pigmentId

/**
 * The catalogue pigment one zone of a session is treated with, its dilution replaced by the
 * zone's own mix when it has one; null when the catalogue no longer holds it.
 */
export function treatmentPigment(
  session: Pick<Session, 'pigmentId'>,
  treatment: ZoneTreatment,
  pigments: readonly Pigment[],
): Pigment | null {
  const id = treatmentPigmentId(session, treatment)
  const pigment = pigments.find((p) => p.id === id)
  if (!pigment) return null
  return treatment.dilution === undefined ? pigment : { ...pigment, dilution: treatment.dilution }
}

/** The share of water in one zone's mix. */
export const treatmentDilution = (treatment: ZoneTreatment, pigment: Pick<Pigment, 'dilution'>): number =>
  treatment.dilution ?? pigment.dilution
