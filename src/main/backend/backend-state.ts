import type { Database } from 'better-sqlite3'
import type { AppInfo } from '../../shared/bridge/contract'
import type { Dispatch } from '../bridge/dispatch'
import type { Services } from '../bridge/services'
import type { ServiceError } from '../services/service-error'

/** What the backend answers with: its open database and services, recovery, or a data folder it cannot use. */
export type BackendState =
  | { kind: 'open'; db: Database; services: Services; handle: Dispatch }
  | { kind: 'recovery'; handle: Dispatch }
  | { kind: 'unreachable'; handle: Dispatch }

/**
 * The data folder or its database cannot be used (read-only, full, locked, gone): the app still
 * starts and answers `app.info`, and every other call says what happened and what to do.
 */
export function unreachable(info: AppInfo, fault: ServiceError): BackendState {
  return {
    kind: 'unreachable',
    handle: async (name) =>
      name === 'app.info'
        ? { ok: true, value: info }
        : { ok: false, error: { code: fault.code, message: fault.message } },
  }
}

/** Folds the write-ahead log into the database file, then closes it. */
export function closeDatabase(db: Database) {
  if (!db.open) return
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}
