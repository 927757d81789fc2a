import fs from 'node:fs'
import path from 'node:path'
import type { PhotoVariant } from '../../../shared/photos/photo'
import { PHOTO_FORMATS, type PhotoFormat } from '../../../shared/photos/photo-fields'
import { writeAtomically } from '../../files/write-atomically'

export type StoredVariant = PhotoVariant | 'original'

const SHA256 = /^[0-9a-f]{64}$/

const extensionOf = (variant: StoredVariant, format: PhotoFormat) =>
  variant === 'original' ? (PHOTO_FORMATS.find((f) => f.value === format)?.extension ?? format) : 'jpg'

const FOLDERS: Record<StoredVariant, string> = { original: 'originals', working: 'working', thumbnail: 'thumbnails' }

export interface PhotoFiles {
  pathOf(sha256: string, variant: StoredVariant, format: PhotoFormat): string
  /** Writes each file unless it is already there; returns the paths it created. */
  store(sha256: string, format: PhotoFormat, files: Record<StoredVariant, Uint8Array>): Promise<string[]>
  /** Deletes one original's files; resolves to whether they are gone (a wrapper may keep them). */
  remove(sha256: string, format: PhotoFormat): Promise<boolean>
  /** Deletes files no record names and temp files left by an interrupted write; returns how many. */
  sweep(isReferenced: (sha256: string) => boolean): number
}

/**
 * The content-addressed photo folders under the data folder: `originals/ab/abcd….jpg` keeps
 * the imported bytes untouched; `working/` and `thumbnails/` hold what is drawn. One set of
 * files per distinct original, however many records use it.
 */
export function createPhotoFiles(dataDir: string): PhotoFiles {
  const root = path.join(dataDir, 'photos')

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
          await writeAtomically(target, files[variant])
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
      let removed = 0
      for (const folder of Object.values(FOLDERS)) {
        const dir = path.join(root, folder)
        if (!fs.existsSync(dir)) continue
        for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue
          const sha256 = entry.name.slice(0, 64)
          if (!entry.name.endsWith('.tmp') && SHA256.test(sha256) && isReferenced(sha256)) continue
          fs.rmSync(path.join(entry.parentPath, entry.name), { force: true })
          removed++
        }
      }
      return removed
    },
  }
}
