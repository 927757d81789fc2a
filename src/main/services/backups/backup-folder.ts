import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { BACKUP_ID_PATTERN, type BackupManifest, backupManifestSchema } from '../../../shared/backups/backup-schema'
import type { BackupSummary } from '../../../shared/backups/backup-types'
import { writeAtomically } from '../../files/write-atomically'

export const BACKUPS_FOLDER = 'backups'

/**
 * `<dataDir>/backups/`: per backup a database file `<id>.sqlite3` and its manifest `<id>.json`.
 * A backup exists once its manifest does; the manifest is written last, so an interrupted
 * backup is never listed and its leftovers are cleared at the next start-up or backup.
 */
export interface BackupFolder {
  dir: string
  databaseOf(id: string): string
  /** A fresh id for a backup taken at `at`. */
  newId(at: Date): string
  /** Every complete backup, newest first; a manifest that cannot be read is passed over. */
  list(): BackupManifest[]
  read(id: string): BackupManifest | null
  /** Moves a finished database file into place, then writes its manifest. */
  add(manifest: BackupManifest, finishedFile: string): Promise<void>
  /** Manifest first, so a backup half removed is no longer listed. */
  remove(id: string): void
  /** Temp files and database files without a manifest: what interrupted backups leave. */
  clearLeftovers(): void
}

export const summaryOf = (m: BackupManifest): BackupSummary => ({
  id: m.id,
  createdAt: m.createdAt,
  reason: m.reason,
  appVersion: m.appVersion,
  schemaVersion: m.schemaVersion,
  bytes: m.file.bytes,
  counts: m.counts,
})

export function createBackupFolder(dataDir: string): BackupFolder {
  const dir = path.join(dataDir, BACKUPS_FOLDER)
  const manifestOf = (id: string) => path.join(dir, `${id}.json`)
  const databaseOf = (id: string) => {
    if (!BACKUP_ID_PATTERN.test(id)) throw new Error(`Not a backup id: ${id}`)
    return path.join(dir, `${id}.sqlite3`)
  }

  const read = (id: string): BackupManifest | null => {
    if (!BACKUP_ID_PATTERN.test(id)) return null
    let text: string
    try {
      text = fs.readFileSync(manifestOf(id), 'utf8')
    } catch {
      return null
    }
    try {
      const parsed = backupManifestSchema.safeParse(JSON.parse(text))
      return parsed.success && parsed.data.id === id ? parsed.data : null
    } catch {
      return null
    }
  }

  const ids = () =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((name) => name.endsWith('.json'))
          .map((name) => name.slice(0, -'.json'.length))
          .filter((id) => BACKUP_ID_PATTERN.test(id))
      : []

  return {
    dir,
    databaseOf,

    newId(at) {
      const stamp = at.toISOString().replace(/[-:.]/g, '')
      return `${stamp}-${randomBytes(2).toString('hex')}`
    },

    list() {
      return ids()
        .map(read)
        .filter((m): m is BackupManifest => m !== null)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    },

    read,

    async add(manifest, finishedFile) {
      await fs.promises.rename(finishedFile, databaseOf(manifest.id))
      await writeAtomically(manifestOf(manifest.id), new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`))
    },

    remove(id) {
      fs.rmSync(manifestOf(id), { force: true })
      fs.rmSync(databaseOf(id), { force: true })
    },

    clearLeftovers() {
      if (!fs.existsSync(dir)) return
      for (const name of fs.readdirSync(dir)) {
        const id = name.slice(0, -'.sqlite3'.length)
        const orphan = name.endsWith('.sqlite3') && BACKUP_ID_PATTERN.test(id) && !fs.existsSync(manifestOf(id))
        if (orphan || name.includes('.tmp')) fs.rmSync(path.join(dir, name), { force: true })
      }
    },
  }
}
