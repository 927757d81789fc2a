import type { PhotoFormat } from '../../../shared/photos/photo-fields'

/** The original to store: the same length as the file, differing from it only where a GPS block was. */
export interface LocationStripped {
  bytes: Uint8Array
  /** Whether the file named a GPS block, now blanked. */
  removed: boolean
}

const GPS_POINTER_TAG = 0x8825
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
 * Blanks the GPS IFD of one TIFF block in place: its entries, every value they point to and the
 * IFD itself become zeros, and IFD0's pointer to it reads 0 (which readers take as "no GPS").
 * Only IFD0 and the GPS IFD are read and no chain is followed, so a crafted loop cannot hold it;
 * anything pointing outside the block is clipped to it. Returns whether a GPS pointer was found.
 */
function blankGps(tiff: Uint8Array): boolean {
  if (!isTiffHeader(tiff, 0)) return false
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength)
  const little = tiff[0] === 0x49
  const u16 = (at: number) => view.getUint16(at, little)
  const u32 = (at: number) => view.getUint32(at, little)
  const zero = (start: number, end: number) => {
    if (start < tiff.length && end > start) tiff.fill(0, start, Math.min(end, tiff.length))
  }

  const ifd0 = u32(4)
  if (ifd0 < 8 || ifd0 + 2 > tiff.length) return false
  const entries = Math.min(u16(ifd0), Math.floor((tiff.length - ifd0 - 2) / ENTRY))
  let removed = false
  for (let i = 0; i < entries; i++) {
    const entry = ifd0 + 2 + i * ENTRY
    if (u16(entry) !== GPS_POINTER_TAG) continue
    const gps = u32(entry + 8)
    zero(entry + 8, entry + 12)
    removed = true
    if (gps < 8 || gps + 2 > tiff.length) continue
    const count = u16(gps)
    const inside = Math.min(count, Math.floor((tiff.length - gps - 2) / ENTRY))
    for (let j = 0; j < inside; j++) {
      const field = gps + 2 + j * ENTRY
      const size = (TYPE_SIZES[u16(field + 2)] ?? 1) * u32(field + 4)
      if (size > 4) {
        const at = u32(field + 8)
        if (at >= 8) zero(at, at + size)
      }
    }
    // The IFD's count, entries and next-IFD link, as far as they lie inside the block.
    zero(gps, gps + 2 + count * ENTRY + 4)
  }
  return removed
}

const segmentLength = (bytes: Uint8Array, at: number) => ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)

/** The TIFF block of an APP1 "Exif\0\0" segment starting at `at`, bounded by the segment. */
function app1Tiff(bytes: Uint8Array, at: number): Uint8Array | null {
  if (bytes[at] !== 0xff || bytes[at + 1] !== 0xe1 || !hasExifPrefix(bytes, at + 4)) return null
  const end = Math.min(at + 2 + segmentLength(bytes, at), bytes.length)
  return isTiffHeader(bytes, at + 10) && at + 10 < end ? bytes.subarray(at + 10, end) : null
}

/**
 * Each JPEG APP1 "Exif\0\0" segment's TIFF block: those of the header, walked segment by
 * segment up to the first scan, then those of any picture stored after it (phones append a
 * depth map or a second picture, each with its own EXIF), found by their marker.
 */
function* jpegTiffs(bytes: Uint8Array): Generator<Uint8Array> {
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
    const tiff = app1Tiff(bytes, at)
    if (tiff) yield tiff
    at += 2 + length
  }
  for (let next = bytes.indexOf(0xe1, at + 1); next > 0; next = bytes.indexOf(0xe1, next + 1)) {
    const tiff = app1Tiff(bytes, next - 1)
    if (tiff) yield tiff
  }
}

/** The PNG eXIf chunk's data and where its CRC is. */
function* pngTiffs(bytes: Uint8Array): Generator<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at)
    const type = ascii(bytes, at + 4, 4)
    const end = at + 8 + length
    if (end + 4 > bytes.length) return
    if (type === 'eXIf') {
      const data = bytes.subarray(at + 8, end)
      yield data
      view.setUint32(end, crc32(bytes.subarray(at + 4, end)))
    }
    if (type === 'IEND') return
    at = end + 4
  }
}

/** The WebP RIFF "EXIF" chunk's TIFF block (some writers put "Exif\0\0" before it). */
function* webpTiffs(bytes: Uint8Array): Generator<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 12
  while (at + 8 <= bytes.length) {
    const size = view.getUint32(at + 4, true)
    const data = at + 8
    const end = Math.min(data + size, bytes.length)
    if (ascii(bytes, at, 4) === 'EXIF') yield bytes.subarray(hasExifPrefix(bytes, data) ? data + 6 : data, end)
    at = data + size + (size % 2)
  }
}

/**
 * HEIC keeps EXIF as an item whose payload is "Exif\0\0" and a TIFF block; rather than walk the
 * item tables, every "Exif\0\0" followed by a TIFF header is taken, each to the end of the file
 * (the TIFF's own offsets say where its parts are). One pass over the file, no backtracking.
 */
function* heicTiffs(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at + 14 <= bytes.length; at++) {
    if (bytes[at] === 0x45 && hasExifPrefix(bytes, at) && isTiffHeader(bytes, at + 6)) {
      yield bytes.subarray(at + 6)
      at += 13
    }
  }
}

const TIFFS: Record<PhotoFormat, (bytes: Uint8Array) => Generator<Uint8Array>> = {
  jpeg: jpegTiffs,
  png: pngTiffs,
  webp: webpTiffs,
  heic: heicTiffs,
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
 * The original with its EXIF GPS block blanked, every other byte as it was: a photo's position
 * then never travels in a backup or an archive. A file without one comes back as it was.
 */
export function stripLocation(original: Uint8Array, format: PhotoFormat): LocationStripped {
  const bytes = Uint8Array.from(original)
  let removed = false
  // PNG's CRC is rewritten after each block is blanked, so each block is blanked as it is found.
  for (const tiff of TIFFS[format](bytes)) removed = blankGps(tiff) || removed
  return removed ? { bytes, removed } : { bytes: original, removed }
}
