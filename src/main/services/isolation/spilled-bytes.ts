import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { HeldFile } from '../../../shared/files/held-file'
import { secondName } from './held-files'

/**
 * Byte arrays cross between main and a decode process as files in the job's folder, named in the
 * message as `{ $file }`: written and read by libuv's threads, so a 100 MB photo costs main's
 * event loop no copy and no serialisation, whatever the transport (a pipe, Electron's ports). A
 * job may also answer with a file it wrote in its folder, named the same way.
 */
export type Spilled = { $file: string }

/**
 * Bytes a job reads from their file a range at a time (an archive), never whole: main sends
 * `{ byFile: bytes }`, the job gets `{ file }`, the name of the file in its folder they were
 * spilled to. Bytes main already holds in a file (`HeldFile`) are linked into the folder, not
 * written again (copied where a link cannot be made).
 */
export type ByFile = { byFile: Uint8Array | HeldFile } | { file: string }
type SpilledByFile = { $byFile: string }

const hasOnly = (value: unknown, key: string): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 1 && key in value

const isSpilled = (value: unknown): value is Spilled => hasOnly(value, '$file') && typeof value.$file === 'string'

/** `value` with every byte array written to a file in `dir` and replaced by its name. */
export async function spill(value: unknown, dir: string): Promise<unknown> {
  if (value instanceof Uint8Array) return { $file: await written(value, dir) } satisfies Spilled
  if (hasOnly(value, 'byFile') && value.byFile instanceof Uint8Array)
    return { $byFile: await written(value.byFile, dir) } satisfies SpilledByFile
  if (hasOnly(value, 'byFile') && value.byFile instanceof HeldFile)
    return { $byFile: await linked(value.byFile, dir) } satisfies SpilledByFile
  if (Array.isArray(value)) return Promise.all(value.map((each) => spill(each, dir)))
  if (typeof value !== 'object' || value === null) return value
  const entries = await Promise.all(Object.entries(value).map(async ([key, each]) => [key, await spill(each, dir)]))
  return Object.fromEntries(entries)
}

async function written(bytes: Uint8Array, dir: string) {
  const file = path.join(dir, `${randomBytes(8).toString('hex')}.bin`)
  await fs.promises.writeFile(file, bytes, { flag: 'wx' })
  return file
}

/** The held file in the job's folder: a second name for the same bytes, so main's own removal leaves the job its file. */
async function linked(held: HeldFile, dir: string) {
  const file = path.join(dir, `${randomBytes(8).toString('hex')}.bin`)
  await secondName(held, file)
  return file
}

function inJob(file: string, dir: string) {
  const resolved = path.resolve(file)
  if (path.dirname(resolved) !== path.resolve(dir)) throw new Error('A decode message named a file outside its job')
  return resolved
}

/** A job's answer as `unspill` gives it with `keep`: each byte array the file it was spilled to. */
export type Kept<T> = T extends Uint8Array ? HeldFile : T extends object ? { [K in keyof T]: Kept<T[K]> } : T

/**
 * `value` with each spilled file read back (a `ByFile` named); a name outside `dir` is refused,
 * whoever wrote the message. With `keep`, a spilled file is not read: it is named as a `HeldFile`
 * (valid until the job's folder goes), for bytes main only passes on to a file of their own.
 */
export async function unspill(value: unknown, dir: string, options: { keep?: boolean } = {}): Promise<unknown> {
  if (isSpilled(value)) {
    const file = inJob(value.$file, dir)
    return options.keep ? new HeldFile(file, (await fs.promises.stat(file)).size) : fs.promises.readFile(file)
  }
  if (hasOnly(value, '$byFile') && typeof value.$byFile === 'string')
    return { file: inJob(value.$byFile, dir) } satisfies ByFile
  if (Array.isArray(value)) return Promise.all(value.map((each) => unspill(each, dir, options)))
  if (typeof value !== 'object' || value === null) return value
  const entries = await Promise.all(
    Object.entries(value).map(async ([key, each]) => [key, await unspill(each, dir, options)]),
  )
  return Object.fromEntries(entries)
}
