import { type ArchivePhotoFolder, photoEntry } from '../../../shared/archive/archive-format'
import type { ArchiveRecords, PhotoArchiveRow } from '../../../shared/archive/archive-records'
import { PHOTO_FORMATS, type PhotoFormat } from '../../../shared/photos/photo-fields'
import { sniffImageFormat } from '../photos/image-format'
import { ImageRejected, prepareImage, readImageHeader } from '../photos/image-pipeline'
import type { StoredVariant } from '../photos/photo-files'
import type { PlacedFileSet } from './archive-answer'
import { type ReportFraction, unitCounter } from './archive-progress'
import { archiveRejected } from './archive-rejected'
import type { ArchiveFile } from './archive-zip'

const FOLDER_OF: Record<StoredVariant, ArchivePhotoFolder> = {
  original: 'originals',
  working: 'working',
  thumbnail: 'thumbnails',
}

const extensionOf = (format: PhotoFormat) => PHOTO_FORMATS.find((f) => f.value === format)?.extension ?? format

/** The entry paths a photo's files are kept under in an archive. */
export function photoEntries(photo: Pick<PhotoArchiveRow, 'sha256' | 'format'>): Record<StoredVariant, string> {
  const format = photo.format as PhotoFormat
  return {
    original: photoEntry(FOLDER_OF.original, photo.sha256, extensionOf(format)),
    working: photoEntry(FOLDER_OF.working, photo.sha256, 'jpg'),
    thumbnail: photoEntry(FOLDER_OF.thumbnail, photo.sha256, 'jpg'),
  }
}

/**
 * The original must be the size its record gives, in bytes and in upright pixels (read from its
 * header, against the same caps as an import), and readable as the format its record names.
 */
async function checkOriginal(photo: PhotoArchiveRow, bytes: Uint8Array) {
  const where = `photo “${photo.original_name}”`
  if (bytes.byteLength !== photo.byte_size)
    archiveRejected(`The archive is damaged: the original of ${where} is not the size its record gives.`)
  const sniffed = sniffImageFormat(bytes)
  if (sniffed === null || !('format' in sniffed) || sniffed.format !== photo.format)
    archiveRejected(`The archive is damaged: the original of ${where} is not a readable ${photo.format.toUpperCase()}.`)
  let header: { width: number; height: number }
  try {
    header = await readImageHeader(bytes, sniffed.format)
  } catch (error) {
    if (error instanceof ImageRejected) archiveRejected(`The original of ${where} cannot be imported: ${error.message}`)
    throw error
  }
  if (header.width !== photo.width || header.height !== photo.height)
    archiveRejected(
      `The archive was altered: the original of ${where} is ${header.width} × ${header.height} pixels, but its record says ${photo.width} × ${photo.height}.`,
    )
}

/** The drawn copies made again from the original, as an import of it makes them; the archive's own are never used. */
async function remadeCopies(photo: PhotoArchiveRow, original: Uint8Array) {
  try {
    const prepared = await prepareImage(original, photo.format as PhotoFormat)
    return { working: prepared.working, thumbnail: prepared.thumbnail }
  } catch (error) {
    if (error instanceof ImageRejected)
      archiveRejected(`The original of photo “${photo.original_name}” cannot be imported: ${error.message}`)
    throw error
  }
}

/**
 * Two photos whose declared pixels come to at most this are checked and remade at once (two
 * decodes on two cores); any other waits for the one before it and runs alone. A 36 MP
 * progressive JPEG alone grows the decode process by about 220 MB, a 24 MP and a 20 MP PNG
 * together by about the same: far inside its budget.
 */
export const PAIRED_PIXELS = 45_000_000

const pixelsOf = (photo: PhotoArchiveRow) => photo.width * photo.height

/**
 * Checks every photo file against its record: each photo has its original (whose entry the
 * manifest hashed to the SHA-256 the record names, of the size and pixel size the record gives),
 * working copy and thumbnail; no file is there that no photo names. Originals are read one at a
 * time, or two small ones at once (`PAIRED_PIXELS`). With `remake`, the drawn copies to store
 * are made again from the original (once per original, however many records use it): a crafted
 * archive's picture never becomes the one a later import of the same original shows, and the
 * archive's own are never read. Returns the files to store, a stored entry by its place in the
 * archive; `onChecked` hears the share of photos done. Refusals come in the records' order.
 * Once `stop` is aborted, no further original is read (it throws the abort reason), and no
 * check outlives the call.
 */
export async function checkPhotoFiles(
  records: ArchiveRecords,
  files: ReadonlyMap<string, ArchiveFile>,
  shaOfEntry: ReadonlyMap<string, string>,
  remake: boolean,
  onChecked: ReportFraction = () => {},
  stop?: AbortSignal,
): Promise<PlacedFileSet[]> {
  const named = new Set<string>()
  const claimed = new Set<string>()
  const checked = unitCounter(records.photos.length, onChecked)

  const checkOne = async (photo: PhotoArchiveRow, first: boolean): Promise<PlacedFileSet | null> => {
    const paths = photoEntries(photo)
    const entries = {} as Record<StoredVariant, ArchiveFile>
    for (const variant of Object.keys(paths) as StoredVariant[]) {
      const entry = files.get(paths[variant])
      if (!entry)
        archiveRejected(
          `The archive is incomplete: the ${variant === 'original' ? 'original' : variant === 'working' ? 'working copy' : 'thumbnail'} of photo “${photo.original_name}” is missing.`,
        )
      entries[variant] = entry
    }
    if (shaOfEntry.get(paths.original) !== photo.sha256)
      archiveRejected(
        `The archive is damaged: the original of photo “${photo.original_name}” is not the file its record names.`,
      )
    stop?.throwIfAborted()
    const original = entries.original.read()
    await checkOriginal(photo, original)
    if (!first) return null
    const placed = (entry: ArchiveFile, bytes?: Uint8Array) =>
      entry.inArchive ? { inArchive: entry.inArchive } : (bytes ?? entry.read())
    const drawn = remake
      ? await remadeCopies(photo, original)
      : { working: placed(entries.working), thumbnail: placed(entries.thumbnail) }
    return {
      sha256: photo.sha256,
      format: photo.format as PhotoFormat,
      files: { original: placed(entries.original, original), ...drawn },
    }
  }

  const sets: PlacedFileSet[] = []
  /** Checks started and not yet awaited, oldest first, with their photo's pixels. */
  const running: { done: Promise<PlacedFileSet | null>; pixels: number }[] = []
  const awaitOldest = async () => {
    const oldest = running.shift()
    if (!oldest) return
    const set = await oldest.done
    if (set) sets.push(set)
    checked(1)
  }
  try {
    for (const photo of records.photos) {
      for (const path of Object.values(photoEntries(photo))) named.add(path)
      const pixels = pixelsOf(photo)
      while (running.length > 0 && running.reduce((sum, each) => sum + each.pixels, pixels) > PAIRED_PIXELS)
        await awaitOldest()
      const first = !claimed.has(photo.sha256)
      claimed.add(photo.sha256)
      const done = checkOne(photo, first)
      // Awaited in order below; a later photo's refusal meanwhile is not an unhandled rejection.
      done.catch(() => {})
      running.push({ done, pixels })
    }
    while (running.length > 0) await awaitOldest()
  } finally {
    // A refusal leaves no check running past the call: the others settle before it is thrown.
    await Promise.allSettled(running.map((each) => each.done))
  }
  const stray = [...files.keys()].find((path) => !named.has(path))
  if (stray)
    archiveRejected(`The archive holds ${stray}, which no record names; it was changed after Stipple wrote it.`)
  return sets
}
