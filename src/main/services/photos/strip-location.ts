import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import { photoshopBlocks } from './iptc-location'
import { pngWithCompressedXmpBlanked } from './png-xmp'
import { blankXmp, xmpPackets } from './xmp-location'

/**
 * The original to store: the same length as the file, differing from it only where it said where
 * it was taken or which camera took it (a PNG's compressed XMP chunk is rewritten whole).
 */
export interface LocationStripped {
  bytes: Uint8Array
  /** Whether the file held any of it (an EXIF GPS block, XMP or IPTC location, a serial), now blanked. */
  removed: boolean
}

const GPS_POINTER_TAG = 0x8825
const EXIF_POINTER_TAG = 0x8769
/** IFD0: a DNG camera's serial number. */
const IFD0_IDENTIFYING = new Set([0xc62f])
/** Exif IFD: camera owner (0xa430), body serial (0xa431), lens serial (0xa435), and the maker note (0x927c). */
const EXIF_IDENTIFYING = new Set([0xa430, 0xa431, 0xa435, 0x927c])
const MAKER_NOTE_TAG = 0x927c
/** Apple's maker note holds no serial, but the camera's acceleration (which way it faced): kept. */
const APPLE_MAKER_NOTE = 'Apple iOS\0'
const ENTRY = 12
/** Bytes per value of each TIFF field type (1–13); an unknown type is taken as one byte. */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4]

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  start + length <= bytes.length ? String.fromCharCode(...bytes.subarray(start, start + length)) : ''

const EXIF_PREFIX = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]
const hasExifPrefix = (bytes: Uint8Array, at: number) =>
  at + EXIF_PREFIX.length <= bytes.length && EXIF_PREFIX.every((b, i) => bytes[at + i] === b)

/** Whether a TIFF header ("II*\0" or "MM\0*") starts at `at`. */
const isTiffHeader = (bytes: Uint8Array, at: number) =>
  at + 8 <= bytes.length &&
  ((bytes[at] === 0x49 && bytes[at + 1] === 0x49 && bytes[at + 2] === 0x2a && bytes[at + 3] === 0) ||
    (bytes[at] === 0x4d && bytes[at + 1] === 0x4d && bytes[at + 2] === 0 && bytes[at + 3] === 0x2a))

/**
 * Blanks, in one TIFF block and in place: the GPS IFD (its entries, every value they point to and
 * the IFD itself become zeros, and IFD0's pointer to it reads 0, which readers take as "no GPS");
 * a DNG serial in IFD0; and in the Exif IFD the owner's name, the body and lens serials and a
 * maker note other than Apple's (makers keep the body serial there), their values zeroed under
 * their tags. Only IFD0, the GPS and the Exif IFD are read and no chain is followed, so a crafted
 * loop cannot hold it; anything pointing outside the block is clipped to it. Returns whether
 * anything was blanked.
 */
function blankTiff(tiff: Uint8Array): boolean {
  if (!isTiffHeader(tiff, 0)) return false
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength)
  const little = tiff[0] === 0x49
  const u16 = (at: number) => view.getUint16(at, little)
  const u32 = (at: number) => view.getUint32(at, little)
  const zero = (start: number, end: number) => {
    if (start < tiff.length && end > start) tiff.fill(0, start, Math.min(end, tiff.length))
  }
  const entriesOf = (ifd: number) =>
    ifd < 8 || ifd + 2 > tiff.length ? 0 : Math.min(u16(ifd), Math.floor((tiff.length - ifd - 2) / ENTRY))
  /** Zeroes one entry's value, inline or pointed to; true when it held anything. */
  const zeroValue = (entry: number) => {
    const size = (TYPE_SIZES[u16(entry + 2)] ?? 1) * u32(entry + 4)
    const [start, end] = size > 4 ? [u32(entry + 8), u32(entry + 8) + size] : [entry + 8, entry + 12]
    if (size > 4 && start < 8) return false
    const held = tiff.subarray(start, Math.min(end, tiff.length)).some((b) => b !== 0)
    zero(start, end)
    return held
  }

  const ifd0 = u32(4)
  let removed = false
  let exifIfd = 0
  for (let i = 0, count = entriesOf(ifd0); i < count; i++) {
    const entry = ifd0 + 2 + i * ENTRY
    const tag = u16(entry)
    if (tag === EXIF_POINTER_TAG) exifIfd = u32(entry + 8)
    if (IFD0_IDENTIFYING.has(tag)) removed = zeroValue(entry) || removed
    if (tag !== GPS_POINTER_TAG) continue
    const gps = u32(entry + 8)
    // A pointer already 0 (blanked before) names no position.
    if (gps === 0) continue
    zero(entry + 8, entry + 12)
    removed = true
    if (gps < 8 || gps + 2 > tiff.length) continue
    const count = u16(gps)
    for (let j = 0, inside = entriesOf(gps); j < inside; j++) zeroValue(gps + 2 + j * ENTRY)
    // The IFD's count, entries and next-IFD link, as far as they lie inside the block.
    zero(gps, gps + 2 + count * ENTRY + 4)
  }
  for (let i = 0, count = exifIfd === ifd0 ? 0 : entriesOf(exifIfd); i < count; i++) {
    const entry = exifIfd + 2 + i * ENTRY
    const tag = u16(entry)
    if (!EXIF_IDENTIFYING.has(tag)) continue
    if (tag === MAKER_NOTE_TAG && ascii(tiff, u32(entry + 8), APPLE_MAKER_NOTE.length) === APPLE_MAKER_NOTE) continue
    removed = zeroValue(entry) || removed
  }
  return removed
}

