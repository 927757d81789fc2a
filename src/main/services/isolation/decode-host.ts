import fs from 'node:fs'
import path from 'node:path'
import type { DecodeJobName, DecodeJobs } from '../../workers/decode-jobs'
import { createTurns } from '../../workers/turns'
import { revive } from '../../workers/worker-errors'
import { HeavyWorkStopped, type JobLimits } from '../../workers/worker-pool'
import type { DecodeLauncher, DecodeProcess, DecodeReply, DecodeRequest } from './decode-launcher'
import { stoppedForMemory } from './memory-watchdog'
import { makePrivateTempFolder } from './private-temp'
import { type Kept, type Spilled, spill, unspill } from './spilled-bytes'

export type DecodeInput<N extends DecodeJobName> = Parameters<DecodeJobs[N]>[0]
/** A job's answer as main gets it: a file the job wrote in its folder arrives as its bytes. */
export type DecodeOutput<N extends DecodeJobName> =
  Awaited<ReturnType<DecodeJobs[N]>> extends Spilled ? Buffer<ArrayBuffer> : Awaited<ReturnType<DecodeJobs[N]>>

export interface DecodeLimits extends JobLimits {
  /** Hears how far a job that reports it has got, in whole percent. */
  onProgress?(percent: number): void
  /** Hears what a job tells before its answer (an archive's records, once proven). */
  onTold?(value: unknown): void
  /**
   * Once aborted, the job is not wanted any more (an archive shown for import let go): if it is
   * running its process is ended at once, and the job rejects with the signal's reason.
   */
  signal?: AbortSignal
  /**
   * This job's own budget in place of the host's: for work over the app's own files whose size
   * is known beforehand (an export holds the patient's photos), never for a file from outside.
   */
  memoryBudgetMb?: number
}

/** Runs decode jobs in processes of their own, each ended when it passes its memory budget or time. */
export interface DecodeHost {
  run<N extends DecodeJobName>(name: N, input: DecodeInput<N>, limits: DecodeLimits): Promise<DecodeOutput<N>>
  /**
   * Runs a job whose answer main only passes on to files (an archive's remade copies, to store):
   * `use` gets each byte array of the answer as the file it was spilled to, never read into main,
   * and the job's folder goes once `use` settles. The next job need not wait for `use`.
   */
  runThen<N extends DecodeJobName, T>(
    name: N,
    input: DecodeInput<N>,
    limits: DecodeLimits,
    use: (output: Kept<DecodeOutput<N>>) => Promise<T>,
  ): Promise<T>
  /**
   * Starts a process for a job about to come (an archive still arriving), so the job does not
   * wait for its start; nothing when one is idle or starting, or a job is running.
   */
  prepare(): void
  /** Ends every decode process and removes the job folders. */
  close(): Promise<void>
}

export interface DecodeHostOptions {
  /** Chosen when a process starts, so the desktop shell can name Electron's launcher after this module loads. */
  launcher: () => DecodeLauncher
  /** At most this many processes, each running one job at a time; later jobs wait their turn. */
  size: number
  /** A process whose resident memory grows more than this above its idle figure is killed and its job refused as `memory`. */
  memoryBudgetMb: number
  /** V8's heap limit in each process (below the budget: the rest is for the decoders' native buffers). */
  heapMb: number
  /** After a job a process holding more than this is ended, so what it grew goes back to the OS. */
  keepBelowMb: number
  /** Where the job folders go (a fresh folder in the OS's temp folder when absent). */
  workDir?: string
}

/** How often a working process's memory is read: a 100 MP decode grows by ~100 MB in about this long. */
const WATCH_MS = 25
/** A process's modules load before its first job is timed; one that cannot start at all is a crash. */
const START_TIMEOUT_MS = 60_000
const MB = 1024 * 1024

type Answer = Exclude<DecodeReply, { ready: true } | { progress: number } | { told: unknown }>

