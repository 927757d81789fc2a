import {
  type SimSession,
  type SimZone,
  type ZoneSimulation,
  zoneCacheKey,
} from '../../../../shared/simulation/simulate'
import { type PackedIndexes, packIndexes, type SceneIndexes, unpackIndexes } from './stored-indexes'

/**
 * Sampled dots kept between openings of a photo, per zone, in the renderer's IndexedDB (the
 * same in Electron and the web harness; typed arrays are stored as they are, no encoding). An
 * entry is found by a hash of everything that decides the zone's dots (`zoneCacheKey`: outline,
 * edges, the zones over it, each session's density and dot size there, the seed and the jitter,
 * so the calibration and the settings through the px figures they give) and is used only when
 * its full key matches: a change to any of them misses. The store is bounded, the least recently
 * used zones going first, and every failure (no IndexedDB, quota, a corrupt entry) is a miss:
 * the zone is sampled as if there were no cache.
 * The worker's own zone results are the in-memory level: it keeps the current scene's zones
 * while it lives, and this cache serves a new worker (a photo opened again, a picture made for
 * a file) and an outline edited back.
 * Beside the zones, a scene's drawing indexes are kept under the keys of all its zones and its
 * sessions' order (`sceneIndexKey`): a photo opened after a restart draws from them at once, and
 * reads its zones' dots (which an edit needs) after.
 */

/**
 * Bump when the sampler's output for the same key changes (a new algorithm) or what is stored
 * does, so older entries are never read: they miss, and age out of the store.
 * 2: scenes' drawing indexes are stored beside the zones.
 */
export const DOTS_VERSION = 2

/** About a hundred full designs of 100,000 dots per session: disk, not memory. */
export const DOT_CACHE_MAX_BYTES = 512 * 1024 * 1024

const DOTS = 'dots'
const META = 'meta'

/**
 * A zone's result as stored: its dots' x, y and r as blobs (one copy to write, where
 * IndexedDB's own serialising of large arrays cost the worker as much as a raster; read
 * straight into the arrays), the rest as it is.
 */
type StoredResult = Omit<ZoneSimulation, 'x' | 'y' | 'r'> & { count: number; x: Blob; y: Blob; r: Blob }

/** A zone's dots (`result`) or a scene's drawing indexes (`indexes`). */
type DotEntry = {
  id: string
  /** The full key, compared on every read: the hash only finds the entry. */
  source: string
} & ({ result: StoredResult } | { indexes: PackedIndexes })

interface MetaEntry {
  id: string
  bytes: number
  usedAt: number
}

export interface DotCache {
  /** The zone's cached dots, or null on a miss or any failure. */
  get(key: string): Promise<ZoneSimulation | null>
  /**
   * Stores results (copied now, so the caller may hand their buffers on at once); resolves when
   * written, or silently when they could not be.
   */
  put(entries: readonly { key: string; result: ZoneSimulation }[]): Promise<void>
  /** The scene's drawing indexes, or null on a miss or any failure. */
  getIndexes(key: string): Promise<SceneIndexes | null>
  /** Stores a scene's drawing indexes (copied now); resolves when written, or silently when they could not be. */
  putIndexes(key: string, scene: SceneIndexes): Promise<void>
}

/** Everything a zone's dots depend on, with the cache's version: the key to `get` and `put` under. */
export function dotCacheKey(zone: SimZone, sessions: readonly SimSession[], seedKey: string, jitter: number): string {
  return `${DOTS_VERSION}\u0000${zoneCacheKey(zone, sessions, seedKey, jitter)}`
}

/** The key of a scene's drawing indexes: its zones' keys (`dotCacheKey`, in order) and its sessions, in order. */
export function sceneIndexKey(zoneKeys: readonly string[], sessionIds: readonly string[]): string {
  return `${DOTS_VERSION}\u0000indexes\u0000${JSON.stringify([sessionIds, zoneKeys])}`
}

const requestDone = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

const transactionDone = (transaction: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onerror = () => reject(transaction.error)
    transaction.onabort = () => reject(transaction.error)
  })

