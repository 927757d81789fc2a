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
  return warnings
}
