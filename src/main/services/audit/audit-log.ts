import type { Database } from 'better-sqlite3'
import type { AuditEntry, AuditEvent } from '../../../shared/audit/audit-types'
import type { PatientId } from '../../../shared/patients/patient'
import { ServiceError } from '../service-error'
import { type ChainRow, entryHash } from './audit-chain'
import { canonicalJson } from './canonical-json'

/** An entry to append: what happened, when, to whose record and to which thing. */
export type NewAuditEntry = AuditEvent & { at: string; patientId: PatientId; entityId: string }

export interface AuditLog {
  /**
   * Appends one entry inside the caller's write transaction, so the change and its entry commit
   * together or not at all; throws when called outside one. `at` is the change's own stamp, which
   * also lets an imported patient's trail be appended with the times it happened.
   */
  append(entry: NewAuditEntry): AuditEntry
}

// SQLite stores text as UTF-8, which cannot hold a lone surrogate: one stored would come back as
// U+FFFD and no longer match its hash. JSON escapes them, so only the plain columns need this.
const wellFormed = (s: string) => s.replace(/\p{Cs}/gu, '\uFFFD')

/** The append side of the audit trail; every service that changes patient data holds one. */
export function createAuditLog(db: Database): AuditLog {
  const headOf = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1')
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, patient_id, entity, entity_id, action, detail, prev_hash, hash)
     VALUES (@seq, @at, @patient_id, @entity, @entity_id, @action, @detail, @prev_hash, @hash)`,
  )
  const isSample = db.prepare<[string], { sample: number }>('SELECT sample FROM patients WHERE id = ? AND sample = 1')
  const insertSample = db.prepare(
    `INSERT INTO sample_audit_log (at, patient_id, entity, entity_id, action, detail)
     VALUES (@at, @patient_id, @entity, @entity_id, @action, @detail)`,
  )
  return {
    append(entry) {
      if (!db.inTransaction) throw new Error('An audit entry must be appended in the transaction of its change')
      const fields = {
        at: wellFormed(entry.at),
        patient_id: wellFormed(entry.patientId),
        entity: entry.entity,
        entity_id: wellFormed(entry.entityId),
        action: entry.action,
        detail: canonicalJson(entry.detail),
      }
      const stored = { at: fields.at, patientId: fields.patient_id, entityId: fields.entity_id }
      if (isSample.get(entry.patientId)) {
        // The sample's history is kept out of the chain, so that removing the sample removes it.
        const seq = Number(insertSample.run(fields).lastInsertRowid)
        return { ...entry, ...stored, seq }
      }
      const head = headOf.get()
      // Numbering from anything else would hide entries cut from the end under new ones.
      if (!head)
        throw new ServiceError(
          'conflict',
          'The history of changes was damaged outside Stipple (the record of its newest entry is gone), so this change could not be recorded and was not made. Restore a backup from before the damage.',
        )
      const row: ChainRow = { ...fields, seq: head.seq + 1, prev_hash: head.hash }
      insert.run({ ...row, hash: entryHash(row) })
      return { ...entry, ...stored, seq: row.seq }
    },
  }
}
