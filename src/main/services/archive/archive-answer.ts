import { HeldFile } from '../../../shared/files/held-file'
import type { StorableBytes, StoredVariant } from '../photos/photo-files'
import type { StoredFileSet } from '../photos/photo-service'

/** A file inside the archive main sent, by where its bytes lie there: a stored entry, never copied. */
export type InArchive = { inArchive: [offset: number, length: number] }

/**
 * A photo's files as the decode process answers them: a stored entry of the archive (every
 * original) by its place there, since main holds those bytes already; a file made there (a
 * remade copy, an inflated entry) as its bytes. A large archive's originals never cross back.
 */
export type PlacedFileSet = Omit<StoredFileSet, 'files'> & { files: Record<StoredVariant, Uint8Array | InArchive> }

/** A placed set as main takes it: a remade file in memory, or in the file the decode process spilled it to. */
export type AnsweredFileSet = Omit<StoredFileSet, 'files'> & {
  files: Record<StoredVariant, Uint8Array | HeldFile | InArchive>
}

/**
 * The sets to store, each placed file taken from `archive`: the bytes main sent, or its range of
 * the file main holds them in, copied (on libuv's threads) only when the photo folder lacks that
 * file; a remade file spilled by the decode process is copied from where it was spilled.
 */
export function storedSets(sets: readonly AnsweredFileSet[], archive: Uint8Array | HeldFile): StoredFileSet[] {
  const bytesOf = (file: Uint8Array | HeldFile | InArchive): StorableBytes => {
    if (file instanceof Uint8Array) return file
    if (file instanceof HeldFile) return { path: file.path, offset: 0, length: file.byteLength }
    const [offset, length] = file.inArchive
    const inside = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0
    if (!inside || offset + length > archive.byteLength)
      throw new Error('A decode answer placed a file outside the archive')
    if (archive instanceof Uint8Array) return archive.subarray(offset, offset + length)
    return { path: archive.path, offset, length }
  }
  return sets.map((set) => ({
    ...set,
    files: {
      original: bytesOf(set.files.original),
      working: bytesOf(set.files.working),
      thumbnail: bytesOf(set.files.thumbnail),
    },
  }))
}
