import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Byte arrays cross between main and a decode process as files in the job's folder, named in the
 * message as `{ $file }`: written and read by libuv's threads, so a 100 MB photo costs main's
 * event loop no copy and no serialisation, whatever the transport (a pipe, Electron's ports). A
 * job may also answer with a file it wrote in its folder, named the same way.
 */
export type Spilled = { $file: string }

const isSpilled = (value: unknown): value is Spilled =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  typeof (value as { $file?: unknown }).$file === 'string'

/** `value` with every byte array written to a file in `dir` and replaced by its name. */
export async function spill(value: unknown, dir: string): Promise<unknown> {
  if (value instanceof Uint8Array) {
    const file = path.join(dir, `${randomBytes(8).toString('hex')}.bin`)
    await fs.promises.writeFile(file, value, { flag: 'wx' })
    return { $file: file } satisfies Spilled
  }
  if (Array.isArray(value)) return Promise.all(value.map((each) => spill(each, dir)))
  if (typeof value !== 'object' || value === null) return value
  const entries = await Promise.all(Object.entries(value).map(async ([key, each]) => [key, await spill(each, dir)]))
  return Object.fromEntries(entries)
}

/** `value` with each spilled file read back; a name outside `dir` is refused, whoever wrote the message. */
export async function unspill(value: unknown, dir: string): Promise<unknown> {
  if (isSpilled(value)) {
    const file = path.resolve(value.$file)
    if (path.dirname(file) !== path.resolve(dir)) throw new Error('A decode message named a file outside its job')
    return fs.promises.readFile(file)
  }
  if (Array.isArray(value)) return Promise.all(value.map((each) => unspill(each, dir)))
  if (typeof value !== 'object' || value === null) return value
  const entries = await Promise.all(Object.entries(value).map(async ([key, each]) => [key, await unspill(each, dir)]))
  return Object.fromEntries(entries)
}
