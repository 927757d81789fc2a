import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Temp file beside the target, fsync, rename: a crash leaves the old state or the whole new
 * file, never half of one, and a failed write leaves no temp file behind.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true })
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await fs.promises.open(temp, 'wx')
  try {
    try {
      await handle.writeFile(bytes)
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
