import sharp from 'sharp'
import { type ArchivePhotoFolder, photoEntry } from '../../../shared/archive/archive-format'
import type { ArchiveRecords, PhotoArchiveRow } from '../../../shared/archive/archive-records'
import { PHOTO_FORMATS, PHOTO_LIMITS, type PhotoFormat } from '../../../shared/photos/photo-fields'
import { sniffImageFormat } from '../photos/image-format'
import type { StoredVariant } from '../photos/photo-files'
import type { StoredFileSet } from '../photos/photo-service'
import { archiveRejected } from './archive-rejected'

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

async function header(bytes: Uint8Array) {
  try {
    return await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata()
  } catch {
    return null
  }
}

/**
 * A drawn copy must be what Stipple itself makes of the original: a JPEG without any metadata
 * (no EXIF, so no GPS), no larger than its cap, with the upright original's proportions.
 */
async function checkDrawnCopy(photo: PhotoArchiveRow, bytes: Uint8Array, longSide: number, what: string) {
  const where = `the ${what} of photo “${photo.original_name}”`
  const meta = sniffImageFormat(bytes) !== null ? await header(bytes) : null
  if (meta?.format !== 'jpeg' || !meta.width || !meta.height)
    archiveRejected(`The archive is damaged: ${where} is not a readable JPEG.`)
  if (meta.exif || meta.xmp || meta.iptc) archiveRejected(`The archive was altered: ${where} carries metadata.`)
  const proportionsDiffer = Math.abs(meta.width * photo.height - meta.height * photo.width) > photo.width + photo.height
  if (Math.max(meta.width, meta.height) > longSide || proportionsDiffer)
    archiveRejected(`The archive was altered: ${where} does not match the photo’s size.`)
}

async function checkOriginal(photo: PhotoArchiveRow, bytes: Uint8Array) {
  const where = `photo “${photo.original_name}”`
  if (bytes.byteLength !== photo.byte_size)
    archiveRejected(`The archive is damaged: the original of ${where} is not the size its record gives.`)
  const sniffed = sniffImageFormat(bytes)
  if (sniffed === null || !('format' in sniffed) || sniffed.format !== photo.format || !(await header(bytes)))
    archiveRejected(`The archive is damaged: the original of ${where} is not a readable ${photo.format.toUpperCase()}.`)
}

/**
 * Checks every photo file against its record: each photo has its original (whose entry the
 * manifest hashed to the SHA-256 the record names), working copy and thumbnail, each readable
 * as what it claims; no file is there that no photo names. Returns the files to store.
 */
export async function checkPhotoFiles(
  records: ArchiveRecords,
  files: ReadonlyMap<string, Uint8Array>,
  shaOfEntry: ReadonlyMap<string, string>,
): Promise<StoredFileSet[]> {
  const named = new Set<string>()
  const sets: StoredFileSet[] = []
  for (const photo of records.photos) {
    const paths = photoEntries(photo)
    const bytes = {} as Record<StoredVariant, Uint8Array>
    for (const variant of Object.keys(paths) as StoredVariant[]) {
      const content = files.get(paths[variant])
      if (!content)
        archiveRejected(
          `The archive is incomplete: the ${variant === 'original' ? 'original' : variant === 'working' ? 'working copy' : 'thumbnail'} of photo “${photo.original_name}” is missing.`,
        )
      bytes[variant] = content
      named.add(paths[variant])
    }
    if (shaOfEntry.get(paths.original) !== photo.sha256)
      archiveRejected(
        `The archive is damaged: the original of photo “${photo.original_name}” is not the file its record names.`,
      )
    await checkOriginal(photo, bytes.original)
    await checkDrawnCopy(photo, bytes.working, PHOTO_LIMITS.workingLongSide, 'working copy')
    await checkDrawnCopy(photo, bytes.thumbnail, PHOTO_LIMITS.thumbnailLongSide, 'thumbnail')
    sets.push({ sha256: photo.sha256, format: photo.format as PhotoFormat, files: bytes })
  }
  const stray = [...files.keys()].find((path) => !named.has(path))
  if (stray)
    archiveRejected(`The archive holds ${stray}, which no record names; it was changed after Stipple wrote it.`)
  return sets
}
