import os from 'node:os'
import { DECODE_JOBS } from '../../workers/decode-jobs'
import { carryError } from '../../workers/worker-errors'
import type { DecodeReply, DecodeRequest } from './decode-launcher'
import { startMemoryWatchdog } from './memory-watchdog'
import { spill, unspill } from './spilled-bytes'

/**
 * A decode process: runs one decode job at a time for main, which ends it when it passes its
 * memory budget or time limit. Started by `child_process.fork` (messages on `process`) or by
 * Electron's `utilityProcess` (messages on `process.parentPort`).
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: DecodeRequest }) => void): void
  postMessage(message: DecodeReply): void
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort
/** Main is gone (it quit while an archive shown for import was still being checked): no one is left to answer. */
const mainGone = () => process.exit(0)
// A failed send means main is gone; without a callback it would be thrown here as an 'error' event.
const reply = (message: DecodeReply) =>
  parentPort ? parentPort.postMessage(message) : process.send?.(message, (error: Error | null) => error && mainGone())

// Decoding is work the person waits for, not the window they work in: when the cores are busy
// the OS gives main and the window their turn first. Set before any thread of libuv's or libvips'
// starts (they inherit it; on Linux a priority is a thread's own). Where it cannot be lowered the
// process runs at the usual priority.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL)
} catch {}

// Its own limit beside the host's reading from outside, which some platforms lack; started
// before the idle figure is taken, so the thread's own memory counts as idle.
const watchdog = await startMemoryWatchdog()

async function run(request: DecodeRequest): Promise<void> {
  watchdog.arm(request.memoryBudgetMb, request.dir)
  try {
    const job = DECODE_JOBS[request.name] as (
      input: unknown,
      report: (percent: number) => void,
      dir: string,
      tell: (value: unknown) => void,
    ) => unknown
    const report = (percent: number) => reply({ id: request.id, progress: percent })
    const tell = (told: unknown) => reply({ id: request.id, told })
    const value = await job(await unspill(request.input, request.dir), report, request.dir, tell)
    reply({ id: request.id, ok: true, value: await spill(value, request.dir) })
  } catch (error) {
    reply({ id: request.id, ok: false, error: carryError(error) })
  } finally {
    watchdog.disarm()
  }
}

if (parentPort) parentPort.on('message', (event) => void run(event.data))
else if (process.send) {
  process.on('message', (request: DecodeRequest) => void run(request))
  process.on('disconnect', mainGone)
} else throw new Error('decode-child runs only as a child process')

// Jobs are timed from here: loading the decoders is not the job's time.
reply({ ready: true })
