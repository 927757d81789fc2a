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
 * Returns about how many bytes decoding it holds whole.
 */
async function checkOriginal(photo: PhotoArchiveRow, bytes: Uint8Array): Promise<{ heldWhole: number }> {
  const where = `photo “${photo.original_name}”`
  if (bytes.byteLength !== photo.byte_size)
    archiveRejected(`The archive is damaged: the original of ${where} is not the size its record gives.`)
  const sniffed = sniffImageFormat(bytes)
  if (sniffed === null || !('format' in sniffed) || sniffed.format !== photo.format)
    archiveRejected(`The archive is damaged: the original of ${where} is not a readable ${photo.format.toUpperCase()}.`)
  let header: { width: number; height: number; heldWhole: number }
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
  return { heldWhole: header.heldWhole }
}

/** The drawn copies made again from the original, as an import of it makes them; the archive's own are never read. */
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
 * At most this many photos are checked and remade at once: one decode on each of two cores.
 * sharp gives each decode one libvips thread here (its default on glibc Linux), so one photo
 * alone leaves a core idle: the 36 MP progressive JPEG of issue 17's archive took 1.3 s with
 * the rest waiting behind it.
 */
export const REMADE_AT_ONCE = 2

/**
 * Photos are remade beside another only while what they hold comes to at most this: each one's
 * original, held whole while it is remade, and what its decoding holds whole (`heldWhole`: none
 * for a baseline JPEG or plain PNG, which grow the decode process by 20–40 MB however large; a
 * 36 MP progressive JPEG at 4:2:0 about 110 MB). A photo larger than this runs alone, as does a
 * 45 MP progressive JPEG at full colour.
 */
export const PAIRED_BYTES = 256 * 1024 * 1024

/**
 * Buffers stored originals are read into, each kept for a later original once its photo is done:
 * memory touched for the first time is costly (about 3 ms a megabyte on the machines this project
 * is built on: a 60 MB original took 200 ms to read into a buffer of its own, 4 ms into one
 * reused). Buffers in use and kept together are never more than `REMADE_AT_ONCE`.
 */
function originalBuffers() {
  const spares: Uint8Array[] = []
  let inUse = 0
  return {
    take(size: number): Uint8Array {
      const fit = spares.findIndex((each) => each.byteLength >= size)
      const buffer = fit >= 0 ? spares.splice(fit, 1)[0] : undefined
      if (!buffer && inUse + spares.length >= REMADE_AT_ONCE) spares.shift()
      inUse++
      return buffer ?? Buffer.allocUnsafe(size)
    },
    give(buffer: Uint8Array) {
      inUse--
      spares.push(buffer)
    },
  }
}

const fitsBeside = (running: readonly number[], held: number) =>
  running.length === 0 ||
  (running.length < REMADE_AT_ONCE && running.reduce((sum, each) => sum + each, held) <= PAIRED_BYTES)

/**
 * Checks every photo file against its record: each photo has its original (whose entry the
 * manifest hashed to the SHA-256 the record names, of the size and pixel size the record gives),
 * working copy and thumbnail; no file is there that no photo names. Originals are read and
 * checked in the records' order; each is remade while one before it may still be
 * (`REMADE_AT_ONCE`, within `PAIRED_BYTES`). The drawn copies to store are made again from the
 * original (once per original, however many records use it): a crafted archive's picture never
 * becomes the one a later import of the same original shows, and the archive's own are never
 * read. Returns the files to store, a stored entry by its place in the archive; `onChecked` hears
 * the share of photos done, `onExamined` that every original has been read and checked against
 * its record (only copies are still being made). The refusal is the one checking them in
 * turn gives (the first bad photo in the records' order): after one, no further original is read,
 * and the checks running settle before it is thrown. Once `stop` is aborted, no further original
 * is read (it throws the abort reason), and no check outlives the call.
 */
