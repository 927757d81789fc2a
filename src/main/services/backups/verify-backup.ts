import fs from 'node:fs'
import Database from 'better-sqlite3'
import type { BackupManifest } from '../../../shared/backups/backup-schema'
import type { BackupPreview } from '../../../shared/backups/backup-types'
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

/** The backup's database itself: not damaged, and a schema this Stipple can migrate. */
function inspectCopy(file: string, photoFiles: PhotoFiles): { problems: string[]; missingPhotoFiles: number } {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const found = schemaVersion(db)
    if (found > LATEST_SCHEMA_VERSION)
      return {
        problems: ['It was made by a newer version of Stipple; update Stipple to restore it.'],
        missingPhotoFiles: 0,
      }
    const damage = integrityProblems(db, 'full')
    if (damage.length > 0) return { problems: [`The backup file is damaged (${damage[0]}).`], missingPhotoFiles: 0 }
    return { problems: [], missingPhotoFiles: countMissingPhotoFiles(db, photoFiles) }
  } catch (error) {
    if (isDamage(error)) return { problems: [`The backup file is damaged (${error.message}).`], missingPhotoFiles: 0 }
    throw error
  } finally {
    db?.close()
  }
}

/**
 * Everything a restore depends on, checked before anything is changed: the file is there, is
 * byte for byte what was written (its checksum), passes SQLite's full integrity check, and is
 * not from a newer Stipple. Also how many of its photos lost their files.
 */
export async function verifyBackup(
  folder: BackupFolder,
  manifest: BackupManifest,
  photoFiles: PhotoFiles,
): Promise<BackupPreview> {
  const preview = (problems: string[], missingPhotoFiles = 0): BackupPreview => ({
    backup: summaryOf(manifest),
    patients: manifest.patients,
    problems,
    missingPhotoFiles,
  })
  const file = folder.databaseOf(manifest.id)
  if (!fs.existsSync(file)) return preview(['The backup’s database file is missing from the backups folder.'])
  const unchanged =
    fs.statSync(file).size === manifest.file.bytes && (await sha256OfFile(file)) === manifest.file.sha256
  if (!unchanged) return preview(['The backup file has changed since it was taken (its checksum does not match).'])
  const { problems, missingPhotoFiles } = inspectCopy(file, photoFiles)
  return preview(problems, missingPhotoFiles)
}
