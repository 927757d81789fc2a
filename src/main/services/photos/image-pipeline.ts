import exifReader from 'exif-reader'
import type { Metadata, Sharp } from 'sharp'
import { PHOTO_LIMITS, type PhotoFormat } from '../../../shared/photos/photo-fields'
import { ServiceError } from '../service-error'
import { decodeHeic } from './heic-decoder'

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

type SharpFactory = typeof import('sharp')['default']

let loading: Promise<SharpFactory> | null = null

/**
 * sharp, loaded on first use rather than at start-up: a native library that fails to load on
 * some machine then turns photo work off with a message, and everything else keeps working.
 */
export async function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((module) => {
    const sharp = module.default
    // Nothing is decoded twice in a worker's life, and a cache would only hold memory.
    sharp.cache(false)
    return sharp
  })
  try {
    return await (loading as Promise<SharpFactory>)
  } catch (error) {
    loading = null
    throw new ServiceError(
      'unavailable',
      `Photo import is turned off: the image library Stipple uses (sharp) could not load on this machine (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Everything else works; reinstalling Stipple usually brings it back.`,
    )
  }
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

const capFor = (format: PhotoFormat, metadata: Metadata) =>
  format === 'heic'
    ? { megapixels: PHOTO_LIMITS.maxHeicMegapixels, why: 'HEIC photos are decoded whole in memory' }
    : metadata.isProgressive
      ? {
          megapixels: PHOTO_LIMITS.maxProgressiveMegapixels,
          why: `${format === 'png' ? 'an interlaced' : 'a progressive'} ${format.toUpperCase()} is decoded whole in memory`,
        }
      : { megapixels: PHOTO_LIMITS.maxMegapixels, why: null }

/** A progressive JPEG's samples a pixel, by its chroma subsampling: each kept as a 2-byte coefficient until the last pass. */
const SAMPLES_A_PIXEL: Record<string, number> = { '4:4:4': 3, '4:2:2': 2, '4:4:0': 2, '4:2:0': 1.5, '4:4:4:4': 4 }

const MB = 1024 * 1024

/**
 * HEIC, measured in the decode process (its growth less the file's bytes): 44 MB at 1 MP, 72 MB
 * at 3 MP, 189 MB at 12 MP, 343 MB at 25 MP: about 32 MB to load libheif's WebAssembly build
 * and 12–14 bytes a pixel (its YCbCr planes and RGBA copy in the WebAssembly heap, the RGBA
 * handed to sharp). Rounded up to 40 MB and 16 bytes a pixel: 18–23 % above all four.
 */
const HEIC_LOADED = 40 * MB
const HEIC_BYTES_A_PIXEL = 16

/**
 * WebP, measured the same way, beyond the 40 MB any decode takes: 19–30 MB at 4 MP, 103–112 MB at
 * 25 MP (without and with alpha); at 100 MP 103 MB without alpha (sharp has libwebp shrink while
 * it decodes) but 230 MB with it. 4 bytes a pixel alone fell short up to 25 MP; with 48 MB added
 * it covers all six with 30 MB or more to spare.
 */
const WEBP_LOADED = 48 * MB
const WEBP_BYTES_A_PIXEL = 4
/** No WebP measured held more than 230 MB (100 MP with alpha): a large one is not counted past this. */
const WEBP_MOST = 280 * MB

/**
 * About how many bytes decoding holds at once beyond a band of rows and the 20–40 MB any decode
 * takes (a baseline JPEG or plain PNG, none of it held whole, read a band at a time whatever its
 * size: a 100 MP baseline JPEG grew the decode process by 23 MB). A progressive JPEG keeps every
 * block's coefficients until its last pass (a 36 MP one at 4:2:0 grew it by about 127 MB). An
 * interlaced PNG is read whole at its own depth: at 49 MP, less the file's bytes, 170 and 219 MB
 * at 8 bits without and with alpha, 327 and 421 MB at 16 bits, 23–33 MB above pixels × channels
 * × bytes a sample; one byte a pixel more covers that. HEIC and WebP: see their constants.
 */
function heldWhole(format: PhotoFormat, metadata: Metadata, pixels: number): number {
  if (format === 'heic') return HEIC_LOADED + pixels * HEIC_BYTES_A_PIXEL
  if (format === 'webp') return Math.min(WEBP_LOADED + pixels * WEBP_BYTES_A_PIXEL, WEBP_MOST)
  if (!metadata.isProgressive) return 0
  if (format === 'jpeg') return pixels * 2 * (SAMPLES_A_PIXEL[metadata.chromaSubsampling ?? ''] ?? 4)
  return pixels * ((metadata.channels ?? 4) * (metadata.depth === 'ushort' ? 2 : 1) + 1)
}

/**
 * The most a photo's original and what decoding it holds whole may come to: the decode process's
 * budget (512 MB above its idle figure, `DECODE_MEMORY_BUDGET_MB`) less the 40 MB any decode
 * takes and a margin. Every photo at the caps fits but one read whole at 16 bits from a large
 * file: a 50 MP interlaced PNG of 212 MB grew the process by 633 MB.
 */
