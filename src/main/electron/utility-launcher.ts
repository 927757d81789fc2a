import type { App, ForkOptions, UtilityProcess } from 'electron'
import type { DecodeLauncher, DecodeReply } from '../services/isolation/decode-launcher'

/** A utility process as the launcher drives it (Electron's `UtilityProcess` is one). */
export interface UtilityChild extends Pick<UtilityProcess, 'postMessage' | 'kill' | 'pid'> {
  on(event: 'message', listener: (message: DecodeReply) => void): unknown
  once(event: 'exit', listener: (code: number) => void): unknown
}

/** The parts of `electron` the launcher uses, handed in so a test can drive it with a stand-in. */
export interface UtilityElectron {
  utilityProcess: { fork(modulePath: string, args: string[], options: ForkOptions): UtilityChild }
  app: Pick<App, 'getAppMetrics'>
}

/**
 * Decode processes in the desktop app: Electron's `utilityProcess`, since the RunAsNode fuse is
 * off and `child_process.fork` of the app's binary would start the app again. Their memory is
 * read from `app.getAppMetrics()` (the working set, on every platform). `entry` is the built
 * decode-child.js, looked up when the first process starts.
 */
export function createUtilityLauncher(electron: UtilityElectron, entry: () => string): DecodeLauncher {
  return {
    launch({ heapMb, onReply, onExit }) {
      const child = electron.utilityProcess.fork(entry(), [], {
        serviceName: 'Stipple decoder',
        execArgv: [`--max-old-space-size=${heapMb}`],
        stdio: 'inherit',
      })
      child.on('message', (reply: DecodeReply) => onReply(reply))
      child.once('exit', () => onExit())
      return {
        send: (request) => child.postMessage(request),
        async residentBytes() {
          const pid = child.pid
          const metric = pid === undefined ? undefined : electron.app.getAppMetrics().find((each) => each.pid === pid)
          // Electron gives kilobytes.
          return metric ? metric.memory.workingSetSize * 1024 : null
        },
        kill: () => child.kill(),
        // Electron's main process lives until the app quits, whatever its children do.
        hold: () => {},
      }
    },
  }
}
