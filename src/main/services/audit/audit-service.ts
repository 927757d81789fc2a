import type { Database } from 'better-sqlite3'
import type { AuditPageQuery } from '../../../shared/audit/audit-schema'
import type { AuditPage, ChainReport } from '../../../shared/audit/audit-types'
import { CHECK_TIMEOUT_MS, checkPool } from '../../workers/worker-pool'
import { ServiceError } from '../service-error'
import { type EntryRow, rowToEntry } from './audit-rows'

export interface AuditService {
  /** A patient's entries, newest first, a page at a time. */
  forPatient(query: AuditPageQuery): AuditPage
  /** Checks the whole trail, every patient's entries, against its hashes and its head (in a worker thread). */
  verify(): Promise<ChainReport>
}

/** Reading the audit trail; writing it is `createAuditLog`'s, inside each change's transaction. */
export function createAuditService(db: Database): AuditService {
  const patientOf = db.prepare<[string], { sample: number }>('SELECT sample FROM patients WHERE id = ?')
  // The sample patient's entries are kept outside the chain (see `createAuditLog`).
  const queries = (table: 'audit_log' | 'sample_audit_log') => ({
    page: db.prepare<{ patientId: string; entity: string | null; before: number; limit: number }, EntryRow>(
      `SELECT * FROM ${table}
       WHERE patient_id = @patientId AND (@entity IS NULL OR entity = @entity) AND seq < @before
       ORDER BY seq DESC LIMIT @limit`,
    ),
    count: db.prepare<{ patientId: string; entity: string | null }, { n: number }>(
      `SELECT count(*) AS n FROM ${table} WHERE patient_id = @patientId AND (@entity IS NULL OR entity = @entity)`,
    ),
  })
  const chained = queries('audit_log')
  const apart = queries('sample_audit_log')

  return {
    forPatient({ patientId, entity, before, limit }) {
      const patient = patientOf.get(patientId)
      if (!patient) throw new ServiceError('not_found', 'That patient record does not exist.')
      const { page, count } = patient.sample ? apart : chained
      // One read transaction: the page and its count come from the same moment.
      return db.transaction((): AuditPage => {
        // One more than asked says whether an older page exists.
        const rows = page.all({ patientId, entity, before: before ?? Number.MAX_SAFE_INTEGER, limit: limit + 1 })
        const shown = rows.slice(0, limit)
        return {
          entries: shown.map(rowToEntry),
          total: (count.get({ patientId, entity }) as { n: number }).n,
          nextBefore: rows.length > limit ? (shown.at(-1)?.seq ?? null) : null,
        }
      })()
    },

    // Hashing every entry of a long trail takes a while: a worker does it on its own read-only
    // connection, reading the head and the entries in one snapshot, so a change committed
    // meanwhile cannot look like an entry added past the head.
    verify: () => checkPool.run('verifyAudit', { file: db.name }, { timeoutMs: CHECK_TIMEOUT_MS }),
  }
}
