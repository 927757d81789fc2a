import fs from 'node:fs'
import path from 'node:path'
import type { PhotoVariant } from '../../../shared/photos/photo'
import { PHOTO_FORMATS, type PhotoFormat } from '../../../shared/photos/photo-fields'
import { copyRangeAtomically, type FileRange, writeAtomically } from '../../files/write-atomically'

export type StoredVariant = PhotoVariant | 'original'
/** A file's bytes to store, or where they lie in another file (copied only if the file is not there already). */
export type StorableBytes = Uint8Array | FileRange

const SHA256 = /^[0-9a-f]{64}$/

const extensionOf = (variant: StoredVariant, format: PhotoFormat) =>
  variant === 'original' ? (PHOTO_FORMATS.find((f) => f.value === format)?.extension ?? format) : 'jpg'

const FOLDERS: Record<StoredVariant, string> = { original: 'originals', working: 'working', thumbnail: 'thumbnails' }

export interface PhotoFiles {
  pathOf(sha256: string, variant: StoredVariant, format: PhotoFormat): string
  /** Writes each file unless it is already there; returns the paths it created. */
  store(sha256: string, format: PhotoFormat, files: Record<StoredVariant, StorableBytes>): Promise<string[]>
  /** Deletes one original's files; resolves to whether they are gone (a wrapper may keep them). */
  remove(sha256: string, format: PhotoFormat): Promise<boolean>
  /**
   * Moves files no record names into the quarantine folder (kept there for
   * `QUARANTINE_DAYS`, then deleted) and deletes temp files left by an interrupted write;
   * returns how many files left the photo folders.
   */
  sweep(isReferenced: (sha256: string) => boolean): number
}

/** How long a photo file nothing names any more is kept aside before it is deleted. */
export const QUARANTINE_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000
const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/

const dayOf = (at: Date) => at.toISOString().slice(0, 10)

/** Deletes the quarantine's day folders older than `QUARANTINE_DAYS`. */
function purgeQuarantine(quarantine: string, now: Date) {
  if (!fs.existsSync(quarantine)) return
  for (const day of fs.readdirSync(quarantine)) {
    if (!DAY_FOLDER.test(day)) continue
    if (now.getTime() - Date.parse(`${day}T00:00:00Z`) > QUARANTINE_DAYS * DAY_MS)
      fs.rmSync(path.join(quarantine, day), { recursive: true, force: true })
  }
}

/**
 * The content-addressed photo folders under the data folder: `originals/ab/abcd….jpg` keeps
 * the imported bytes untouched; `working/` and `thumbnails/` hold what is drawn. One set of
 * files per distinct original, however many records use it.
 */
export function createPhotoFiles(dataDir: string, now: () => Date = () => new Date()): PhotoFiles {
  const root = path.join(dataDir, 'photos')
  // Beside the photo folders, not in them: nothing in quarantine is served or counted as a photo.
  const quarantine = path.join(dataDir, 'quarantine', 'photos')

  const pathOf = (sha256: string, variant: StoredVariant, format: PhotoFormat) => {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`)
    return path.join(root, FOLDERS[variant], sha256.slice(0, 2), `${sha256}.${extensionOf(variant, format)}`)
  }

  return {
    pathOf,

    async store(sha256, format, files) {
      const created: string[] = []
      try {
        for (const variant of Object.keys(FOLDERS) as StoredVariant[]) {
          const target = pathOf(sha256, variant, format)
          if (fs.existsSync(target)) continue
          const bytes = files[variant]
          await (bytes instanceof Uint8Array ? writeAtomically(target, bytes) : copyRangeAtomically(target, bytes))
          created.push(target)
        }
      } catch (error) {
        await Promise.all(created.map((file) => fs.promises.rm(file, { force: true })))
        throw error
      }
      return created
    },

    async remove(sha256, format) {
      await Promise.all(
        (Object.keys(FOLDERS) as StoredVariant[]).map((variant) =>
          fs.promises.rm(pathOf(sha256, variant, format), { force: true }),
        ),
      )
      return true
    },

    sweep(isReferenced) {
      const at = now()
      purgeQuarantine(quarantine, at)
      let removed = 0
      for (const folder of Object.values(FOLDERS)) {
        const dir = path.join(root, folder)
        if (!fs.existsSync(dir)) continue
        for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue
          const file = path.join(entry.parentPath, entry.name)
          if (entry.name.endsWith('.tmp')) {
            // Half of an interrupted write: never a whole file anyone imported.
            fs.rmSync(file, { force: true })
            removed++
            continue
          }
          const sha256 = entry.name.slice(0, 64)
          if (SHA256.test(sha256) && isReferenced(sha256)) continue
          const aside = path.join(quarantine, dayOf(at), path.relative(root, file))
          fs.mkdirSync(path.dirname(aside), { recursive: true })
          fs.renameSync(file, aside)
          removed++
        }
      }
      return removed
    },
  }
}
