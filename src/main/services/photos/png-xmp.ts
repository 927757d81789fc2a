import { crc32, deflateSync, inflateSync } from 'node:zlib'
import { concatBytes } from '../../../shared/files/concat-bytes'
import { blankXmp } from './xmp-location'

const KEYWORD = 'XML:com.adobe.xmp\0'
/** An XMP packet is small; anything that inflates past this is not one, and is left as it is. */
const MAX_XMP_BYTES = 16 * 1024 * 1024

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, Math.min(start + length, bytes.length)))

/**
 * Where a compressed XMP chunk's deflate stream starts: a zTXt chunk (keyword, method) or an iTXt
 * chunk with its compression flag set (keyword, flag, method, language, translated keyword).
 */
function compressedXmpStart(type: string, data: Uint8Array): number | null {
  if (ascii(data, 0, KEYWORD.length) !== KEYWORD) return null
  const at = KEYWORD.length
  if (type === 'zTXt') return data[at] === 0 ? at + 1 : null
  if (type !== 'iTXt' || data[at] !== 1 || data[at + 1] !== 0) return null
  let next = at + 2
  for (let nul = 0; nul < 2; nul++) {
    const end = data.indexOf(0, next)
    if (end < 0) return null
    next = end + 1
  }
  return next
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/**
 * A PNG whose compressed XMP chunk (libvips and others write XMP as zTXt) had location or serial
 * properties: the chunk inflated, blanked as any XMP, deflated again, every other chunk byte for
 * byte. Its length changes, unlike the in-place blanking elsewhere, since a deflate stream cannot
 * be edited in place. Null when there was none to blank.
 */
export function pngWithCompressedXmpBlanked(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const parts: Uint8Array[] = [bytes.subarray(0, 8)]
  let removed = false
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at)
    const type = ascii(bytes, at + 4, 4)
    const end = at + 8 + length
    if (end + 4 > bytes.length) break
    const data = bytes.subarray(at + 8, end)
    const start = type === 'zTXt' || type === 'iTXt' ? compressedXmpStart(type, data) : null
    let replaced: Uint8Array | null = null
    if (start !== null) {
      try {
        const xmp = new Uint8Array(inflateSync(data.subarray(start), { maxOutputLength: MAX_XMP_BYTES }))
        if (blankXmp(xmp)) {
          const head = data.subarray(0, start)
          const deflated = deflateSync(xmp)
          const body = new Uint8Array(head.length + deflated.length)
          body.set(head)
          body.set(deflated, head.length)
          replaced = chunk(type, body)
        }
      } catch {
        // Not a deflate stream, or too large to be XMP: the chunk stays as it was.
      }
    }
    parts.push(replaced ?? bytes.subarray(at, end + 4))
    removed = removed || replaced !== null
    at = end + 4
    if (type === 'IEND') break
  }
  if (!removed) return null
  parts.push(bytes.subarray(at))
  return concatBytes(parts)
}
