import type { Database } from 'better-sqlite3'
import { openDatabase } from '../../src/main/db/database'
import { type AuditLog, createAuditLog } from '../../src/main/services/audit/audit-log'
import { verifyChain } from '../../src/main/services/audit/audit-verify'

export const PATIENT = '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b'

/** A real database with an audit log, and `n` patient-record entries appended one transaction each. */
export function auditBed(dir: string) {
  const db: Database = openDatabase(dir)
  const log: AuditLog = createAuditLog(db)
  let minute = 0
  const appendOne = (note = 'Ana Ruiz') =>
    db.transaction(() =>
      log.append({
        at: new Date(Date.UTC(2026, 2, 3, 10, minute++)).toISOString(),
        patientId: PATIENT,
        entityId: PATIENT,
        entity: 'patient',
        action: 'updated',
        detail: { changes: [{ field: 'notes', before: '', after: note }] },
      }),
    )()
  return {
    db,
    log,
    appendOne,
    appendMany: (n: number) => Array.from({ length: n }, (_, i) => appendOne(`note ${i + 1}`)),
    verify: () => verifyChain(db),
    count: () => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    head: () => db.prepare('SELECT seq, hash FROM audit_head').get() as { seq: number; hash: string } | undefined,
    /** What an outside tool does first: lift the guard that stands in its way. */
    dropTrigger: (name: string) => db.exec(`DROP TRIGGER ${name}`),
  }
}
