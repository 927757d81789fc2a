import type { DecodeJobName } from '../../workers/decode-jobs'
import type { CarriedError } from '../../workers/worker-errors'

/** What the host sends a decode process: one job, its byte arrays spilled to files in `dir`. */
export interface DecodeRequest {
  id: number
  name: DecodeJobName
  input: unknown
  /** The job's own folder: where its inputs are and its outputs go. */
  dir: string
  /** How far the process's resident memory may grow above its idle figure while this job runs. */
  memoryBudgetMb: number
}

/**
 * What a decode process sends back: that it is ready, how far a job has got, what a job tells
 * before its answer (an archive's records once proven), or a job's answer (byte arrays spilled to files).
 */
export type DecodeReply =
  | { ready: true }
  | { id: number; progress: number }
  | { id: number; told: unknown }
  | ({ id: number } & ({ ok: true; value: unknown } | { ok: false; error: CarriedError }))

/** One decode process, however it was started. */
export interface DecodeProcess {
  send(request: DecodeRequest): void
  /** Its resident memory in bytes as the OS counts it (native buffers too), or null where that cannot be read. */
  residentBytes(): Promise<number | null>
  /** Ends it at once; `onExit` follows. */
  kill(): void
  /** Whether it keeps this process alive: while it works, yes; idle, it never holds main open. */
  hold(held: boolean): void
}

/**
 * Starts decode processes: `child_process.fork` under Node (the web harness, tests), Electron's
 * `utilityProcess` in the desktop app, where the RunAsNode fuse is off and forking the app's own
 * binary would start the app again.
 */
export interface DecodeLauncher {
  launch(options: {
    /** V8's heap limit in the process (`--max-old-space-size`). */
    heapMb: number
    onReply: (reply: DecodeReply) => void
    onExit: () => void
  }): DecodeProcess
}
