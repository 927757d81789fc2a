import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { builtEntry, RESOLVE_SOURCE_IMPORTS, SOURCE_EXEC_ARGV } from './entry-files'
import type { HeavyJobName, HeavyJobs } from './heavy-jobs'
import { createTurns } from './turns'
import { type CarriedError, revive } from './worker-errors'

/** Why a job's worker was stopped before it answered. */
export class HeavyWorkStopped extends Error {
  constructor(readonly reason: 'time' | 'memory' | 'crash') {
    super(`The worker was stopped (${reason}).`)
  }
}

export interface JobLimits {
  /** The job is stopped (its worker ended) after this long. */
  timeoutMs: number
}

type Answer = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: CarriedError })

const here = path.dirname(fileURLToPath(import.meta.url))
const fromSource = import.meta.url.endsWith('.ts')

const SOURCE_BOOT = `${RESOLVE_SOURCE_IMPORTS}
import(process.getBuiltinModule('node:worker_threads').workerData.entry)
`

/** V8's heap in each worker; SQLite's page cache is outside it. */
const WORKER_HEAP_MB = 448

/** A worker's modules load before its first job is timed; one that cannot start at all is a crash. */
const START_TIMEOUT_MS = 60_000

function startWorker(): Promise<Worker> {
  const worker = newWorker()
  return new Promise((resolve, reject) => {
    const fail = () => {
      clearTimeout(timer)
      worker.off('message', onReady)
      void worker.terminate()
      reject(new HeavyWorkStopped('crash'))
    }
    const onReady = (message: { ready?: boolean }) => {
      if (!message.ready) return
      clearTimeout(timer)
      worker.off('message', onReady)
      worker.off('error', fail)
      worker.off('exit', fail)
      resolve(worker)
    }
    const timer = setTimeout(fail, START_TIMEOUT_MS)
    worker.on('message', onReady)
    worker.once('error', fail)
    worker.once('exit', fail)
  })
}

function newWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 }
  if (fromSource)
    return new Worker(SOURCE_BOOT, {
      eval: true,
      execArgv: SOURCE_EXEC_ARGV,
      workerData: { entry: pathToFileURL(path.join(here, 'heavy-worker.ts')).href },
      resourceLimits,
    })
  return new Worker(builtEntry(here, 'heavy-worker'), { resourceLimits })
}

export type HeavyInput<N extends HeavyJobName> = Parameters<HeavyJobs[N]>[0]
export type HeavyOutput<N extends HeavyJobName> = Awaited<ReturnType<HeavyJobs[N]>>

export interface WorkerPool {
  run<N extends HeavyJobName>(name: N, input: HeavyInput<N>, limits: JobLimits): Promise<HeavyOutput<N>>
  /** Ends the idle workers (busy ones end with their job). */
  close(): Promise<void>
}

/**
 * At most `size` worker threads, each running one job at a time; later jobs wait their turn,
 * so three large files at once cost what one does. An idle worker is kept for the next job and
 * never keeps the process alive.
 */
export function createWorkerPool(size: number): WorkerPool {
  const idle: Worker[] = []
  const turns = createTurns(size)
  let nextId = 1

  const runOn = (worker: Worker, id: number, name: HeavyJobName, input: unknown, limits: JobLimits) =>
    new Promise<unknown>((resolve, reject) => {
      const done = (keep: boolean) => {
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        if (keep && idle.length < size) {
          worker.unref()
          idle.push(worker)
          // A worker that ends while idle (killed from outside) is never handed a job.
          worker.once('exit', () => idle.includes(worker) && idle.splice(idle.indexOf(worker), 1))
        } else void worker.terminate()
      }
      const onMessage = (answer: Answer) => {
        if (answer.id !== id) return
        done(true)
        if (answer.ok) resolve(answer.value)
        else reject(revive(answer.error))
      }
      const onError = (error: Error & { code?: string }) => {
        done(false)
        reject(new HeavyWorkStopped(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash'))
      }
      const onExit = () => {
        done(false)
        reject(new HeavyWorkStopped('crash'))
      }
      const timer = setTimeout(() => {
        done(false)
        reject(new HeavyWorkStopped('time'))
      }, limits.timeoutMs)
      worker.ref()
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      worker.postMessage({ id, name, input })
    })

  return {
    async run<N extends HeavyJobName>(name: N, input: HeavyInput<N>, limits: JobLimits): Promise<HeavyOutput<N>> {
      await turns.acquire()
      try {
        const reused = idle.pop()
        reused?.removeAllListeners('exit')
        const worker = reused ?? (await startWorker())
        const value: unknown = await runOn(worker, nextId++, name, input, limits)
        return value as HeavyOutput<N>
      } finally {
        turns.release()
      }
    },
    async close() {
      await Promise.all(idle.splice(0).map((worker) => worker.terminate()))
    },
  }
}

/** Whole-database checks (integrity, the audit chain): beside the decoding, never on main's loop. */
export const checkPool = createWorkerPool(1)
/** A whole-database check of a large practice's file takes seconds; one running for minutes is stuck. */
export const CHECK_TIMEOUT_MS = 5 * 60_000
