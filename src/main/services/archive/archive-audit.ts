import type { Database } from 'better-sqlite3'
import type { AuditArchiveRow } from '../../../shared/archive/archive-records'
import type { ArchiveImportNote, AuditEvent } from '../../../shared/audit/audit-types'
import type { PatientId } from '../../../shared/patients/patient'
import { createAuditLog } from '../audit/audit-log'

export interface ArchiveTrail {
  patientId: PatientId
  /** The patient's entries from the machine that made the archive, oldest first. */
  entries: readonly AuditArchiveRow[]
  /** For a copy, each archive id to the copy's; null when the ids were kept. */
  ids: ReadonlyMap<string, string> | null
  note: ArchiveImportNote
  /** When the import happened. */
  at: string
}

/**
 * The archive's audit entries join this machine's trail: each entry appended anew, with the time it
 * happened and under the ids of the record it now belongs to, so the patient's trail reads on
 * as before while this machine's chain stays whole (the other machine's hashes mean nothing in
 * it). An `imported` entry follows, saying where the entries before it came from. Runs in the
 * import's transaction.
 */
export function appendArchiveTrail(db: Database, { patientId, entries, ids, note, at }: ArchiveTrail): void {
  const log = createAuditLog(db)
  const mapped = (id: string) => ids?.get(id) ?? id
  for (const entry of entries) {
    const ownId = entry.entity === 'patient' || entry.entity === 'plan'
    // An archive's entries were written by a Stipple's own audit, and the records check proved
    // each detail a JSON object; the trail keeps what it was given, as it does for its own rows.
    const event = { entity: entry.entity, action: entry.action, detail: JSON.parse(entry.detail) } as AuditEvent
    log.append({ ...event, at: entry.at, patientId, entityId: ownId ? patientId : mapped(entry.entity_id) })
  }
  log.append({ entity: 'patient', action: 'imported', detail: note, at, patientId, entityId: patientId })
}
