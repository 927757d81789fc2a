import fs from 'node:fs'
import { HeldFile } from '../../../shared/files/held-file'
import type { StoredVariant } from '../photos/photo-files'
import type { StoredFileSet } from '../photos/photo-service'

/** A file inside the archive main sent, by where its bytes lie there: a stored entry, never copied. */
export type InArchive = { inArchive: [offset: number, length: number] }

/**
 * A photo's files as the decode process answers them: a stored entry of the archive (every
 * original) by its place there, since main holds those bytes already; a file made there (a
 * remade copy, an inflated entry) as its bytes. A large archive's originals never cross back.
 */
export type PlacedFileSet = Omit<StoredFileSet, 'files'> & { files: Record<StoredVariant, Uint8Array | InArchive> }

/**
 * The sets to store, each placed file taken from `archive`: the bytes main sent, or the file
 * main holds them in (read a file at a time, on libuv's threads).
 */
export async function storedSets(
  sets: readonly PlacedFileSet[],
  archive: Uint8Array | HeldFile,
): Promise<StoredFileSet[]> {
  const placeOf = (file: InArchive) => {
    const [offset, length] = file.inArchive
    const inside = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0
    if (!inside || offset + length > archive.byteLength)
      throw new Error('A decode answer placed a file outside the archive')
    return { offset, length }
  }
  for (const set of sets) for (const file of Object.values(set.files)) if (!(file instanceof Uint8Array)) placeOf(file)
  const handle = archive instanceof HeldFile ? await fs.promises.open(archive.path, 'r') : null
  try {
    const bytesOf = async (file: Uint8Array | InArchive): Promise<Uint8Array> => {
      if (file instanceof Uint8Array) return file
      const { offset, length } = placeOf(file)
      if (!handle) return (archive as Uint8Array).subarray(offset, offset + length)
      const bytes = new Uint8Array(length)
      for (let at = 0; at < length; ) {
        const { bytesRead } = await handle.read(bytes, at, length - at, offset + at)
        if (bytesRead === 0) throw new Error('The archive’s file ended before a file placed in it')
        at += bytesRead
      }
      return bytes
    }
    const stored: StoredFileSet[] = []
    for (const set of sets)
      stored.push({
        ...set,
        files: {
          original: await bytesOf(set.files.original),
          working: await bytesOf(set.files.working),
          thumbnail: await bytesOf(set.files.thumbnail),
        },
      })
    return stored
  } finally {
    await handle?.close()
  }
}
