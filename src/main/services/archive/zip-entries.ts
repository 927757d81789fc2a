import zlib from 'node:zlib'

/** One entry of a zip's table of contents, as declared; nothing is inflated yet. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  /** The size the table declares: inflating is stopped the moment it would pass it. */
  size: number
  dataStart: number
}

/** The container itself is broken: its table of contents cannot be read. */
export class ZipUnreadable extends Error {}
/** One entry cannot be read as declared. */
export class ZipEntryUnreadable extends Error {}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const STORED = 0
const DEFLATED = 8

function findEndOfDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let at = view.byteLength - 22; at >= earliest; at--) if (view.getUint32(at, true) === EOCD) return at
  throw new ZipUnreadable('no end of central directory')
}

/**
 * Reads a zip's table of contents (no entry is inflated), refusing more than `maxEntries`
 * before reading them, and entries whose declared data lies outside the file. Zip64, encryption
 * and methods other than stored and deflate are not Stipple's and are refused.
 */
export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < 22) throw new ZipUnreadable('too short')
  const end = findEndOfDirectory(view)
  const count = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipUnreadable('zip64 is not supported')
  if (count > maxEntries) throw new ZipUnreadable(`it lists ${count} entries`)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const entries: ZipEntry[] = []
  let at = directoryOffset
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL)
      throw new ZipUnreadable('the central directory is cut short')
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localOffset = view.getUint32(at + 42, true)
    if (at + 46 + nameLength > bytes.byteLength) throw new ZipUnreadable('the central directory is cut short')
    let name: string
    try {
      name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    } catch {
      throw new ZipUnreadable('an entry name is not text')
    }
    if (flags & 1) throw new ZipEntryUnreadable(`${name} is encrypted`)
    if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL)
      throw new ZipUnreadable(`${name} has no local header`)
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true)
    if (dataStart + compressedSize > bytes.byteLength) throw new ZipUnreadable(`${name} runs past the end of the file`)
    entries.push({ name, method, compressedSize, size, dataStart })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * An entry's bytes. Deflated data goes through zlib with its output capped at the declared
 * size, so a stream that would inflate further is stopped there and refused, and no crafted
 * stream can run for long or grow without bound.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
  let content: Uint8Array
  if (entry.method === STORED) content = data
  else if (entry.method === DEFLATED) {
    try {
      content = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) })
    } catch (error) {
      const code = (error as { code?: string }).code
      throw new ZipEntryUnreadable(
        code === 'ERR_BUFFER_TOO_LARGE'
          ? 'it inflates to more than its declared size'
          : 'its compressed data is broken',
      )
    }
  } else throw new ZipEntryUnreadable(`it uses compression method ${entry.method}`)
  if (content.byteLength !== entry.size)
    throw new ZipEntryUnreadable('it is not the size its table of contents declares')
  return content
}
