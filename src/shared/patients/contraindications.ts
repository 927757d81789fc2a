import type { MedicalFlags } from './patient'

export type WarningLevel = 'contraindication' | 'caution'

export interface ClinicalWarning {
  level: WarningLevel
  title: string
  detail: string
}

/**
 * Warnings a practitioner must see wherever the patient appears. Keloid tendency is the one
 * contraindication both clinic pages name; the cautions come from the wider literature
 * (domain notes, "More contraindications").
 */
export function clinicalWarnings(medical: MedicalFlags): ClinicalWarning[] {
  const warnings: ClinicalWarning[] = []
  if (medical.keloid) {
    warnings.push({
      level: 'contraindication',
      title: 'Keloid tendency: contraindication',
      detail:
        'Needle trauma can raise keloid scars. Do not treat without medical clearance; keloid or hypertrophic scars must be flattened first.',
    })
  }
  if (medical.scalpCondition) {
    warnings.push({
      level: 'caution',
      title: 'Active scalp condition',
      detail: 'Do not treat over psoriasis, eczema, acne or sunburn until the skin has cleared.',
    })
  }
  if (medical.chemotherapy) {
    warnings.push({
      level: 'caution',
      title: 'Chemotherapy history',
      detail: 'Confirm the last chemotherapy ended more than a year ago before treating.',
    })
  }
  if (medical.pregnancy) {
    warnings.push({
      level: 'caution',
      title: 'Pregnancy',
      detail: 'Do not treat without a doctor’s clearance.',
    })
  }
  if (medical.bloodThinners) {
    warnings.push({
      level: 'caution',
      title: 'Blood thinners',
      detail: 'Do not treat without a doctor’s clearance.',
    })
  }
  return warnings
}

/** The recorded conditions after which a session needs a doctor's clearance before it is marked done. */
export type ClearanceFlag = 'keloid' | 'scalpCondition' | 'chemotherapy' | 'pregnancy' | 'bloodThinners'

/** A contraindication the patient has, which a recorded clearance must acknowledge. */
export interface ClearanceNeed {
  flag: ClearanceFlag
  /** As a heading says it: "keloid tendency". */
  label: string
  /** As a sentence says it after "This patient has": "a keloid tendency". */
  phrase: string
  /** What the clearance confirms. */
  detail: string
  /** Where the rule comes from. */
  source: string
}

/**
 * The contraindications of the domain notes that the patient record holds. The seeds name only a
 * keloid tendency; the wider list (scalp conditions, recent chemotherapy, pregnancy, blood
 * thinners) is from research.md §9. Severe acne and sunburn count as a scalp condition; recent
 * laser removal has no field on the record (it goes in "Other").
 */
const NEEDS_CLEARANCE: readonly ClearanceNeed[] = [
  {
    flag: 'keloid',
    label: 'keloid tendency',
    phrase: 'a keloid tendency',
    detail:
      'Every session is needle trauma that can raise keloid scars. Do not treat without medical clearance; keloid or hypertrophic scars must be flattened first.',
    source:
      'Seed 002: "People who are prone to keloids … should not get scalp micropigmentation"; research.md §7: flatten keloid scars first.',
  },
  {
    flag: 'scalpCondition',
    label: 'active scalp condition',
    phrase: 'an active scalp condition',
    detail:
      'Psoriasis or eczema on the scalp, severe acne or sunburn: do not treat until a doctor confirms the skin has cleared.',
    source: 'Domain notes, "More contraindications": scalp psoriasis/eczema, severe acne, sunburn (research.md §9).',
  },
  {
    flag: 'chemotherapy',
    label: 'chemotherapy',
    phrase: 'a history of chemotherapy',
    detail:
      'Chemotherapy in the past year is a contraindication: a doctor confirms the last course ended over a year ago.',
    source: 'Domain notes, "More contraindications": chemotherapy in the past year (research.md §9).',
  },
  {
    flag: 'pregnancy',
    label: 'pregnancy',
    phrase: 'a pregnancy recorded',
    detail: 'Pregnancy is a contraindication: do not treat without a doctor’s clearance.',
    source: 'Domain notes, "More contraindications": pregnancy (research.md §9).',
  },
  {
    flag: 'bloodThinners',
    label: 'blood thinners',
    phrase: 'blood thinners recorded',
    detail: 'Blood thinners are a contraindication: a doctor confirms treatment may go ahead.',
    source: 'Domain notes, "More contraindications": blood thinners (research.md §9).',
  },
]

/** The patient's contraindications that each session must be cleared for, in a fixed order. */
export function clearanceNeeds(medical: Pick<MedicalFlags, ClearanceFlag>): ClearanceNeed[] {
  return NEEDS_CLEARANCE.filter((need) => medical[need.flag])
}

/** "a keloid tendency and an active scalp condition": the needs as one phrase. */
export function clearancePhrase(needs: readonly ClearanceNeed[], key: 'label' | 'phrase' = 'phrase'): string {
  const words = needs.map((n) => n[key])
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}
