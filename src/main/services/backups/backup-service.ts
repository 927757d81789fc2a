import type Database from 'better-sqlite3'
import type {
  BackupPolicy,
  BackupPreview,
  BackupSummary,
  DatabaseCheck,
  RestoreOutcome,
} from '../../../shared/backups/backup-types'
import { CHECK_TIMEOUT_MS, checkPool } from '../../workers/worker-pool'
import { ServiceError } from '../service-error'
import type { BackupStore } from './backup-store'
import { type ReplaceDatabase, restoreBackup } from './restore-backup'

/** Backups, restore and the database check while the database is open. */
export interface BackupService {
  list(): BackupSummary[]
  /** A manual backup, then the rotation. */
  create(): Promise<BackupSummary>
  preview(id: string): Promise<BackupPreview>
  restore(id: string): Promise<RestoreOutcome>
  remove(id: string): Promise<{ id: string }>
  policy(): BackupPolicy
  /** Saves the policy and applies it at once, so the list shows what it keeps. */
  savePolicy(policy: BackupPolicy): Promise<BackupPolicy>
  /** SQLite's full `integrity_check` and its foreign-key check of the open database. */
  check(): Promise<DatabaseCheck>
  /** The start-up backup: taken when the newest is older than a day; null when none was due. */
  backUpIfDue(): Promise<BackupSummary | null>
  /** Recovery's "start with an empty database", which an open database never needs. */
  startEmpty(): never
}

export function createBackupService(options: {
  db: Database.Database
  store: BackupStore
  /** Deletes photo files that neither a record nor a kept backup needs any more. */
  sweepPhotos(): void
  replaceDatabase: ReplaceDatabase
}): BackupService {
  const { db, store, sweepPhotos } = options

  const rotate = () => {
    if (store.prune() > 0) sweepPhotos()
  }
  const takeAndRotate = async (reason: 'automatic' | 'manual') => {
    const taken = await store.take(db, reason)
    rotate()
    return taken
  }

  return {
    list: () => store.list(),
    create: () => store.exclusive(() => takeAndRotate('manual')),
    preview: (id) => store.preview(id),
    restore: (id) => store.exclusive(() => restoreBackup(store, id, db, options.replaceDatabase)),

    remove: (id) =>
      store.exclusive(async () => {
        store.remove(id)
        sweepPhotos()
        return { id }
      }),

    policy: () => store.policy(),

    savePolicy: (policy) =>
      store.exclusive(async () => {
        const saved = await store.savePolicy(policy)
        rotate()
        return saved
      }),

    async check() {
      const started = performance.now()
      // A worker's read-only connection reads every page, so the app keeps answering meanwhile.
      const problems = await checkPool.run('checkDatabase', { file: db.name }, { timeoutMs: CHECK_TIMEOUT_MS })
      return {
        ok: problems.length === 0,
        problems,
        checkedAt: store.now().toISOString(),
        durationMs: Math.round(performance.now() - started),
      }
    },

    backUpIfDue: () => store.exclusive(async () => (store.isDue() ? takeAndRotate('automatic') : null)),

    startEmpty() {
      throw new ServiceError('conflict', 'The database opens normally; there is nothing to recover from.')
    },
  }
}
