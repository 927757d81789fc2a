import Database from 'better-sqlite3'
import { verifyChain } from '../services/audit/audit-verify'
import { integrityProblems } from '../services/backups/database-file'

/** A read-only connection for one check, closed whatever happens. */
function withReadOnly<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return work(db)
  } finally {
    db.close()
  }
}

/**
 * What the worker threads run: the whole-database checks. Untrusted files are decoded elsewhere,
 * in a process of their own (services/isolation), whose memory the OS can take back.
 */
export const HEAVY_JOBS = {
  /** SQLite's full integrity check and every foreign key, each problem in words. */
  checkDatabase(input: { file: string }) {
    return withReadOnly(input.file, (db) => [
      ...integrityProblems(db, 'full'),
      ...(db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
        (row) => `${row.table} row ${row.rowid} names a missing ${row.parent} record`,
      ),
    ])
  },
  verifyAudit(input: { file: string }) {
    return withReadOnly(input.file, (db) => db.transaction(() => verifyChain(db))())
  },
}

export type HeavyJobs = typeof HEAVY_JOBS
export type HeavyJobName = keyof HeavyJobs
