import type { Database } from 'better-sqlite3'
import type { AuditValue } from '../../../shared/audit/audit-types'
import { EMPTY_PATIENT_FIELDS, type Patient, type PatientFields, toFields } from '../../../shared/patients/patient'
import { createAuditLog } from './audit-log'
import { fieldChanges } from './field-changes'

/** The record's fields flat, medical flags as `medical.keloid`, so each is its own line in the trail. */
function flatFields(fields: PatientFields): Record<string, AuditValue> {
  const { medical, ...rest } = fields
  return { ...rest, ...Object.fromEntries(Object.entries(medical).map(([flag, value]) => [`medical.${flag}`, value])) }
}

/** The patient service's entries; each call belongs inside the transaction of its change. */
export function createPatientAudit(db: Database) {
  const log = createAuditLog(db)
  const entry = (patient: Patient, at: string) => ({ at, patientId: patient.id, entityId: patient.id })
  return {
    /** The filled-in fields, from empty. */
    created(patient: Patient) {
      const changes = fieldChanges(flatFields(EMPTY_PATIENT_FIELDS), flatFields(toFields(patient)))
      log.append({ ...entry(patient, patient.createdAt), entity: 'patient', action: 'created', detail: { changes } })
    },
    /** Each changed field before → after; a save that changed nothing is no change. */
    updated(before: Patient, after: Patient) {
      const changes = fieldChanges(flatFields(toFields(before)), flatFields(toFields(after)))
      if (changes.length === 0) return
      log.append({ ...entry(after, after.updatedAt), entity: 'patient', action: 'updated', detail: { changes } })
    },
    archived(patient: Patient) {
      log.append({ ...entry(patient, patient.updatedAt), entity: 'patient', action: 'archived', detail: {} })
    },
    restored(patient: Patient) {
      log.append({ ...entry(patient, patient.updatedAt), entity: 'patient', action: 'restored', detail: {} })
    },
  }
}
