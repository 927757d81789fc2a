import type { Patient, PatientFields, PatientSummary } from '../../../shared/patients/patient'

/** A `patients` row as SQLite returns it. */
export interface PatientRow {
  id: string
  full_name: string
  date_of_birth: string | null
  sex: string | null
  phone: string
  email: string
  fitzpatrick: number | null
  hair_colour: string | null
  hair_loss_pattern: string | null
  goals: string
  keloid: number
  alopecia_areata: number
  chemotherapy: number
  hormonal: number
  scalp_condition: number
  pregnancy: number
  blood_thinners: number
  medical_other: string
  transplant_date: string | null
  notes: string
  created_at: string
  updated_at: string
  archived_at: string | null
  revision: number
}

/** Lower-case, accents removed: "José" is found by typing "jose". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Column values for the editable fields, named as the SQL statements bind them. */
export function fieldParams(fields: PatientFields) {
  return {
    full_name: fields.fullName,
    search_name: searchKey(fields.fullName),
    date_of_birth: fields.dateOfBirth,
    sex: fields.sex,
    phone: fields.phone,
    email: fields.email,
    fitzpatrick: fields.fitzpatrick,
    hair_colour: fields.hairColour,
    hair_loss_pattern: fields.hairLossPattern,
    goals: JSON.stringify(fields.goals),
    keloid: Number(fields.medical.keloid),
    alopecia_areata: Number(fields.medical.alopeciaAreata),
    chemotherapy: Number(fields.medical.chemotherapy),
    hormonal: Number(fields.medical.hormonal),
    scalp_condition: Number(fields.medical.scalpCondition),
    pregnancy: Number(fields.medical.pregnancy),
    blood_thinners: Number(fields.medical.bloodThinners),
    medical_other: fields.medical.other,
    transplant_date: fields.transplantDate,
    notes: fields.notes,
  }
}

// The row's text columns were written only from validated fields, so they narrow to the field types.
export function rowToPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex as Patient['sex'],
    phone: row.phone,
    email: row.email,
    fitzpatrick: row.fitzpatrick as Patient['fitzpatrick'],
    hairColour: row.hair_colour as Patient['hairColour'],
    hairLossPattern: row.hair_loss_pattern as Patient['hairLossPattern'],
    goals: JSON.parse(row.goals) as Patient['goals'],
    medical: {
      keloid: row.keloid === 1,
      alopeciaAreata: row.alopecia_areata === 1,
      chemotherapy: row.chemotherapy === 1,
      hormonal: row.hormonal === 1,
      scalpCondition: row.scalp_condition === 1,
      pregnancy: row.pregnancy === 1,
      bloodThinners: row.blood_thinners === 1,
      other: row.medical_other,
    },
    transplantDate: row.transplant_date,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    revision: row.revision,
  }
}

export function rowToSummary(row: PatientRow): PatientSummary {
  return {
    id: row.id,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    hairLossPattern: row.hair_loss_pattern as PatientSummary['hairLossPattern'],
    keloid: row.keloid === 1,
    archivedAt: row.archived_at,
    updatedAt: row.updated_at,
  }
}
