import fs from 'node:fs'
import Database from 'better-sqlite3'
import type { BackupManifest } from '../../../shared/backups/backup-schema'
import type { BackupReason } from '../../../shared/backups/backup-types'
import { readContents, sha256OfFile } from './backup-contents'
import type { BackupFolder } from './backup-folder'
import { integrityProblems } from './database-file'

/** Pages copied per step of the online backup: about a megabyte, then the app's own calls run. */
const PAGES_PER_STEP = 256

/**
 * Copies the open database with SQLite's online backup, so the app keeps working meanwhile; its
 * own writes during the copy land in the copy too, which ends as one consistent state. The copy
 * is made self-contained (rollback journal, no WAL), checked, checksummed and only then named
 * and given its manifest.
 */
export async function takeBackup(
  db: Database.Database,
  folder: BackupFolder,
  options: { reason: BackupReason; appVersion: string; at: Date },
): Promise<BackupManifest> {
  fs.mkdirSync(folder.dir, { recursive: true })
  folder.clearLeftovers()
  const id = folder.newId(options.at)
  const temp = `${folder.databaseOf(id)}.tmp`
  try {
    await db.backup(temp, { progress: () => PAGES_PER_STEP })
    const copy = new Database(temp, { fileMustExist: true })
    let contents: ReturnType<typeof readContents>
    try {
      copy.pragma('journal_mode = DELETE')
      const problems = integrityProblems(copy, 'quick')
      if (problems.length > 0) throw new Error(`The new backup failed its check: ${problems.join('; ')}`)
      contents = readContents(copy)
    } finally {
      copy.close()
    }
    const handle = await fs.promises.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    const manifest: BackupManifest = {
      format: 1,
      id,
      createdAt: options.at.toISOString(),
      reason: options.reason,
      appVersion: options.appVersion,
      ...contents,
      file: { bytes: fs.statSync(temp).size, sha256: await sha256OfFile(temp) },
    }
    await folder.add(manifest, temp)
    return manifest
  } catch (error) {
    folder.remove(id)
    for (const leftover of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(leftover, { force: true })
    throw error
  }
}
