import type { BridgeResult } from '../../shared/bridge/errors'
import type { Dispatch } from '../bridge/dispatch'

/** Calls that take the database away from under every other: nothing else runs meanwhile. */
const SWITCHING_CALLS = new Set<unknown>(['backups.restore', 'database.startEmpty'])

export interface CallGate {
  dispatch: Dispatch
  /** Resolves once no call is running. */
  drained(): Promise<void>
}

/**
 * Lets calls through to `handle`, except while a switching call (a restore, an empty start) waits
 * for those in flight and runs alone: then every other call is refused as `unavailable`.
 */
export function createCallGate(options: {
  handle: Dispatch
  /** Before a call that is let through runs. */
  beforeCall(): void
  /** A call's answer, before it is returned. */
  answered(name: unknown, answer: BridgeResult<unknown>): void
  /** After each call that was let through, answered or thrown. */
  afterCall(): void
}): CallGate {
  let switching = false
  const inFlight = new Set<Promise<unknown>>()
  return {
    async dispatch(name, input, call) {
      if (switching)
        return {
          ok: false,
          error: { code: 'unavailable', message: 'Stipple is restoring its database; try again in a moment.' },
        }
      options.beforeCall()
      const switches = SWITCHING_CALLS.has(name)
      if (switches) {
        switching = true
        await Promise.allSettled(inFlight)
      }
      const running = options.handle(name, input, call)
      inFlight.add(running)
      try {
        const answer = await running
        options.answered(name, answer)
        return answer
      } finally {
        inFlight.delete(running)
        if (switches) switching = false
        options.afterCall()
      }
    },
    async drained() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
  }
}
