/**
 * The closed vocabularies of a patient record, with the labels the UI shows.
 * Kept free of any schema library so the renderer can import them without pulling one in.
 */

export const SEXES = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'intersex', label: 'Intersex' },
  { value: 'unspecified', label: 'Not stated' },
] as const
export type Sex = (typeof SEXES)[number]['value']

/** Fitzpatrick skin types; the pigment dilution follows them (domain notes, "Pigment shade"). */
export const FITZPATRICK_TYPES = [
  { value: 1, label: 'I', hint: 'always burns, never tans' },
  { value: 2, label: 'II', hint: 'usually burns, tans minimally' },
  { value: 3, label: 'III', hint: 'sometimes burns, tans uniformly' },
  { value: 4, label: 'IV', hint: 'burns minimally, always tans' },
  { value: 5, label: 'V', hint: 'rarely burns, tans darkly' },
  { value: 6, label: 'VI', hint: 'never burns' },
] as const
export type FitzpatrickType = (typeof FITZPATRICK_TYPES)[number]['value']

export const HAIR_COLOURS = [
  { value: 'black', label: 'Black' },
  { value: 'dark-brown', label: 'Dark brown' },
  { value: 'medium-brown', label: 'Medium brown' },
  { value: 'light-brown', label: 'Light brown' },
  { value: 'blonde', label: 'Blonde' },
  { value: 'red', label: 'Red' },
  { value: 'grey', label: 'Grey' },
  { value: 'white', label: 'White' },
] as const
export type HairColour = (typeof HAIR_COLOURS)[number]['value']

/** Hamilton–Norwood stages (men, with the anterior "A" and vertex "V" variants) and Ludwig (women). */
export const HAIR_LOSS_PATTERNS = [
  { value: 'norwood-1', label: 'Norwood 1', scale: 'Norwood' },
  { value: 'norwood-2', label: 'Norwood 2', scale: 'Norwood' },
  { value: 'norwood-2a', label: 'Norwood 2A', scale: 'Norwood' },
  { value: 'norwood-3', label: 'Norwood 3', scale: 'Norwood' },
  { value: 'norwood-3a', label: 'Norwood 3A', scale: 'Norwood' },
  { value: 'norwood-3v', label: 'Norwood 3 Vertex', scale: 'Norwood' },
  { value: 'norwood-4', label: 'Norwood 4', scale: 'Norwood' },
  { value: 'norwood-4a', label: 'Norwood 4A', scale: 'Norwood' },
  { value: 'norwood-5', label: 'Norwood 5', scale: 'Norwood' },
  { value: 'norwood-5a', label: 'Norwood 5A', scale: 'Norwood' },
  { value: 'norwood-5v', label: 'Norwood 5 Vertex', scale: 'Norwood' },
  { value: 'norwood-6', label: 'Norwood 6', scale: 'Norwood' },
  { value: 'norwood-7', label: 'Norwood 7', scale: 'Norwood' },
  { value: 'ludwig-1', label: 'Ludwig I', scale: 'Ludwig' },
  { value: 'ludwig-2', label: 'Ludwig II', scale: 'Ludwig' },
  { value: 'ludwig-3', label: 'Ludwig III', scale: 'Ludwig' },
] as const
export type HairLossPattern = (typeof HAIR_LOSS_PATTERNS)[number]['value']

/** The three uses of SMP; a patient can want several (domain notes, "What SMP is"). */
export const GOALS = [
  { value: 'shaved-look', label: 'Shaved look' },
  { value: 'density', label: 'Density / thickening' },
  { value: 'scar-camouflage', label: 'Scar camouflage' },
] as const
export type Goal = (typeof GOALS)[number]['value']

export const MEDICAL_FLAGS = [
  { value: 'keloid', label: 'Keloid tendency' },
  { value: 'alopeciaAreata', label: 'Alopecia areata' },
  { value: 'chemotherapy', label: 'Chemotherapy' },
  { value: 'hormonal', label: 'PCOS / hormonal hair loss' },
  { value: 'scalpCondition', label: 'Psoriasis or active scalp condition' },
  { value: 'pregnancy', label: 'Pregnancy' },
  { value: 'bloodThinners', label: 'Blood thinners' },
] as const
export type MedicalFlag = (typeof MEDICAL_FLAGS)[number]['value']

export const FIELD_LIMITS = {
  fullName: 200,
  phone: 40,
  email: 254,
  medicalOther: 2000,
  notes: 20000,
  searchQuery: 200,
} as const

/** The one way the app says a field holds nothing: on the record, in the history and on the sheet. */
export const NOT_RECORDED = 'Not recorded'

export function labelOf<T extends string | number>(
  options: readonly { value: T; label: string }[],
  value: T | null,
): string {
  if (value === null) return NOT_RECORDED
  return options.find((o) => o.value === value)?.label ?? String(value)
}
