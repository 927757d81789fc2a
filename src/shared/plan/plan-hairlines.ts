import { ageOn } from '../dates'
import type { Design } from '../design/design-types'
import { type HeightSettings, hairlineReadout } from '../design/readouts'
import type { HairLossPattern } from '../patients/patient-fields'
import { pxPerMm } from '../photos/calibration'
import type { Photo } from '../photos/photo'
import { labelOfView } from '../photos/photo-fields'
import type { ClinicalSettings } from '../settings/clinical-defaults'
import type { PlanWarning } from './plan-warnings'

/** A hairline of one of the patient's designs, with its height as clinics measure it. */
export interface PlanHairline {
  designId: string
  hairlineId: string
  /** "Hairline on the Front photo": the user's name for it, else the word, and its view. */
  name: string
  /** Height of the mid-frontal point above the glabella, with a tape over the forehead, cm. */
  tapeCm: number
}

/**
 * Every hairline whose height can be measured: its photo calibrated and the glabella placed.
 * The height is the readout's (`hairlineReadout`), so the warning and the readout agree.
 */
export function planHairlines(
  designs: readonly Design[],
  photos: readonly Pick<Photo, 'id' | 'calibration' | 'view'>[],
  settings: HeightSettings,
): PlanHairline[] {
  const byId = new Map(photos.map((photo) => [photo.id, photo]))
  return designs.flatMap((design) => {
    const photo = byId.get(design.photoId)
    const scale = photo ? pxPerMm(photo.calibration) : null
    if (!photo || !scale) return []
    return design.document.objects.flatMap((object): PlanHairline[] => {
      if (object.kind !== 'hairline' || object.hidden) return []
      const tape = hairlineReadout(object, design.document, scale, settings).tapeHeight
      if (!tape) return []
      const name = `${object.name.trim() || 'Hairline'} on the ${labelOfView(photo.view)} photo`
      return [{ designId: design.id, hairlineId: object.id, name, tapeCm: tape.value }]
    })
  })
}

/** The stage of a Norwood pattern (`norwood-4a` is 4); null for Ludwig or none. */
export function norwoodStage(pattern: HairLossPattern | null): number | null {
  const match = pattern ? /^norwood-(\d)/.exec(pattern) : null
  return match ? Number(match[1]) : null
}

/** Why a patient's hairline is judged as a mature one, or null: "age 52", "Norwood 5", or both. */
export function matureReason(
  patient: { dateOfBirth: string | null; hairLossPattern: HairLossPattern | null },
  on: string,
  settings: Pick<ClinicalSettings, 'matureHairlineAge' | 'matureNorwoodStage'>,
): string | null {
  const age = patient.dateOfBirth ? ageOn(patient.dateOfBirth, on) : null
  const stage = norwoodStage(patient.hairLossPattern)
  const reasons = [
    age !== null && age >= settings.matureHairlineAge ? `age ${age}` : null,
    stage !== null && stage >= settings.matureNorwoodStage ? `Norwood ${stage}` : null,
  ].filter((r) => r !== null)
  return reasons.length > 0 ? reasons.join(' and ') : null
}

const cm = (x: number) => `${x.toFixed(1)} cm`

/**
 * A hairline drawn lower than the clinics' line, or, for a patient old enough or far enough
 * along the Norwood scale (on the day `on`), lower than a mature line: it cannot be raised once
 * the pigment is in. The Plan's warnings and the design sheet both show these.
 */
export function hairlineWarnings(
  hairlines: readonly PlanHairline[],
  patient: { dateOfBirth: string | null; hairLossPattern: HairLossPattern | null },
  on: string,
  settings: Pick<
    ClinicalSettings,
    'lowestHairlineCm' | 'matureHairlineRiseCm' | 'matureHairlineAge' | 'matureNorwoodStage'
  >,
): PlanWarning[] {
  const { lowestHairlineCm, matureHairlineRiseCm } = settings
  const mature = matureReason(patient, on, settings)
  const lowest = mature ? lowestHairlineCm + matureHairlineRiseCm : lowestHairlineCm
  const matureLine = mature
    ? ` A mature hairline sits higher at the centre; with ${mature} draw it at ${cm(lowest)} or more, and plan for further loss.`
    : ''
  return hairlines
    .filter((h) => h.tapeCm < lowest)
    .map((h) => {
      const belowClinics = h.tapeCm < lowestHairlineCm
      return {
        kind: belowClinics ? 'hairline-low' : 'hairline-mature',
        level: 'caution',
        sessionId: null,
        zoneKey: null,
        title: belowClinics
          ? `Hairline below the clinics' line: ${h.name}`
          : `Hairline too low for ${mature}: ${h.name}`,
        detail: `${h.name} sits ${cm(h.tapeCm)} above the glabella, measured with a tape over the forehead. Clinics place the mid-frontal point ${cm(lowestHairlineCm)} (aggressive) to 10 cm (conservative) above it, about 8 cm usually; a line too low cannot be raised once the pigment is in.${matureLine}`,
        source:
          'research.md §5: mid-frontal point 8 cm above the glabella, 7 cm aggressive to 10 cm conservative (Garg); Shapiro: never too low, plan for future loss; a mature hairline sits 1–2 cm higher at the centre.',
      }
    })
}
