import {
  FITZPATRICK_TYPES,
  GOALS,
  HAIR_COLOURS,
  HAIR_LOSS_PATTERNS,
  labelOf,
  SEXES,
} from '../../../../shared/patients/patient-fields'

/** What each patient field is called, by its key in the audit trail: the record and the history name it so. */
export const PATIENT_LABELS = {
  fullName: 'Full name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  phone: 'Phone',
  email: 'Email',
  fitzpatrick: 'Fitzpatrick skin type',
  hairColour: 'Natural hair colour',
  hairLossPattern: 'Hair-loss pattern',
  goals: 'Goals',
  'medical.other': 'Other medical notes',
  transplantDate: 'Last hair transplant',
  notes: 'Notes',
} as const

const CHOICES = {
  sex: SEXES,
  fitzpatrick: FITZPATRICK_TYPES,
  hairColour: HAIR_COLOURS,
  hairLossPattern: HAIR_LOSS_PATTERNS,
} as const
export type ChoiceField = keyof typeof CHOICES

/** A closed-vocabulary field's value as its option reads, "Not recorded" when unset. */
export function choiceWords(field: ChoiceField, value: string | number | null): string {
  const options: readonly { value: string | number; label: string }[] = CHOICES[field]
  return labelOf(options, value)
}

/** The goals' labels, comma-separated; empty when there are none, for the caller to say so its own way. */
export function goalsWords(goals: readonly string[]): string {
  const options: readonly { value: string; label: string }[] = GOALS
  return goals.map((goal) => labelOf(options, goal)).join(', ')
}
