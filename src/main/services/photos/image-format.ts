import type { PhotoFormat } from '../../../shared/photos/photo-fields'

export type Sniffed = { format: PhotoFormat } | { unsupported: string } | null

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)))

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])

function isoBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0)
  const brands = [ascii(bytes, 8, 12)]
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length, 256); at += 4) brands.push(ascii(bytes, at, at + 4))
  return brands
}

/**
 * What the bytes are, from their signature; the name and the MIME type the renderer reports
 * are never trusted. Names the common image formats Stipple does not take, so the message
 * can say which.
 */
export function sniffImageFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg' }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png' }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { format: 'webp' }
  const brands = isoBrands(bytes)
  if (brands) {
    if (brands.some((b) => b === 'avif' || b === 'avis')) return { unsupported: 'AVIF' }
    if (brands.some((b) => HEIF_BRANDS.has(b))) return { format: 'heic' }
    return { unsupported: 'a video or MP4 container' }
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return { unsupported: 'GIF' }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { unsupported: 'TIFF or camera RAW' }
  if (ascii(bytes, 0, 2) === 'BM') return { unsupported: 'BMP' }
  if (ascii(bytes, 0, 5) === '%PDF-') return { unsupported: 'PDF' }
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    return { unsupported: 'JPEG XL' }
  return null
}