const segmentLength = (bytes: Uint8Array, at: number) => ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)

/** A block of metadata in a file, to blank in place: a TIFF (EXIF), an XMP packet, or a Photoshop APP13 payload. */
type Block = { kind: 'tiff' | 'xmp' | 'photoshop'; data: Uint8Array }

const XMP_PREFIXES = ['http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0']

/** The TIFF block of an APP1 "Exif\0\0" segment starting at `at`, bounded by the segment. */
function app1Tiff(bytes: Uint8Array, at: number): Uint8Array | null {
  if (bytes[at] !== 0xff || bytes[at + 1] !== 0xe1 || !hasExifPrefix(bytes, at + 4)) return null
  const end = Math.min(at + 2 + segmentLength(bytes, at), bytes.length)
  return isTiffHeader(bytes, at + 10) && at + 10 < end ? bytes.subarray(at + 10, end) : null
}

/** The metadata of one header segment starting at `at`: EXIF or XMP in APP1, Photoshop/IPTC in APP13. */
function jpegSegmentBlock(bytes: Uint8Array, at: number, length: number): Block | null {
  const marker = bytes[at + 1]
  const payload = bytes.subarray(at + 4, Math.min(at + 2 + length, bytes.length))
  if (marker === 0xed) return { kind: 'photoshop', data: payload }
  if (marker !== 0xe1) return null
  const tiff = app1Tiff(bytes, at)
  if (tiff) return { kind: 'tiff', data: tiff }
  const prefix = XMP_PREFIXES.find((p) => ascii(payload, 0, p.length) === p)
  return prefix ? { kind: 'xmp', data: payload.subarray(prefix.length) } : null
}

/**
 * Each JPEG metadata segment: those of the header, walked segment by segment up to the first
 * scan, then the EXIF of any picture stored after it (phones append a depth map or a second
 * picture, each with its own EXIF), found by its marker.
 */
function* jpegBlocks(bytes: Uint8Array): Generator<Block> {
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) break
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (marker === 0xda || marker === 0xd9) break
    const length = segmentLength(bytes, at)
    if (length < 2) break
    const block = jpegSegmentBlock(bytes, at, length)
    if (block) yield block
    at += 2 + length
  }
  for (let next = bytes.indexOf(0xe1, at + 1); next > 0; next = bytes.indexOf(0xe1, next + 1)) {
    const tiff = app1Tiff(bytes, next - 1)
    if (tiff) yield { kind: 'tiff', data: tiff }
  }
}

const PNG_XMP_KEYWORD = 'XML:com.adobe.xmp\0'

/** The uncompressed XMP text of a PNG iTXt chunk's data, or null (another keyword, or compressed). */
function pngXmp(data: Uint8Array): Uint8Array | null {
  if (ascii(data, 0, PNG_XMP_KEYWORD.length) !== PNG_XMP_KEYWORD) return null
  let at = PNG_XMP_KEYWORD.length
  if (data[at] !== 0) return null
  at += 2
  // The language tag and the translated keyword, each ending in a NUL.
  for (let nul = 0; nul < 2; nul++) {
    const end = data.indexOf(0, at)
    if (end < 0) return null
    at = end + 1
  }
  return data.subarray(at)
}

