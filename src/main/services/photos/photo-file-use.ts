import type { Database } from 'better-sqlite3'
import type { Photo, PhotoVariant } from '../../../shared/photos/photo'
import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import type { PhotoFiles, StorableBytes, StoredVariant } from './photo-files'

/** One original's files as `PhotoFiles.store` takes them. */
export interface StoredFileSet {
  sha256: string
  format: Photo['format']
  files: Record<StoredVariant, StorableBytes>
}

/**
 * Which photo files are still needed: by a record, or by an import or archive whose rows are
 * not written yet. Files go only when nothing needs them, and a store waits for a removal of
 * the same bytes in progress.
 */
export interface PhotoFileUse {
  /** Runs `work` while the originals are held: no delete or sweep takes their files meanwhile. */
  holding<T>(sha256s: readonly string[], work: () => Promise<T>): Promise<T>
  /**
   * For originals the caller holds: stores their files, then runs `write`, the rows' transaction;
   * a failed write removes the files it stored unless a record or another holder needs them.
   */
  storeHeldThen<T>(sets: readonly StoredFileSet[], write: () => T): Promise<T>
  /** Deletes an original's files unless something still needs them; resolves to whether they went. */
  removeIfUnused(sha256: string, format: PhotoFormat): Promise<boolean>
  /** Where a drawable file is; null unless a record uses it. */
  fileFor(sha256: string, variant: PhotoVariant): string | null
  /** Removes files nothing needs (left by a crash mid-import); returns how many. */
  sweep(): number
}

export function createPhotoFileUse(db: Database, files: PhotoFiles): PhotoFileUse {
  const anyBySha = db.prepare<[string], { format: Photo['format'] }>(
    'SELECT format FROM photos WHERE sha256 = ? LIMIT 1',
  )

  // Imports of one original in flight: its files may exist before its row, so a delete or a
  // sweep must not take them.
  const inFlight = new Map<string, number>()
  const hold = (sha: string) => inFlight.set(sha, (inFlight.get(sha) ?? 0) + 1)
  const release = (sha: string) => {
    const left = (inFlight.get(sha) ?? 1) - 1
    if (left === 0) inFlight.delete(sha)
    else inFlight.set(sha, left)
  }
  const removing = new Map<string, Promise<boolean>>()
  const isUsed = (sha: string) => inFlight.has(sha) || anyBySha.get(sha) !== undefined
  /** No record names it and no holder but the caller needs it. */
  const orphanOfCaller = (sha: string) => anyBySha.get(sha) === undefined && (inFlight.get(sha) ?? 0) <= 1

  return {
    async holding(sha256s, work) {
      for (const sha of sha256s) hold(sha)
      try {
        return await work()
      } finally {
        for (const sha of sha256s) release(sha)
      }
    },

    async storeHeldThen(sets, write) {
      const stored: StoredFileSet[] = []
      try {
        for (const set of sets) {
          // A delete of the same bytes may be removing their files right now; storing must
          // come after it, or it would find files that are about to vanish and skip writing them.
          await removing.get(set.sha256)
          if ((await files.store(set.sha256, set.format, set.files)).length > 0) stored.push(set)
        }
        return write()
      } catch (error) {
        for (const set of stored) if (orphanOfCaller(set.sha256)) await files.remove(set.sha256, set.format)
        throw error
      }
    },

    async removeIfUnused(sha256, format) {
      if (isUsed(sha256)) return false
      const removal = files.remove(sha256, format)
      removing.set(sha256, removal)
      try {
        return await removal
      } finally {
        removing.delete(sha256)
      }
    },

    fileFor(sha256, variant) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null
      const used = anyBySha.get(sha256)
      return used ? files.pathOf(sha256, variant, used.format) : null
    },

    sweep: () => files.sweep(isUsed),
  }
}
