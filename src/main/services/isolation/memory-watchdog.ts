import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * The file a decode process's watchdog leaves in its job's folder before it kills the process
 * for memory, so the host refuses the job as `memory`, not as a crash. Spilled bytes are named
 * `<hex>.bin`, so a job's own files never take this name.
 */
const MEMORY_MARK = 'stopped-for-memory'

/** Whether the process that ran the job in `dir` was killed by its own watchdog for memory. */
export const stoppedForMemory = (dir: string): Promise<boolean> =>
  fs.promises.access(path.join(dir, MEMORY_MARK)).then(
    () => true,
    () => false,
  )

/** How often the watchdog reads the process's resident memory, as the host reads it from /proc. */
const WATCH_MS = 25

type WatchOrder = { limitBytes: number; mark: string } | null

/**
 * Runs in a thread of its own, so it reads and acts while the process's main thread is held by
 * synchronous work (inflating, validating): past the limit it writes the mark, then kills the
 * whole process at once. Handed to the thread as source, so it names only globals.
 */
function watch(): void {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads')
  const fs = process.getBuiltinModule('node:fs')
  let order: WatchOrder = null
  parentPort?.on('message', (next: WatchOrder) => {
    order = next
  })
  setInterval(
    () => {
      if (!order || process.memoryUsage.rss() <= order.limitBytes) return
      try {
        fs.writeFileSync(order.mark, 'memory')
      } finally {
        // Killed even when the mark cannot be written (its folder already gone): a crash, then.
        process.kill(process.pid, 'SIGKILL')
      }
    },
    (workerData as { everyMs: number }).everyMs,
  )
}

export interface MemoryWatchdog {
  /** Kills this process once its resident memory grows more than `budgetMb` above its idle figure while the job in `dir` runs. */
  arm(budgetMb: number, dir: string): void
  /** Between jobs: nothing is watched. */
  disarm(): void
}

/**
 * A decode process's own memory limit, which holds wherever Node runs: the host reads the
 * process's resident set from /proc on Linux and from Electron's metrics in the desktop app, but
 * a Node child on macOS or Windows has no such reading from outside. Call once the decoders are
 * loaded: the resident memory then is the idle figure a job's growth is counted from.
 */
export async function startMemoryWatchdog(): Promise<MemoryWatchdog> {
  const thread = new Worker(`(${watch.toString()})()`, { eval: true, workerData: { everyMs: WATCH_MS } })
  await once(thread, 'online')
  // The process ends when its host lets it go, whatever its watchdog does.
  thread.unref()
  const idleBytes = process.memoryUsage.rss()
  return {
    arm: (budgetMb, dir) =>
      thread.postMessage({
        limitBytes: idleBytes + budgetMb * 1024 * 1024,
        mark: path.join(dir, MEMORY_MARK),
      } satisfies WatchOrder),
    disarm: () => thread.postMessage(null satisfies WatchOrder),
  }
}
