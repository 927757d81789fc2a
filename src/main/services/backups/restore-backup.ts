import type Database from 'better-sqlite3'
import type { RestoreOutcome } from '../../../shared/backups/backup-types'
import type { BackupStore } from './backup-store'

/**
 * Puts a file in place of the database and opens it, rebuilding the services over it: the
 * backend's part of a restore. With `source` null an empty database is started. The current
 * database, when it cannot be opened, is moved aside rather than replaced; its new name is
 * returned.
 */
export type ReplaceDatabase = (source: string | null) => Promise<{ movedAside: string | null }>

/**
 * Restores a backup, checked first so a bad one changes nothing. With a database open (`current`)
 * a safety backup of it is taken before anything is replaced, and it is never rotated away
 * before a newer safety backup exists. Run it inside the store's `exclusive`.
 */
export async function restoreBackup(
  store: BackupStore,
  id: string,
  current: Database.Database | null,
  replaceDatabase: ReplaceDatabase,
): Promise<RestoreOutcome> {
  const { backup, file } = await store.restorable(id)
  const safetyBackup = current ? await store.take(current, 'safety') : null
  const { movedAside } = await replaceDatabase(file)
  return { restored: backup, safetyBackup, movedAside }
}
