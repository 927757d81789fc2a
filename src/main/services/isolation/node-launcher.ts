import { fork } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtEntry, RESOLVE_SOURCE_IMPORTS, SOURCE_EXEC_ARGV } from '../../workers/entry-files'
import type { DecodeLauncher, DecodeReply } from './decode-launcher'
import { withHugePages } from './huge-pages'

const here = path.dirname(fileURLToPath(import.meta.url))
const fromSource = import.meta.url.endsWith('.ts')

/** The decode process's entry: decode-child.js beside the main bundle, or its source under the test runner. */
export const decodeChildEntry = (): string =>
  fromSource ? path.join(here, 'decode-child.ts') : builtEntry(here, 'decode-child')

/**
 * Linux tells any process's resident set in /proc; elsewhere there is no reading from outside,
 * and the child's own watchdog holds its memory limit alone.
 */
export async function residentBytesFromProc(pid: number | undefined): Promise<number | null> {
  if (pid === undefined || process.platform !== 'linux') return null
  try {
    const status = await fs.promises.readFile(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1]
    return kb === undefined ? null : Number(kb) * 1024
  } catch {
    return null
  }
}

/**
 * Decode processes as Node children of this process (the web harness, tests): `child_process.fork`.
 * `residentBytesOf` reads a child's resident memory from outside (a test hands one that cannot).
 */
export const createNodeLauncher = (
  residentBytesOf: (pid: number | undefined) => Promise<number | null> = residentBytesFromProc,
): DecodeLauncher => ({
  launch({ heapMb, onReply, onExit }) {
    const heap = `--max-old-space-size=${heapMb}`
    const env = withHugePages(process.env)
    const child = fromSource
      ? fork(decodeChildEntry(), {
          execArgv: [
            ...SOURCE_EXEC_ARGV,
            '--import',
            `data:text/javascript,${encodeURIComponent(RESOLVE_SOURCE_IMPORTS)}`,
            heap,
          ],
          env,
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        })
      : fork(decodeChildEntry(), {
          execArgv: [heap],
          env,
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        })
    child.on('message', (reply: DecodeReply) => onReply(reply))
    child.once('exit', onExit)
    // A failed spawn is also an exit: the host refuses the job as a crash.
    child.once('error', () => child.exitCode === null && child.signalCode === null && onExit())
    return {
      send: (request) => child.send(request),
      residentBytes: () => residentBytesOf(child.pid),
      kill: () => child.kill('SIGKILL'),
      hold(held) {
        if (held) {
          child.ref()
          child.channel?.ref()
        } else {
          child.unref()
          child.channel?.unref()
        }
      },
    }
  },
})

export const nodeLauncher = createNodeLauncher()
