import exifReader from 'exif-reader'
import decodeHeic from 'heic-decode'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { PHOTO_LIMITS, type PhotoFormat } from '../../../shared/photos/photo-fields'

/** Why an image cannot be imported, in words for the person who chose the file. */
export class ImageRejected extends Error {}

export interface PreparedImage {
  /** Upright pixel size of the original. */
  width: number
  height: number
  /** Camera wall-clock time `YYYY-MM-DDTHH:MM:SS` from EXIF, when the photo carries one. */
  takenAt: string | null
  /** Upright, capped, sRGB JPEG with no metadata at all: no GPS, no camera serial, no EXIF. */
  working: Buffer
  thumbnail: Buffer
}

const MAX_PIXELS = PHOTO_LIMITS.maxMegapixels * 1_000_000
// 'error' refuses truncated and corrupt data but lets through the harmless warnings many cameras trigger.
const INPUT = { limitInputPixels: MAX_PIXELS, failOn: 'error' } as const
// Neutral grey under transparent pixels: a JPEG has no alpha and white or black would read as skin tone.
const FLATTEN = { background: '#808080' }

const pad = (n: number) => String(n).padStart(2, '0')

/** exif-reader returns the camera's wall-clock time as if it were UTC; read it back the same way. */
function wallClock(date: unknown): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null
  const y = date.getUTCFullYear()
  if (y < 1990 || y > 2200) return null
  return `${y}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
}

function exifTakenAt(exif: Buffer | undefined): string | null {
  if (!exif) return null
  try {
    const tags = exifReader(exif)
    return (
      wallClock(tags.Photo?.DateTimeOriginal) ??
      wallClock(tags.Photo?.DateTimeDigitized) ??
      wallClock(tags.Image?.DateTime)
    )
  } catch {
    return null
  }
}

async function readHeader(bytes: Uint8Array, format: PhotoFormat) {
  let metadata: Metadata
  try {
    metadata = await sharp(bytes, { ...INPUT, limitInputPixels: false }).metadata()
  } catch {
    throw new ImageRejected(
      `The file looks like ${format.toUpperCase()} but its header cannot be read; it may be damaged.`,
    )
  }
  const { width, height } = metadata.autoOrient
  if (!width || !height) throw new ImageRejected('The image does not say how large it is; it may be damaged.')
  const megapixels = (width * height) / 1_000_000
  if (megapixels > PHOTO_LIMITS.maxMegapixels) {
    throw new ImageRejected(
      // Rounded up: 100.01 MP must not read "declares 100 megapixels; … up to 100".
      `The image declares ${Math.ceil(megapixels)} megapixels (${width} × ${height}); Stipple takes photos up to ${PHOTO_LIMITS.maxMegapixels} megapixels.`,
    )
  }
  return { width, height, exif: metadata.exif }
}

/** An upright decoder: sharp for JPEG, PNG and WebP; HEVC-coded HEIC through libheif's WebAssembly build. */
async function uprightSource(
  bytes: Uint8Array,
  format: PhotoFormat,
  header: { width: number; height: number },
): Promise<{ source: Sharp; width: number; height: number }> {
  if (format !== 'heic') return { source: sharp(bytes, INPUT).autoOrient(), ...header }
  try {
    const { width, height, data } = await decodeHeic({ buffer: bytes })
    return { source: sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: MAX_PIXELS }), width, height }
  } catch {
    throw new ImageRejected('The HEIC file cannot be decoded; it may be damaged or incomplete.')
  }
}

const encode = (source: Sharp, longSide: number, quality: number) =>
  source
    .clone()
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .flatten(FLATTEN)
    .toColourspace('srgb')
    .jpeg({ quality, chromaSubsampling: '4:4:4' })
    .toBuffer()

/**
 * Checks an image's declared size before decoding it, then makes the working copy the canvas
 * draws and the library's thumbnail. Throws `ImageRejected` for anything that is not a whole,
 * readable image of a sane size.
 */
export async function prepareImage(bytes: Uint8Array, format: PhotoFormat): Promise<PreparedImage> {
  const header = await readHeader(bytes, format)
  const { source, width, height } = await uprightSource(bytes, format, header)
  try {
    const [working, thumbnail] = await Promise.all([
      encode(source, PHOTO_LIMITS.workingLongSide, 90),
      encode(source, PHOTO_LIMITS.thumbnailLongSide, 80),
    ])
    return { width, height, takenAt: exifTakenAt(header.exif), working, thumbnail }
  } catch {
    throw new ImageRejected('The image data is damaged or incomplete (the file may have been cut short).')
  }
}