const HELD_AT_MOST = 456 * MB

/**
 * The header alone: its declared, upright size checked against the caps before anything is
 * decoded, and about how many bytes decoding it holds whole (`heldWhole`), which with the file
 * itself must stay within `HELD_AT_MOST`.
 */
export async function readImageHeader(bytes: Uint8Array, format: PhotoFormat) {
  const sharp = await loadSharp()
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
  const cap = capFor(format, metadata)
  if (megapixels > cap.megapixels) {
    throw new ImageRejected(
      // Rounded up: 100.01 MP must not read "declares 100 megapixels; … up to 100".
      `The image declares ${Math.ceil(megapixels)} megapixels (${width} × ${height}); Stipple takes ${cap.why ? `such photos (${cap.why}) ` : 'photos '}up to ${cap.megapixels} megapixels.${cap.why ? ' Export it as a baseline JPEG to import it.' : ''}`,
    )
  }
  const held = heldWhole(format, metadata, width * height)
  if (bytes.byteLength + held > HELD_AT_MOST) {
    throw new ImageRejected(
      `Decoding this image would hold about ${Math.ceil((bytes.byteLength + held) / MB)} MB at once (${cap.why ?? 'it is read whole'}); Stipple decodes a photo in at most ${HELD_AT_MOST / MB} MB. Export it as a baseline JPEG to import it.`,
    )
  }
  return { width, height, exif: metadata.exif, heldWhole: held }
}

/** An upright decoder: sharp for JPEG, PNG and WebP; HEVC-coded HEIC through libheif's WebAssembly build, in a worker of its own. */
async function uprightSource(
  sharp: SharpFactory,
  bytes: Uint8Array,
  format: PhotoFormat,
  header: { width: number; height: number },
  failOn: 'error' | 'warning',
): Promise<{ source: Sharp; width: number; height: number }> {
  if (format !== 'heic') return { source: sharp(bytes, { ...INPUT, failOn }).autoOrient(), ...header }
  try {
    const { width, height, data } = await decodeHeic(bytes)
    return { source: sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: MAX_PIXELS }), width, height }
  } catch {
    throw new ImageRejected('The HEIC file cannot be decoded; it may be damaged or incomplete.')
  }
}

/**
 * `optimiseCoding` (Huffman tables fitted to the picture) makes the encoder hold every block of
 * the picture until the end: for a 4096 px working copy about 180 MB more and twice the time, to
 * save 5–8 % of its size. The working copy goes without it; the small thumbnail keeps it.
 */
const encode = (source: Sharp, longSide: number, quality: number, optimiseCoding: boolean) =>
  source
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .flatten(FLATTEN)
    .toColourspace('srgb')
    .jpeg({ quality, chromaSubsampling: '4:4:4', optimiseCoding })
    .toBuffer()

const encodeWorking = (source: Sharp) => encode(source, PHOTO_LIMITS.workingLongSide, 90, false)

/** libjpeg's word for scan data that ends before the picture its header declares. */
const CUT_SHORT = /premature end/i

/**
 * The working copy from one decode. A JPEG is first read strictly, so one whose header declares
 * more picture than its data holds is refused rather than filled with grey; any other strict
 * warning (harmless in many cameras' files) is read again leniently.
 */
async function workingCopy(
  sharp: SharpFactory,
  bytes: Uint8Array,
  format: PhotoFormat,
  header: { width: number; height: number },
) {
  const strict = format === 'jpeg'
  try {
    const { source, width, height } = await uprightSource(sharp, bytes, format, header, strict ? 'warning' : 'error')
    return { working: await encodeWorking(source), width, height }
  } catch (error) {
    if (error instanceof ImageRejected) throw error
    if (!strict || (error instanceof Error && CUT_SHORT.test(error.message)))
      throw new ImageRejected(
        'The image data is damaged or incomplete: it holds less picture than its header declares (the file may have been cut short).',
      )
  }
  try {
    const { source, width, height } = await uprightSource(sharp, bytes, format, header, 'error')
    return { working: await encodeWorking(source), width, height }
  } catch {
    throw new ImageRejected('The image data is damaged or incomplete (the file may have been cut short).')
  }
}

/**
 * Checks an image's declared size before decoding it, then makes the working copy the canvas
 * draws and, from that copy, the library's thumbnail: one full decode at a time. Throws
 * `ImageRejected` for anything that is not a whole, readable image of a sane size.
 */
export async function prepareImage(bytes: Uint8Array, format: PhotoFormat): Promise<PreparedImage> {
  const sharp = await loadSharp()
  const header = await readImageHeader(bytes, format)
  const { working, width, height } = await workingCopy(sharp, bytes, format, header)
  const thumbnail = await encode(sharp(working), PHOTO_LIMITS.thumbnailLongSide, 80, true)
  return { width, height, takenAt: exifTakenAt(header.exif), working, thumbnail }
}
