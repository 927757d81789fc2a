import fs from 'node:fs'
import Database from 'better-sqlite3'
import type { BackupManifest } from '../../../shared/backups/backup-schema'
import type { BackupCheck, BackupPreview } from '../../../shared/backups/backup-types'
import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../db/migrations'
import type { PhotoFiles, StoredVariant } from '../photos/photo-files'
import { sha256OfFile } from './backup-contents'
import { type BackupFolder, summaryOf } from './backup-folder'
import { integrityProblems, isDamage } from './database-file'

const VARIANTS: StoredVariant[] = ['original', 'working', 'thumbnail']

/** Photos of the backup whose files are not all in the library any more. */
function countMissingPhotoFiles(db: Database.Database, photoFiles: PhotoFiles): number {
  const rows = db
    .prepare<[], { sha256: string; format: PhotoFormat }>('SELECT DISTINCT sha256, format FROM photos')
    .all()
  return rows.filter(({ sha256, format }) =>
    VARIANTS.some((variant) => !fs.existsSync(photoFiles.pathOf(sha256, variant, format))),
  ).length
}

/** The backup's database itself: a schema this Stipple can migrate, not damaged, and its photos' files. */
function inspectCopy(file: string, photoFiles: PhotoFiles): { checks: BackupCheck[]; missingPhotoFiles: number } {
  let db: Database.Database | undefined
  const skipped = (...names: BackupCheck['name'][]): BackupCheck[] =>
    names.map((name) => ({ name, outcome: 'skipped', detail: 'Not run: an earlier check failed.' }))
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const found = schemaVersion(db)
    if (found > LATEST_SCHEMA_VERSION)
      return {
        checks: [
          {
            name: 'Schema',
            outcome: 'failed',
            detail: `It was made by a newer version of Stipple (schema ${found}; this one opens up to ${LATEST_SCHEMA_VERSION}); update Stipple to restore it.`,
          },
          ...skipped('Integrity', 'Photo files'),
        ],
        missingPhotoFiles: 0,
      }
    const schema: BackupCheck = {
      name: 'Schema',
      outcome: 'passed',
      detail: `Version ${found}; this Stipple opens up to ${LATEST_SCHEMA_VERSION}.`,
    }
    const damage = integrityProblems(db, 'full')
    if (damage.length > 0)
      return {
        checks: [
          schema,
          { name: 'Integrity', outcome: 'failed', detail: `The backup file is damaged (${damage[0]}).` },
          ...skipped('Photo files'),
        ],
        missingPhotoFiles: 0,
      }
    const missing = countMissingPhotoFiles(db, photoFiles)
    return {
      checks: [
        schema,
        { name: 'Integrity', outcome: 'passed', detail: 'SQLite’s full integrity check: ok.' },
        missing > 0
          ? {
              name: 'Photo files',
              outcome: 'warning',
              detail: `${missing} of its photos no longer have their files here.`,
            }
          : { name: 'Photo files', outcome: 'passed', detail: 'Every photo it names has its files here.' },
      ],
      missingPhotoFiles: missing,
    }
  } catch (error) {
    if (isDamage(error))
      return {
        checks: [
          { name: 'Integrity', outcome: 'failed', detail: `The backup file is damaged (${error.message}).` },
          ...skipped('Photo files'),
        ],
        missingPhotoFiles: 0,
      }
    throw error
  } finally {
    db?.close()
  }
}

/**
 * Everything a restore depends on, checked before anything is changed: the file is there, is
 * byte for byte what was written (its checksum), passes SQLite's full integrity check, and is
 * not from a newer Stipple. Also how many of its photos lost their files. Each check is listed
 * with its result; a failed one is also a problem that refuses the restore.
 */
export async function verifyBackup(
  folder: BackupFolder,
  manifest: BackupManifest,
  photoFiles: PhotoFiles,
): Promise<BackupPreview> {
  const preview = (checks: BackupCheck[], missingPhotoFiles = 0): BackupPreview => ({
    backup: summaryOf(manifest),
    checks,
    patients: manifest.patients,
    problems: checks.filter((c) => c.outcome === 'failed').map((c) => c.detail),
    missingPhotoFiles,
  })
  const rest: BackupCheck[] = (['Checksum', 'Schema', 'Integrity', 'Photo files'] as const).map((name) => ({
    name,
    outcome: 'skipped',
    detail: 'Not run: an earlier check failed.',
  }))
  const file = folder.databaseOf(manifest.id)
  if (!fs.existsSync(file))
    return preview([
      { name: 'File', outcome: 'failed', detail: 'The backup’s database file is missing from the backups folder.' },
      ...rest,
    ])
  const present: BackupCheck = { name: 'File', outcome: 'passed', detail: 'In the backups folder.' }
  const unchanged =
    fs.statSync(file).size === manifest.file.bytes && (await sha256OfFile(file)) === manifest.file.sha256
  if (!unchanged)
    return preview([
      present,
      {
        name: 'Checksum',
        outcome: 'failed',
        detail: 'The backup file has changed since it was taken (its checksum does not match).',
      },
      ...rest.slice(1),
    ])
  const checksum: BackupCheck = {
    name: 'Checksum',
    outcome: 'passed',
    detail: `SHA-256 matches the one recorded when it was taken (${manifest.file.sha256.slice(0, 12)}…).`,
  }
  const { checks, missingPhotoFiles } = inspectCopy(file, photoFiles)
  return preview([present, checksum, ...checks], missingPhotoFiles)
}
