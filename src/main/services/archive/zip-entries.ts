import { createHash } from 'node:crypto'
import fs from 'node:fs'
import zlib from 'node:zlib'

/**
 * A zip's bytes, read where they lie: in memory, or in a file read a range at a time, so opening
 * an archive holds its table of contents and one entry at once, never the whole file.
 */
export interface ZipSource {
  readonly byteLength: number
  /**
   * `length` bytes from `offset`, or fewer where the source ends. A source that must copy them
   * (a file) copies them into `into` when it is large enough, and returns a view of it.
   */
  read(offset: number, length: number, into?: Uint8Array): Uint8Array
}

export const bytesSource = (bytes: Uint8Array): ZipSource => ({
  byteLength: bytes.byteLength,
  read: (offset, length) => bytes.subarray(offset, offset + length),
})

/** A file already open (`fd`), read with positioned reads; its size is taken once, when opened. */
export function fileSource(fd: number): ZipSource {
  const byteLength = fs.fstatSync(fd).size
  return {
    byteLength,
    read(offset, length, into) {
      const size = Math.max(0, Math.min(length, byteLength - offset))
      const out = into && into.byteLength >= size ? into.subarray(0, size) : Buffer.allocUnsafe(size)
      for (let at = 0; at < out.byteLength; ) {
        const got = fs.readSync(fd, out, at, out.byteLength - at, offset + at)
        if (got === 0) return out.subarray(0, at)
        at += got
      }
      return out
    },
  }
}

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

/** A stored entry is hashed this much at a time. */
const DIGEST_SLICE_BYTES = 1024 * 1024

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** Compression method 0: the entry's bytes lie in the zip as they are. */
export const STORED = 0
const DEFLATED = 8

/** The end-of-central-directory record's offset within `tail`, the file's last bytes. */
function findEndOfDirectory(tail: DataView): number {
  for (let at = tail.byteLength - 22; at >= 0; at--) if (tail.getUint32(at, true) === EOCD) return at
  throw new ZipUnreadable('no end of central directory')
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/**
 * Reads a zip's table of contents (no entry is inflated), refusing more than `maxEntries`
 * before reading them, and entries whose declared data lies outside the file. Zip64, encryption
 * and methods other than stored and deflate are not Stipple's and are refused.
 */
export function listZipEntries(source: ZipSource, maxEntries: number): ZipEntry[] {
  if (source.byteLength < 22) throw new ZipUnreadable('too short')
  const tailStart = Math.max(0, source.byteLength - 22 - 0xffff)
  const tail = viewOf(source.read(tailStart, source.byteLength - tailStart))
  const end = findEndOfDirectory(tail)
  const count = tail.getUint16(end + 10, true)
  const directoryOffset = tail.getUint32(end + 16, true)
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipUnreadable('zip64 is not supported')
  if (count > maxEntries) throw new ZipUnreadable(`it lists ${count} entries`)
  // No more than `count` entries of the longest name, extra field and comment can take: one read, bounded.
  const directory = source.read(directoryOffset, count * (46 + 3 * 0xffff))
  const view = viewOf(directory)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const entries: ZipEntry[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.byteLength || view.getUint32(at, true) !== CENTRAL)
      throw new ZipUnreadable('the central directory is cut short')
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localOffset = view.getUint32(at + 42, true)
    if (at + 46 + nameLength > directory.byteLength) throw new ZipUnreadable('the central directory is cut short')
    let name: string
    try {
      name = decoder.decode(directory.subarray(at + 46, at + 46 + nameLength))
    } catch {
      throw new ZipUnreadable('an entry name is not text')
    }
    if (flags & 1) throw new ZipEntryUnreadable(`${name} is encrypted`)
    const local = localOffset + 30 <= source.byteLength ? viewOf(source.read(localOffset, 30)) : null
    if (!local || local.getUint32(0, true) !== LOCAL) throw new ZipUnreadable(`${name} has no local header`)
    const dataStart = localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true)
    if (dataStart + compressedSize > source.byteLength) throw new ZipUnreadable(`${name} runs past the end of the file`)
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
export function readZipEntry(source: ZipSource, entry: ZipEntry, into?: Uint8Array): Uint8Array {
  const data = source.read(entry.dataStart, entry.compressedSize, entry.method === STORED ? into : undefined)
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

/**
 * An entry's size and SHA-256, the same as of `readZipEntry`'s bytes: a stored entry (a photo) is
 * hashed a slice at a time, so proving a large archive never holds its photos; a deflated one is
 * inflated as `readZipEntry` does it. It yields the bytes each slice hashed, so a caller can let
 * other work run between slices (a photo's remake while the rest of an archive is proven).
 */
export function* digestZipEntryInSlices(
  source: ZipSource,
  entry: ZipEntry,
): Generator<number, { size: number; sha256: string }> {
  if (entry.method !== STORED) {
    const content = readZipEntry(source, entry)
    return { size: content.byteLength, sha256: createHash('sha256').update(content).digest('hex') }
  }
  if (entry.compressedSize !== entry.size)
    throw new ZipEntryUnreadable('it is not the size its table of contents declares')
  const hash = createHash('sha256')
  // Every slice of a file is read into one buffer: memory touched once, not once a slice.
  const slice = new Uint8Array(Math.min(DIGEST_SLICE_BYTES, entry.size))
  for (let at = 0; at < entry.size; at += DIGEST_SLICE_BYTES) {
    const length = Math.min(DIGEST_SLICE_BYTES, entry.size - at)
    hash.update(source.read(entry.dataStart + at, length, slice))
    yield length
  }
  return { size: entry.size, sha256: hash.digest('hex') }
}