/** The PNG eXIf chunk and the XMP iTXt chunk; each chunk's CRC is rewritten once it is blanked. */
function* pngBlocks(bytes: Uint8Array): Generator<Block> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at)
    const type = ascii(bytes, at + 4, 4)
    const end = at + 8 + length
    if (end + 4 > bytes.length) return
    const data = bytes.subarray(at + 8, end)
    const xmp = type === 'iTXt' ? pngXmp(data) : null
    if (type === 'eXIf' || xmp) {
      yield type === 'eXIf' ? { kind: 'tiff', data } : { kind: 'xmp', data: xmp as Uint8Array }
      view.setUint32(end, crc32(bytes.subarray(at + 4, end)))
    }
    if (type === 'IEND') return
    at = end + 4
  }
}

/** The WebP RIFF "EXIF" chunk's TIFF block (some writers put "Exif\0\0" before it) and its "XMP " chunk. */
function* webpBlocks(bytes: Uint8Array): Generator<Block> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 12
  while (at + 8 <= bytes.length) {
    const size = view.getUint32(at + 4, true)
    const data = at + 8
    const end = Math.min(data + size, bytes.length)
    const type = ascii(bytes, at, 4)
    if (type === 'EXIF') yield { kind: 'tiff', data: bytes.subarray(hasExifPrefix(bytes, data) ? data + 6 : data, end) }
    if (type === 'XMP ') yield { kind: 'xmp', data: bytes.subarray(data, end) }
    at = data + size + (size % 2)
  }
}

/**
 * HEIC keeps EXIF as an item whose payload is "Exif\0\0" and a TIFF block; rather than walk the
 * item tables, every "Exif\0\0" followed by a TIFF header is taken, each to the end of the file
 * (the TIFF's own offsets say where its parts are), and every XMP packet by its text. One pass
 * over the file for each, no backtracking.
 */
function* heicBlocks(bytes: Uint8Array): Generator<Block> {
  for (let at = 0; at + 14 <= bytes.length; at++) {
    if (bytes[at] === 0x45 && hasExifPrefix(bytes, at) && isTiffHeader(bytes, at + 6)) {
      yield { kind: 'tiff', data: bytes.subarray(at + 6) }
      at += 13
    }
  }
  for (const xmp of xmpPackets(bytes)) yield { kind: 'xmp', data: xmp }
}

const BLOCKS: Record<PhotoFormat, (bytes: Uint8Array) => Generator<Block>> = {
  jpeg: jpegBlocks,
  png: pngBlocks,
  webp: webpBlocks,
  heic: heicBlocks,
}

/** Blanks one block in place; a Photoshop block's own EXIF and XMP copies are blanked too. */
function blankBlock(block: Block): boolean {
  if (block.kind === 'tiff') return blankTiff(block.data)
  if (block.kind === 'xmp') return blankXmp(block.data)
  const { iptcRemoved, tiffs, xmps } = photoshopBlocks(block.data)
  let removed = iptcRemoved
  for (const tiff of tiffs) removed = blankTiff(tiff) || removed
  for (const xmp of xmps) removed = blankXmp(xmp) || removed
  return removed
}

let crcTable: Uint32Array | null = null
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * The original with what places it or names its camera blanked, every other byte as it was: the
 * EXIF GPS block, serials and maker note; XMP location, GPS and serial properties; IPTC location
 * datasets. A photo's position then never travels in a backup or an archive. A file without any
 * comes back as it was. Blanking is deterministic, so the same file always gives the same bytes.
 * The blanking works on a copy: in `scratch` when given (at least the original's length, reused
 * from photo to photo by an export, since fresh memory costs more than copying into warm), the
 * answer then copied out of it only when something was blanked.
 */
export function stripLocation(original: Uint8Array, format: PhotoFormat, scratch?: Uint8Array): LocationStripped {
  const bytes = scratch ? scratch.subarray(0, original.byteLength) : new Uint8Array(original.byteLength)
  bytes.set(original)
  let removed = false
  // PNG's CRC is rewritten after each block is blanked, so each block is blanked as it is found.
  for (const block of BLOCKS[format](bytes)) removed = blankBlock(block) || removed
  const rebuilt = format === 'png' ? pngWithCompressedXmpBlanked(bytes) : null
  if (rebuilt) return { bytes: rebuilt, removed: true }
  if (!removed) return { bytes: original, removed }
  // A copy of its own out of the scratch (`new Uint8Array`, since a Buffer's `slice` is a view).
  return { bytes: scratch ? new Uint8Array(bytes) : bytes, removed }
}
