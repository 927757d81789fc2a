import { dotCacheKey, openDotCache } from '../../src/renderer/src/features/simulation/dot-cache'
import type { DotWorkerLike } from '../../src/renderer/src/features/simulation/dot-renderer'
import DotWorker from '../../src/renderer/src/features/simulation/dot-worker?worker&inline'
import type { SimInput } from '../../src/shared/simulation/simulate'

/** A dot worker started now, as after the app restarts: nothing of a kept worker's in memory. */
export const freshWorker = (): DotWorkerLike => new DotWorker() as unknown as DotWorkerLike

/** Resolves once every zone of `input` can be read from the dot cache in IndexedDB. */
export async function inDotCache(input: SimInput, timeoutMs = 30_000): Promise<void> {
  const keys = input.zones.map((zone) => dotCacheKey(zone, input.sessions, input.seedKey, input.jitter))
  const until = performance.now() + timeoutMs
  while (performance.now() < until) {
    // A cache opened afresh each time: one reads the store's ids once, when it opens.
    const cache = openDotCache()
    const found = await Promise.all(keys.map((key) => cache.get(key)))
    if (found.every((result) => result !== null)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('The dots never reached the dot cache.')
}

/**
 * A dot worker as the app holds one from its start: running, its script and store opened,
 * and no dots. Resolves once it has answered a first (empty) scene.
 */
export function startedWorker(): Promise<DotWorkerLike> {
  const worker = freshWorker()
  return new Promise((resolve) => {
    worker.onmessage = (event) => {
      if (event.data.type !== 'dots') return
      worker.onmessage = null
      resolve(worker)
    }
    worker.postMessage({ type: 'scene', input: null })
  })
}
