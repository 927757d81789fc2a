import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { HeldFile } from '../../../shared/files/held-file'
import { makePrivateTempFolder } from './private-temp'

/** A private folder for the files main holds bytes in (an upload received to disk, a copy of a chosen archive). */
export interface HeldFolder {
  /** A fresh name in the folder (made on first use) for a file to be written there. */
  newPath(): Promise<string>
  /** Removes the folder and whatever is still in it. */
  close(): Promise<void>
}

/**
 * `dir` names the folder (a test's); otherwise a fresh one in the OS's temp folder, where the
 * decode processes' job folders are too, so a held file is linked into a job rather than copied.
 */
export function createHeldFolder(options: { dir?: string } = {}): HeldFolder {
  let made: Promise<string> | null = null
  const folder = () => {
    made ??= (async () => {
      if (options.dir) {
        await fs.promises.mkdir(options.dir, { recursive: true, mode: 0o700 })
        return options.dir
      }
      // Archives are patient data: a held file never outlives the app (`private-temp`).
      return makePrivateTempFolder('held')
    })()
    return made
  }
  return {
    newPath: async () => path.join(await folder(), `${randomBytes(8).toString('hex')}.bin`),
    async close() {
      if (made) await fs.promises.rm(await made, { recursive: true, force: true })
      made = null
    },
  }
}

/**
 * `target` as a second name for a held file's bytes, so its holder's own removal leaves them
 * there; a copy, whole or absent, where no link can be made (another file system).
 */
export const secondName = (held: HeldFile, target: string) =>
  fs.promises.link(held.path, target).catch(() => fs.promises.copyFile(held.path, target, fs.constants.COPYFILE_EXCL))

/** Removes a held file once the call that held it has its answer (or its refusal). */
export const releaseHeld = (file: HeldFile | string) =>
  fs.promises.rm(typeof file === 'string' ? file : file.path, { force: true })