async function digest(key: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Digests of the keys asked for lately: a write follows the read of the same keys. */
const DIGESTS_KEPT = 256

const ARRAYS = ['x', 'y', 'r'] as const

/** What a stored result must be to be drawn: anything else is treated as corrupt. */
function isWhole(result: unknown): result is ZoneSimulation {
  if (typeof result !== 'object' || result === null) return false
  const r = result as Partial<ZoneSimulation>
  if (!ARRAYS.every((k) => r[k] instanceof Float32Array)) return false
  const n = (r.x as Float32Array).length
  if (!ARRAYS.every((k) => (r[k] as Float32Array).length === n)) return false
  if (!(r.stageEnds instanceof Int32Array) || !(r.stageTargets instanceof Int32Array)) return false
  if (!Array.isArray(r.sessionIds) || r.sessionIds.length !== r.stageEnds.length) return false
  if (r.stageEnds.length > 0 && r.stageEnds[r.stageEnds.length - 1] !== n) return false
  return typeof r.zoneId === 'string' && typeof r.units === 'object' && r.units !== null
}

/** The dots' arrays are never on shared memory. */
const blobOf = (floats: Float32Array) => new Blob([floats as Float32Array<ArrayBuffer>])

/** Copied now: the dots into blobs, the rest (a few KB) cloned, so the caller may hand the buffers on at once. */
function toStored(result: ZoneSimulation): StoredResult {
  const { x, y, r, ...rest } = result
  return { ...structuredClone(rest), count: x.length, x: blobOf(x), y: blobOf(y), r: blobOf(r) }
}

/** The stored result as drawn, or null when it is not whole. */
async function fromStored(stored: unknown): Promise<ZoneSimulation | null> {
  if (typeof stored !== 'object' || stored === null) return null
  const { count, x, y, r, ...rest } = stored as Partial<StoredResult>
  const blobs = [x, y, r]
  if (typeof count !== 'number' || !blobs.every((b) => b instanceof Blob && b.size === 4 * count)) return null
  const [xs, ys, rs] = await Promise.all(blobs.map(async (b) => new Float32Array(await (b as Blob).arrayBuffer())))
  const result = { ...rest, x: xs, y: ys, r: rs }
  return isWhole(result) ? result : null
}

const indexBytes = (scene: SceneIndexes) =>
  scene.indexes.reduce(
    (sum, i) => sum + i.x.byteLength + i.y.byteLength + i.r.byteLength + i.zone.byteLength + i.cellStart.byteLength,
    0,
  )

const bytesOf = (result: ZoneSimulation) =>
  result.x.byteLength +
  result.y.byteLength +
  result.r.byteLength +
  result.units.rects.byteLength +
  result.units.starts.byteLength +
  result.units.counts.byteLength +
  result.units.targets.byteLength

export function openDotCache(
  options: { name?: string; maxBytes?: number; factory?: IDBFactory | null } = {},
): DotCache {
  const name = options.name ?? 'stipple-dots'
  const maxBytes = options.maxBytes ?? DOT_CACHE_MAX_BYTES
  const factory = options.factory === undefined ? globalThis.indexedDB : options.factory
  let opened: Promise<IDBDatabase | null> | null = null
  /**
   * The ids stored, read once when the store opens and kept up to date by this cache's writes:
   * a zone never stored misses without a transaction, so a sampling never waits behind the
   * write of the dots sampled before it. Another worker's writes since are missed (sampled).
   */
  let stored = new Set<string>()
  let db: IDBDatabase | null = null
  const digests = new Map<string, string>()

  const database = (): Promise<IDBDatabase | null> => {
    opened ??= (async () => {
      if (!factory || !globalThis.crypto?.subtle) return null
      const request = factory.open(name, 1)
      request.onupgradeneeded = () => {
        const created = request.result
        created.createObjectStore(DOTS, { keyPath: 'id' })
        created.createObjectStore(META, { keyPath: 'id' }).createIndex('usedAt', 'usedAt')
      }
      const ready = await requestDone(request)
      const ids = await requestDone(ready.transaction(META, 'readonly').objectStore(META).getAllKeys())
      stored = new Set(ids.map(String))
      db = ready
      return ready
    })().catch(() => null)
    return opened
  }

  async function idOf(key: string): Promise<string> {
    const known = digests.get(key)
    if (known) return known
    const id = await digest(key)
    if (digests.size >= DIGESTS_KEPT) digests.clear()
    digests.set(key, id)
    return id
  }

  function write(into: IDBDatabase, records: readonly (DotEntry & { bytes: number })[]): Promise<void> {
    const usedAt = Date.now()
    const transaction = into.transaction([DOTS, META], 'readwrite', { durability: 'relaxed' })
    for (const { bytes, ...record } of records) {
      transaction.objectStore(DOTS).put(record satisfies DotEntry)
      transaction.objectStore(META).put({ id: record.id, bytes, usedAt } satisfies MetaEntry)
      stored.add(record.id)
    }
    return transactionDone(transaction)
  }

  async function drop(db: IDBDatabase, id: string): Promise<void> {
    const transaction = db.transaction([DOTS, META], 'readwrite')
    transaction.objectStore(DOTS).delete(id)
    transaction.objectStore(META).delete(id)
    stored.delete(id)
    await transactionDone(transaction)
  }

  /** Deletes the least recently used entries until the store is within its bound. */
  async function evict(db: IDBDatabase): Promise<void> {
    const read = db.transaction(META, 'readonly')
    const metas = await requestDone(read.objectStore(META).index('usedAt').getAll() as IDBRequest<MetaEntry[]>)
    let total = metas.reduce((sum, m) => sum + m.bytes, 0)
    const doomed: string[] = []
    for (const meta of metas) {
      if (total <= maxBytes) break
      total -= meta.bytes
      doomed.push(meta.id)
    }
    if (doomed.length === 0) return
    const transaction = db.transaction([DOTS, META], 'readwrite')
    for (const id of doomed) {
      stored.delete(id)
      transaction.objectStore(DOTS).delete(id)
      transaction.objectStore(META).delete(id)
    }
    await transactionDone(transaction)
  }

  // Opened now, not at the first read: a worker starts before its photo's scene comes, and
  // the store's ids are then known by the time it asks for the photo's zones.
  void database()

  /** The entry stored under `key` as `decode` makes it, or null; a corrupt entry is dropped. */
  async function read<T>(
    key: string,
    decode: (entry: DotEntry) => Promise<T | null>,
    bytes: (value: T) => number,
  ): Promise<T | null> {
    try {
      const db = await database()
      if (!db) return null
      const id = await idOf(key)
      if (!stored.has(id)) return null
      const entry = await requestDone(
        db.transaction(DOTS, 'readonly').objectStore(DOTS).get(id) as IDBRequest<DotEntry | undefined>,
      )
      if (!entry) return null
      const value = entry.source === key ? await decode(entry).catch(() => null) : null
      if (!value) {
        await drop(db, id).catch(() => undefined)
        return null
      }
      const touch = db.transaction(META, 'readwrite', { durability: 'relaxed' })
      touch.objectStore(META).put({ id, bytes: bytes(value), usedAt: Date.now() } satisfies MetaEntry)
      transactionDone(touch).catch(() => undefined)
      return value
    } catch {
      return null
    }
  }

  /**
   * Writes the records `make` gives (called at once, so it copies what the caller may hand on),
   * then evicts; silent on failure.
   */
  async function store(make: () => (Omit<DotEntry, 'id'> & { bytes: number })[]): Promise<void> {
    try {
      const records = make()
      if (records.length === 0) return
      const known = records.map(({ source }) => digests.get(source))
      // The keys were just read: the transaction starts now, before a worker closed once its
      // dots are drawn could lose it.
      const into = db && known.every((id) => id !== undefined) ? db : await database()
      if (!into) return
      const ids = await Promise.all(records.map(({ source }, k) => known[k] ?? idOf(source)))
      await write(
        into,
        records.map((record, k) => ({ ...record, id: ids[k] as string }) as DotEntry & { bytes: number }),
      )
      await evict(into)
    } catch {
      // A full disk or a refused write only means the zone is sampled again next time.
    }
  }

  return {
    get: (key) => read(key, (entry) => ('result' in entry ? fromStored(entry.result) : Promise.resolve(null)), bytesOf),

    put: (entries) =>
      store(() =>
        entries.map(({ key, result }) => ({ source: key, result: toStored(result), bytes: bytesOf(result) })),
      ),

    getIndexes: (key) =>
      read(key, (entry) => ('indexes' in entry ? unpackIndexes(entry.indexes) : Promise.resolve(null)), indexBytes),

    putIndexes: (key, scene) => store(() => [{ source: key, indexes: packIndexes(scene), bytes: indexBytes(scene) }]),
  }
}
