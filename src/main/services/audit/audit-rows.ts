import type { AuditEntry } from '../../../shared/audit/audit-types'
import type { ChainRow } from './audit-chain'

/** An `audit_log` row as SQLite returns it. */
export interface AuditRow extends ChainRow {
  hash: string
}

/** An entry's own columns, in the chain or (the sample patient's) outside it. */
export type EntryRow = Omit<AuditRow, 'prev_hash' | 'hash'>

// Rows are written only by `append`, which takes a typed event; an entry altered outside
// Stipple still parses (the table checks the JSON) and `verify` names it.
export function rowToEntry(row: EntryRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    patientId: row.patient_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    detail: JSON.parse(row.detail),
  } as AuditEntry
}
