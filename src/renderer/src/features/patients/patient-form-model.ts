import type { MedicalFlags, PatientFields } from '../../../../shared/patients/patient'
import type { Goal, MedicalFlag } from '../../../../shared/patients/patient-fields'

/** The form's own state: selects and date inputs hold strings, '' meaning "not recorded". */
export interface PatientFormState {
  fullName: string
  dateOfBirth: string
  sex: string
  phone: string
  email: string
  fitzpatrick: string
  hairColour: string
  hairLossPattern: string
  goals: Goal[]
  medical: MedicalFlags
  transplantDate: string
  notes: string
}

export function formFromFields(fields: PatientFields): PatientFormState {
  return {
    ...fields,
    dateOfBirth: fields.dateOfBirth ?? '',
    transplantDate: fields.transplantDate ?? '',
    sex: fields.sex ?? '',
    fitzpatrick: fields.fitzpatrick === null ? '' : String(fields.fitzpatrick),
    hairColour: fields.hairColour ?? '',
    hairLossPattern: fields.hairLossPattern ?? '',
  }
}

const orNull = <T extends string>(value: string) => (value === '' ? null : (value as T))

// The select options come from the same vocabularies main validates against, so the casts
// only name what main will check again.
export function fieldsFromForm(form: PatientFormState): PatientFields {
  return {
    ...form,
    dateOfBirth: orNull(form.dateOfBirth),
    transplantDate: orNull(form.transplantDate),
    sex: orNull(form.sex),
    fitzpatrick: form.fitzpatrick === '' ? null : (Number(form.fitzpatrick) as PatientFields['fitzpatrick']),
    hairColour: orNull(form.hairColour),
    hairLossPattern: orNull(form.hairLossPattern),
  }
}

export function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item)
}

export const setMedicalFlag = (medical: MedicalFlags, flag: MedicalFlag, on: boolean): MedicalFlags => ({
  ...medical,
  [flag]: on,
})

/** Field errors from the bridge are keyed by call path (`fields.fullName`); the form keys them by field. */
export function formErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (path.startsWith('fields.')) errors[path.slice('fields.'.length)] = message
  }
  return errors
}

/** The DOM id of a field's control, for labels, error links and focusing the first error. */
export const controlId = (field: string) => `patient-${field.replaceAll('.', '-')}`
