import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Bytes of another file: `length` of them from `offset` (a photo inside a received archive). */
export interface FileRange {
  path: string
  offset: number
  length: number
}

/**
 * A range is copied through one buffer this large, reused: reading a 60 MB photo into memory of
 * its own first costs the fresh memory (on some machines 3 ms a megabyte, four times the copy).
 */
const COPY_CHUNK_BYTES = 1024 * 1024

/**
 * Temp file beside the target, fsync, rename: a crash leaves the old state or the whole new
 * file, never half of one, and a failed write leaves no temp file behind.
 */
async function atomically(target: string, fill: (handle: fs.promises.FileHandle) => Promise<void>): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await fs.promises.open(temp, 'wx')
  try {
    try {
      await fill(handle)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.promises.rename(temp, target)
  } catch (error) {
    await fs.promises.rm(temp, { force: true })
    throw error
  }
}

export const writeAtomically = (target: string, bytes: Uint8Array): Promise<void> =>
  atomically(target, (handle) => handle.writeFile(bytes))

/** `writeAtomically` of another file's range, copied a chunk at a time; a source shorter than the range is an error. */
export const copyRangeAtomically = (target: string, from: FileRange): Promise<void> =>
  atomically(target, async (out) => {
    const source = await fs.promises.open(from.path, 'r')
    try {
      const chunk = Buffer.allocUnsafe(Math.min(COPY_CHUNK_BYTES, from.length))
      for (let at = 0; at < from.length; ) {
        const { bytesRead } = await source.read(
          chunk,
          0,
          Math.min(chunk.byteLength, from.length - at),
          from.offset + at,
        )
        if (bytesRead === 0) throw new Error(`${from.path} ended before the range to copy`)
        // Written from the handle's position on, whole, however many writes that takes.
        await out.writeFile(chunk.subarray(0, bytesRead))
        at += bytesRead
      }
    } finally {
      await source.close()
    }
  })
