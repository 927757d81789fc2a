import { type ChildProcess, fork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import type { ForkOptions, ProcessMetric } from 'electron'
import type { UtilityChild } from '../../../src/main/electron/utility-launcher'
import { RESOLVE_SOURCE_IMPORTS, SOURCE_EXEC_ARGV } from '../../../src/main/workers/entry-files'

/**
 * Electron's `utilityProcess` over Node's `child_process`, for the members the app uses (its
 * `UtilityChild`, picked from electron.d.ts): a real child runs the entry, so what a launcher does with it (messages, its
 * exit, a kill, its memory in `app.getAppMetrics()`) really happens. The child sees `process.send`
 * rather than Electron's `process.parentPort`.
 */
export class StandInUtilityProcess extends EventEmitter implements UtilityChild {
  /** Every utility process started and not yet exited, as `getAppMetrics` lists them. */
  static readonly running = new Set<StandInUtilityProcess>()
  /** What each fork was asked for, in order. */
  static readonly forks: { modulePath: string; options: ForkOptions }[] = []

  static fork(modulePath: string, args: string[] = [], options: ForkOptions = {}): StandInUtilityProcess {
    StandInUtilityProcess.forks.push({ modulePath, options })
    return new StandInUtilityProcess(modulePath, args, options)
  }

  private readonly child: ChildProcess
  private readonly created = Date.now()

  private constructor(modulePath: string, args: string[], options: ForkOptions) {
    super()
    // Sources under the test runner are TypeScript, as the worker pool loads them.
    const source = modulePath.endsWith('.ts')
      ? [...SOURCE_EXEC_ARGV, '--import', `data:text/javascript,${encodeURIComponent(RESOLVE_SOURCE_IMPORTS)}`]
      : []
    this.child = fork(modulePath, args, {
      execArgv: [...source, ...(options.execArgv ?? [])],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    StandInUtilityProcess.running.add(this)
    this.child.on('message', (message) => this.emit('message', message))
    this.child.once('exit', (code) => {
      StandInUtilityProcess.running.delete(this)
      this.emit('exit', code ?? 1)
    })
  }

  get pid(): number | undefined {
    return this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined
  }

  postMessage(message: unknown): void {
    this.child.send(message as Parameters<ChildProcess['send']>[0])
  }

  kill(): boolean {
    return this.child.kill('SIGTERM')
  }

  /** Its entry in `app.getAppMetrics()`, the working set read from /proc as Electron reads it from the OS. */
  metric(): ProcessMetric | null {
    const pid = this.pid
    if (pid === undefined) return null
    let kb = 0
    try {
      kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      return null
    }
    return {
      pid,
      type: 'Utility',
      serviceName: 'node.mojom.NodeService',
      creationTime: this.created,
      cpu: { percentCPUUsage: 0, cumulativeCPUUsage: 0, idleWakeupsPerSecond: 0 },
      memory: { workingSetSize: kb, peakWorkingSetSize: kb },
    }
  }
}

/** `app.getAppMetrics()` for the stand-in's utility processes. */
export const utilityMetrics = (): ProcessMetric[] =>
  [...StandInUtilityProcess.running].flatMap((each) => each.metric() ?? [])