interface Slot {
  process: DecodeProcess
  /** Called with the process's next reply, or null when it exits. */
  listener: ((reply: DecodeReply | null) => void) | null
  exited: Promise<void>
  gone: boolean
  /** Its resident memory once ready, before any job: what a job's growth is counted from. */
  idleBytes: number
}

/**
 * Decode processes with an OS-enforced memory limit: main watches each one's resident set (the
 * decoders' native buffers included, which a worker thread's heap limit never saw) and kills it
 * when it grows past the budget above its idle figure, or past its job's time, then refuses the
 * job as `HeavyWorkStopped`; the next job gets a fresh process. Where main cannot read that
 * memory (a Node child on macOS or Windows), the process's own watchdog holds the same budget and
 * leaves its reason in the job's folder. Byte arrays travel as files in a per-job folder, removed
 * after the job.
 */
export function createDecodeHost(options: DecodeHostOptions): DecodeHost {
  const idle: Slot[] = []
  const turns = createTurns(options.size)
  let nextId = 1
  let workDir: string | null = null
  let running = 0
  /** A process `prepare` started, until a job takes it or it joins the idle ones. */
  let ahead: Promise<Slot> | null = null
  const takeAhead = () => {
    const taken = ahead
    ahead = null
    return taken
  }

  const jobDir = async (id: number) => {
    if (!workDir) {
      // Photos are patient data: a job's files never outlive the app (`private-temp`).
      workDir = options.workDir ?? (await makePrivateTempFolder('decode'))
    }
    const dir = path.join(workDir, `job-${id}`)
    await fs.promises.mkdir(dir, { recursive: true })
    return dir
  }

  const start = (): Promise<Slot> =>
    new Promise((resolve, reject) => {
      let markExited = () => {}
      const slot: Slot = {
        listener: null,
        gone: false,
        idleBytes: 0,
        exited: new Promise((done) => {
          markExited = done
        }),
        process: options.launcher().launch({
          heapMb: options.heapMb,
          onReply: (reply) => slot.listener?.(reply),
          onExit: () => {
            if (slot.gone) return
            slot.gone = true
            markExited()
            const at = idle.indexOf(slot)
            if (at >= 0) idle.splice(at, 1)
            slot.listener?.(null)
          },
        }),
      }
      const timer = setTimeout(() => {
        slot.listener = null
        slot.process.kill()
        reject(new HeavyWorkStopped('crash'))
      }, START_TIMEOUT_MS)
      slot.listener = (reply) => {
        clearTimeout(timer)
        slot.listener = null
        if (reply && 'ready' in reply)
          void slot.process.residentBytes().then((bytes) => {
            slot.idleBytes = bytes ?? 0
            resolve(slot)
          })
        else {
          slot.process.kill()
          reject(new HeavyWorkStopped('crash'))
        }
      }
    })

  /** The process's answer to one job; rejects (the process killed) when it passes its budget or time, or dies. */
  const runOn = (slot: Slot, request: DecodeRequest, limits: DecodeLimits) =>
    new Promise<Answer>((resolve, reject) => {
      let settled = false
      const finish = () => {
        settled = true
        clearTimeout(timer)
        clearInterval(watch)
        limits.signal?.removeEventListener('abort', abandon)
        slot.listener = null
      }
      const abandon = () => {
        finish()
        slot.process.kill()
        reject(limits.signal?.reason)
      }
      const stop = (reason: HeavyWorkStopped['reason']) => {
        finish()
        slot.process.kill()
        reject(new HeavyWorkStopped(reason))
      }
      const watch = setInterval(async () => {
        const resident = await slot.process.residentBytes()
        if (!settled && resident !== null && resident - slot.idleBytes > request.memoryBudgetMb * MB) stop('memory')
      }, WATCH_MS)
      const timer = setTimeout(() => stop('time'), limits.timeoutMs)
      slot.listener = (reply) => {
        if (reply === null) {
          // A process that killed itself for memory says so in its job's folder.
          finish()
          void stoppedForMemory(request.dir).then((memory) => reject(new HeavyWorkStopped(memory ? 'memory' : 'crash')))
          return
        }
        if (!('id' in reply) || reply.id !== request.id) return
        if ('progress' in reply) {
          limits.onProgress?.(reply.progress)
          return
        }
        if ('told' in reply) {
          limits.onTold?.(reply.told)
          return
        }
        finish()
        resolve(reply)
      }
      if (slot.gone) return stop('crash')
      if (limits.signal?.aborted) return abandon()
      limits.signal?.addEventListener('abort', abandon, { once: true })
      slot.process.hold(true)
      slot.process.send(request)
    })

  /** Keeps a process that answered for the next job, unless it holds more memory than a fresh one would. */
  const keepOrEnd = async (slot: Slot) => {
    const resident = await slot.process.residentBytes()
    if (resident === null || resident > options.keepBelowMb * MB || idle.length >= options.size) {
      slot.process.kill()
      return
    }
    slot.process.hold(false)
    idle.push(slot)
  }

  /** Runs a job; `answered` takes its answer while the job's folder is still there. */
  async function runIn<T>(
    name: DecodeJobName,
    input: unknown,
    limits: DecodeLimits,
    answered: (value: unknown, dir: string) => Promise<T>,
  ): Promise<T> {
    await turns.acquire()
    running++
    let turnHeld = true
    const giveTurn = () => {
      if (!turnHeld) return
      turnHeld = false
      running--
      turns.release()
    }
    const id = nextId++
    let slot: Slot | null = null
    let dir: string | null = null
    try {
      // Let go while it waited its turn: nothing is started for it.
      limits.signal?.throwIfAborted()
      dir = await jobDir(id)
      // A fresh process loads its modules while the job's files are written (a large archive: a few hundred ms).
      const ready = Promise.resolve(idle.pop() ?? takeAhead() ?? start())
      // Awaited below; a start that fails meanwhile is not an unhandled rejection.
      ready.catch(() => {})
      let spilled: unknown
      try {
        spilled = await spill(input, dir)
      } catch (error) {
        void ready.then(keepOrEnd, () => {})
        throw error
      }
      const request: DecodeRequest = {
        id,
        name,
        input: spilled,
        dir,
        memoryBudgetMb: limits.memoryBudgetMb ?? options.memoryBudgetMb,
      }
      slot = await ready
      const answer = await runOn(slot, request, limits)
      await keepOrEnd(slot)
      slot = null
      if (!answer.ok) throw revive(answer.error)
      giveTurn()
      return await answered(answer.value, dir)
    } finally {
      // A killed process may still hold its job's files open until it is gone.
      if (slot) await Promise.race([slot.exited, new Promise((done) => setTimeout(done, 5000))])
      if (dir) await fs.promises.rm(dir, { recursive: true, force: true })
      giveTurn()
    }
  }

  return {
    run: <N extends DecodeJobName>(name: N, input: DecodeInput<N>, limits: DecodeLimits) =>
      runIn(name, input, limits, async (value, dir) => (await unspill(value, dir)) as DecodeOutput<N>),
    runThen: <N extends DecodeJobName, T>(
      name: N,
      input: DecodeInput<N>,
      limits: DecodeLimits,
      use: (output: Kept<DecodeOutput<N>>) => Promise<T>,
    ) =>
      runIn(name, input, limits, async (value, dir) =>
        use((await unspill(value, dir, { keep: true })) as Kept<DecodeOutput<N>>),
      ),
    prepare() {
      if (idle.length > 0 || ahead || running > 0) return
      const starting = start()
      ahead = starting
      starting.then(
        (slot) => {
          if (ahead !== starting) return
          ahead = null
          idle.push(slot)
        },
        () => {
          if (ahead === starting) ahead = null
        },
      )
    },
    async close() {
      takeAhead()?.then(
        (slot) => slot.process.kill(),
        () => {},
      )
      for (const slot of idle.splice(0)) slot.process.kill()
      if (workDir) await fs.promises.rm(workDir, { recursive: true, force: true })
      workDir = null
    },
  }
}
