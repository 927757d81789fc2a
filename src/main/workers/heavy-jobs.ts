import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import type { PhotoFormat } from '../../shared/photos/photo-fields'
import { openArchive } from '../services/archive/archive-open'
import { verifyChain } from '../services/audit/audit-verify'
import { integrityProblems } from '../services/backups/database-file'
import { ImageRejected, prepareImage } from '../services/photos/image-pipeline'
import { stripLocation } from '../services/photos/strip-location'
import { ServiceError } from '../services/service-error'

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
 * What the worker threads run: each job takes and returns plain data (it crosses threads by
 * structured clone), and throws a `ServiceError` for a refusal the user should read. A job may
 * tell `report` how far it has got, in whole percent.
 */
export const HEAVY_JOBS = {
  /** The drawn copies of a photo; a file that is not a sound image is refused with why, as `invalid_input`. */
  async prepareImage(input: { bytes: Uint8Array; format: PhotoFormat }) {
    try {
      return await prepareImage(input.bytes, input.format)
    } catch (error) {
      if (error instanceof ImageRejected) throw new ServiceError('invalid_input', error.message)
      throw error
    }
  },
  sha256(input: { bytes: Uint8Array }) {
    return createHash('sha256').update(input.bytes).digest('hex')
  },
  /**
   * The original as it will be stored, with its hash: its GPS block blanked unless the clinic
   * keeps it. The hash is of the stored bytes, and blanking is deterministic, so the same
   * camera file imported twice still names one stored file.
   */
  storedOriginal(input: { bytes: Uint8Array; format: PhotoFormat; removeLocation: boolean }) {
    const { bytes, removed } = input.removeLocation
      ? stripLocation(input.bytes, input.format)
      : { bytes: input.bytes, removed: false }
    return { bytes, locationRemoved: removed, sha256: createHash('sha256').update(bytes).digest('hex') }
  },
  openArchive(input: { bytes: Uint8Array; latestSchema: number; remake: boolean }, report: (percent: number) => void) {
    return openArchive(input.bytes, input.latestSchema, input.remake, report)
  },
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
