import type { FitzpatrickType, Goal, HairColour, HairLossPattern, MedicalFlag, Sex } from './patient-fields'

export type PatientId = string

export type MedicalFlags = Record<MedicalFlag, boolean> & { other: string }

/** The fields a person edits; everything else on a record is kept by the store. */
export interface PatientFields {
  fullName: string
  /** Calendar date, `YYYY-MM-DD`. */
  dateOfBirth: string | null
  sex: Sex | null
  phone: string
  email: string
  fitzpatrick: FitzpatrickType | null
  hairColour: HairColour | null
  hairLossPattern: HairLossPattern | null
  goals: Goal[]
  medical: MedicalFlags
  /**
   * Calendar date of the patient's last hair transplant, `YYYY-MM-DD`: its scars should not be
   * treated until they have healed (domain notes, "Scars").
   */
  transplantDate: string | null
  notes: string
}

export interface Patient extends PatientFields {
  id: PatientId
  createdAt: string
  updatedAt: string
  archivedAt: string | null
  /** Bumped on every change; an edit made against an older revision is refused, not merged blindly. */
  revision: number
}

export interface PatientSummary {
  id: PatientId
  fullName: string
  dateOfBirth: string | null
  hairLossPattern: HairLossPattern | null
  keloid: boolean
  archivedAt: string | null
  updatedAt: string
}

export interface PatientList {
  patients: PatientSummary[]
  /** How many records match the query, shown beside the list. */
  total: number
}

export const EMPTY_MEDICAL_FLAGS: MedicalFlags = {
  keloid: false,
  alopeciaAreata: false,
  chemotherapy: false,
  hormonal: false,
  scalpCondition: false,
  pregnancy: false,
  bloodThinners: false,
  other: '',
}

export const EMPTY_PATIENT_FIELDS: PatientFields = {
  fullName: '',
  dateOfBirth: null,
  sex: null,
  phone: '',
  email: '',
  fitzpatrick: null,
  hairColour: null,
  hairLossPattern: null,
  goals: [],
  medical: EMPTY_MEDICAL_FLAGS,
  transplantDate: null,
  notes: '',
}

export function toFields(patient: Patient): PatientFields {
  const { id: _id, createdAt: _c, updatedAt: _u, archivedAt: _a, revision: _r, ...fields } = patient
  return fields
}
