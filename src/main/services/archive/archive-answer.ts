import type { StoredFileSet } from '../photos/photo-service'
import type { OpenedArchive } from './archive-open'

/** A file inside the archive main sent, by where it lies there: a stored entry, never copied. */
export type InArchive = { inArchive: [offset: number, length: number] }

/** An opened archive as the decode process answers it: each file that is a stored entry, by where it lies. */
export type OpenedArchiveAnswer = Omit<OpenedArchive, 'fileSets'> & {
  fileSets: (Omit<StoredFileSet, 'files'> & { files: Record<keyof StoredFileSet['files'], Uint8Array | InArchive> })[]
}

/**
 * Names each file that is a stored entry of `archive` by its place there instead of copying it
 * back: main holds those bytes already, so a large archive's originals (proven by their hash
 * here) never cross back to main. A file made here (a remade copy, an inflated entry) goes as it is.
 */
export function answerOf(opened: OpenedArchive, archive: Uint8Array): OpenedArchiveAnswer {
  const place = (file: Uint8Array): Uint8Array | InArchive => {
    const offset = file.byteOffset - archive.byteOffset
    return file.buffer === archive.buffer && offset >= 0 && offset + file.byteLength <= archive.byteLength
      ? { inArchive: [offset, file.byteLength] }
      : file
  }
  return {
    ...opened,
    fileSets: opened.fileSets.map((set) => ({
      ...set,
      files: {
        original: place(set.files.original),
        working: place(set.files.working),
        thumbnail: place(set.files.thumbnail),
      },
    })),
  }
}

/** The decode process's answer with each file it placed in `archive` (the bytes main sent) taken from there. */
export function openedFrom(answer: OpenedArchiveAnswer, archive: Uint8Array): OpenedArchive {
  const bytesOf = (file: Uint8Array | InArchive): Uint8Array => {
    if (file instanceof Uint8Array) return file
    const [offset, length] = file.inArchive
    const inside = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0
    if (!inside || offset + length > archive.byteLength)
      throw new Error('A decode answer placed a file outside the archive')
    return archive.subarray(offset, offset + length)
  }
  return {
    ...answer,
    fileSets: answer.fileSets.map((set) => ({
      ...set,
      files: {
        original: bytesOf(set.files.original),
        working: bytesOf(set.files.working),
        thumbnail: bytesOf(set.files.thumbnail),
      },
    })),
  }
}