export async function checkPhotoFiles(
  records: ArchiveRecords,
  files: ReadonlyMap<string, ArchiveFile>,
  shaOfEntry: ReadonlyMap<string, string>,
  {
    onChecked = () => {},
    onExamined,
    stop,
  }: { onChecked?: ReportFraction; onExamined?: () => void; stop?: AbortSignal } = {},
): Promise<PlacedFileSet[]> {
  const named = new Set<string>()
  const claimed = new Set<string>()
  const buffers = originalBuffers()
  const checked = unitCounter(records.photos.length, onChecked)
  /** An entry no record names, once every record's are known. */
  const stray = () => [...files.keys()].find((path) => !named.has(path))

  /** The photo's entries found and its original read and checked: what its remake needs. */
  const examine = async (photo: PhotoArchiveRow) => {
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
    // A stored entry's bytes never leave this call (the file to store is its place in the archive): its buffer is reused.
    const buffer = entries.original.inArchive ? buffers.take(photo.byte_size) : null
    const release = () => buffer && buffers.give(buffer)
    const original = entries.original.read(buffer ?? undefined)
    try {
      const { heldWhole } = await checkOriginal(photo, original)
      return { entries, original, release, held: Math.max(original.byteLength, buffer?.byteLength ?? 0) + heldWhole }
    } catch (error) {
      release()
      throw error
    }
  }

  const filesToStore = async (
    photo: PhotoArchiveRow,
    { entries, original }: Awaited<ReturnType<typeof examine>>,
  ): Promise<PlacedFileSet> => {
    const drawn = await remadeCopies(photo, original)
    return {
      sha256: photo.sha256,
      format: photo.format as PhotoFormat,
      files: { original: entries.original.inArchive ? { inArchive: entries.original.inArchive } : original, ...drawn },
    }
  }

  /** Each photo's outcome in the records' order: its files, or null for an original already claimed. */
  const outcomes: Promise<PlacedFileSet | null>[] = []
  /** The remakes running, each with what it holds and a promise that settles (never rejects) once it ends. */
  const running: { held: number; ended: Promise<void> }[] = []
  let refused = false
  const untilOneEnds = () => Promise.race(running.map((each) => each.ended))
  const settle = (outcome: Promise<PlacedFileSet | null>) => {
    // Read in order below; a later photo's refusal meanwhile is not an unhandled rejection.
    outcome.then(
      () => checked(1),
      () => {
        refused = true
      },
    )
    outcomes.push(outcome)
  }
  try {
    for (const photo of records.photos) {
      for (const path of Object.values(photoEntries(photo))) named.add(path)
      if (refused) continue
      while (running.length >= REMADE_AT_ONCE) await untilOneEnds()
      if (refused) continue
      const first = !claimed.has(photo.sha256)
      claimed.add(photo.sha256)
      const examined = examine(photo)
      let held: number
      let release: () => void
      try {
        ;({ held, release } = await examined)
      } catch {
        refused = true
        settle(examined.then(() => null))
        continue
      }
      if (!first) {
        release()
        settle(Promise.resolve(null))
        continue
      }
      while (
        !fitsBeside(
          running.map((each) => each.held),
          held,
        )
      )
        await untilOneEnds()
      // A photo before this one was refused meanwhile: that is the answer, and this one is not remade.
      if (refused) {
        release()
        continue
      }
      const outcome = examined.then((each) => filesToStore(photo, each))
      const remaking = {
        held,
        ended: outcome
          .then(
            () => {},
            () => {},
          )
          .then(() => {
            release()
            running.splice(running.indexOf(remaking), 1)
          }),
      }
      running.push(remaking)
      settle(outcome)
    }
    if (!refused && !stray()) onExamined?.()
  } finally {
    // A refusal leaves no check running past the call: the others settle before it is thrown.
    await Promise.allSettled(outcomes)
  }
  const sets: PlacedFileSet[] = []
  for (const outcome of outcomes) {
    const set = await outcome
    if (set) sets.push(set)
  }
  const unnamed = stray()
  if (unnamed)
    archiveRejected(`The archive holds ${unnamed}, which no record names; it was changed after Stipple wrote it.`)
  return sets
}
