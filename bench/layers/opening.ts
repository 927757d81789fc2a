import { dotCacheKey, openDotCache, sceneIndexKey } from '../../src/renderer/src/features/simulation/dot-cache'
import type { DotWorkerLike } from '../../src/renderer/src/features/simulation/dot-renderer'
import DotWorker from '../../src/renderer/src/features/simulation/dot-worker?worker&inline'
import type { SimInput } from '../../src/shared/simulation/simulate'

/** A dot worker started now, as after the app restarts: nothing of a kept worker's in memory. */
export const freshWorker = (): DotWorkerLike => new DotWorker() as unknown as DotWorkerLike

/** Resolves once every zone of `input`, and its drawing indexes, can be read from the dot cache in IndexedDB. */
export async function inDotCache(input: SimInput, timeoutMs = 30_000): Promise<void> {
  const keys = input.zones.map((zone) => dotCacheKey(zone, input.sessions, input.seedKey, input.jitter))
  const indexKey = sceneIndexKey(
    keys,
    input.sessions.map((session) => session.id),
  )
  const until = performance.now() + timeoutMs
  while (performance.now() < until) {
    // A cache opened afresh each time: one reads the store's ids once, when it opens.
    const cache = openDotCache()
    const found = await Promise.all(keys.map((key) => cache.get(key)))
    if (found.every((result) => result !== null) && (await cache.getIndexes(indexKey))) return
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

/**
 * Deletes every scene's stored drawing indexes from the app's dot cache, leaving the zones' dots:
 * an opening then reads the zones and indexes them, as before the indexes were stored.
 */
export async function forgetIndexes(): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('stipple-dots')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  const transaction = db.transaction(['dots', 'meta'], 'readwrite')
  const cursor = transaction.objectStore('dots').openCursor()
  cursor.onsuccess = () => {
    const at = cursor.result
    if (!at) return
    if ('indexes' in (at.value as object)) {
      at.delete()
      transaction.objectStore('meta').delete(at.primaryKey)
    }
    at.continue()
  }
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onerror = () => reject(transaction.error)
  })
  db.close()
}
