import type Database from 'better-sqlite3'
import type { BackupPolicy, BackupPreview, BackupReason, BackupSummary } from '../../../shared/backups/backup-types'
import { createStamp } from '../clock'
import { createPhotoFiles } from '../photos/photo-files'
import { ServiceError } from '../service-error'
import { createBackupFolder, summaryOf } from './backup-folder'
import { readBackupPolicy, writeBackupPolicy } from './backup-policy-file'
import { backupsToDrop } from './backup-rotation'
import { takeBackup } from './take-backup'
import { verifyBackup } from './verify-backup'

/** An automatic backup is taken at start-up once the newest backup is this old. */
export const AUTOMATIC_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000

/**
 * The backups of one data folder, whether or not its database opens: what the backup service
 * uses while the app runs and what recovery uses when it cannot. `exclusive` runs one backup
 * operation at a time (take, prune, remove, restore), in the order asked.
 */
export interface BackupStore {
  list(): BackupSummary[]
  /** Reads the backup and checks it (checksum, integrity, schema); refuses an unknown id. */
  preview(id: string): Promise<BackupPreview>
  /** The backup's file, once `preview` finds no problem; otherwise refused with the problem. */
  restorable(id: string): Promise<{ backup: BackupSummary; file: string }>
  take(db: Database.Database, reason: BackupReason): Promise<BackupSummary>
  /** Removes what the policy no longer keeps; returns how many. */
  prune(): number
  remove(id: string): void
  policy(): BackupPolicy
  savePolicy(policy: BackupPolicy): Promise<BackupPolicy>
  /** The photo files some backup names: they stay even when no record uses them now. */
  neededPhotoFiles(): Set<string>
  /** The audit heads the backups' manifests recorded, of backups taken after `since` (all without it). */
  auditHeads(since?: string): { seq: number; hash: string }[]
  /** Whether the newest backup is older than a day (or there is none). */
  isDue(): boolean
  /** Removes what an interrupted backup left: temp files, and a database file without its manifest. */
  clearLeftovers(): void
  exclusive<T>(work: () => Promise<T>): Promise<T>
  now(): Date
}

export function createBackupStore(options: { dataDir: string; appVersion: string; now?: () => Date }): BackupStore {
  const now = options.now ?? (() => new Date())
  const stamp = createStamp(now)
  const folder = createBackupFolder(options.dataDir)
  const photoFiles = createPhotoFiles(options.dataDir)
  let queue: Promise<unknown> = Promise.resolve()

  const manifestOf = (id: string) => {
    const manifest = folder.read(id)
    if (!manifest) throw new ServiceError('not_found', 'That backup no longer exists; the list has been refreshed.')
    return manifest
  }
  const preview = (id: string) => verifyBackup(folder, manifestOf(id), photoFiles)

  return {
    list: () => folder.list().map(summaryOf),
    preview,

    async restorable(id) {
      const checked = await preview(id)
      if (checked.problems.length > 0)
        throw new ServiceError(
          'conflict',
          `This backup cannot be restored: ${checked.problems.join(' ')} Nothing was changed.`,
        )
      return { backup: checked.backup, file: folder.databaseOf(id) }
    },

    async take(db, reason) {
      const manifest = await takeBackup(db, folder, { reason, appVersion: options.appVersion, at: new Date(stamp()) })
      return summaryOf(manifest)
    },

    prune() {
      const dropped = backupsToDrop(folder.list(), readBackupPolicy(folder.dir), now())
      for (const id of dropped) folder.remove(id)
      return dropped.length
    },

    remove(id) {
      manifestOf(id)
      folder.remove(id)
    },

    policy: () => readBackupPolicy(folder.dir),

    async savePolicy(policy) {
      await writeBackupPolicy(folder.dir, policy)
      return readBackupPolicy(folder.dir)
    },

    neededPhotoFiles: () => new Set(folder.list().flatMap((m) => m.photoFiles)),

    auditHeads: (since) =>
      folder
        .list()
        .filter((m) => since === undefined || m.createdAt > since)
        .flatMap((m) => (m.auditHead ? [m.auditHead] : [])),

    isDue() {
      const newest = folder.list()[0]
      if (!newest) return true
      const age = now().getTime() - Date.parse(newest.createdAt)
      // A newest backup dated in the future means the clock was wrong then or is now: back up anyway.
      return age >= AUTOMATIC_BACKUP_INTERVAL_MS || age < 0
    },

    clearLeftovers: () => folder.clearLeftovers(),

    exclusive(work) {
      const run = queue.then(work, work)
      queue = run.catch(() => {})
      return run
    },

    now,
  }
}
