import { describe, expect, it } from 'vitest'
import {
  DOTS_VERSION,
  dotCacheKey,
  openDotCache,
  sceneIndexKey,
} from '../../src/renderer/src/features/simulation/dot-cache'
import { DotRenderer, type DotWorkerLike, whenBaseDrawn } from '../../src/renderer/src/features/simulation/dot-renderer'
import DotWorker from '../../src/renderer/src/features/simulation/dot-worker?worker&inline'
import type { ZonedLayerStyle } from '../../src/renderer/src/features/simulation/layer-looks'
import { indexSessions } from '../../src/shared/simulation/layer-index'
import { type SimInput, type SimZone, simulateZone, zoneCacheKey } from '../../src/shared/simulation/simulate'

/** A plan's worth of inputs for one zone: two sessions over a 200 px square, at about 10 px/mm. */
const ZONE: SimZone = {
  id: 'frontal',
  polygon: [
    { x: 20, y: 20 },
    { x: 220, y: 20 },
    { x: 220, y: 220 },
    { x: 20, y: 220 },
  ],
  softnessPx: 20,
}
const SESSIONS: SimInput['sessions'] = [
  { id: 's1', dotDiameterPx: 2.5, treatments: [{ zoneId: 'frontal', densityPerPx2: 0.004 }] },
  { id: 's2', dotDiameterPx: 2.5, treatments: [{ zoneId: 'frontal', densityPerPx2: 0.003, dotDiameterPx: 1.4 }] },
]
const INPUT: SimInput = { seedKey: 'design-1', zones: [ZONE], sessions: SESSIONS, jitter: 0.15 }

let names = 0
/** A cache of its own per test, so no test reads another's entries. */
const freshCache = (options: { maxBytes?: number; factory?: IDBFactory | null } = {}) => {
  const name = `dot-cache-test-${Date.now()}-${names++}`
  return { name, cache: openDotCache({ name, ...options }) }
}

const keyOf = (input: SimInput, zone = input.zones[0] as SimZone) =>
  dotCacheKey(zone, input.sessions, input.seedKey, input.jitter)
const sampled = (input: SimInput, zone = input.zones[0] as SimZone) =>
  simulateZone(zone, input.sessions, input.seedKey, input.jitter)

const indexKeyOf = (input: SimInput) =>
  sceneIndexKey(
    input.zones.map((zone) => keyOf(input, zone)),
    input.sessions.map((session) => session.id),
  )

/** The store's id of a key, as the cache makes it. */
async function idOf(key: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Deletes the entries of `keys` from the app's dot cache, as if evicted. */
async function forget(keys: readonly string[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('stipple-dots')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  const transaction = db.transaction(['dots', 'meta'], 'readwrite')
  for (const id of await Promise.all(keys.map(idOf))) {
    transaction.objectStore('dots').delete(id)
    transaction.objectStore('meta').delete(id)
  }
  await new Promise<void>((resolve) => {
    transaction.oncomplete = () => resolve()
  })
  db.close()
}

const STYLES: ZonedLayerStyle[] = SESSIONS.map(() => ({
  visible: true,
  opacity: 1,
  zoneColours: Float32Array.from([0.1, 0.1, 0.1, 1]),
}))

/** The base tiles a renderer holds, drawn into one picture of the photo (drawn at scale 1). */
function pixelsOf(renderer: DotRenderer, width: number, height: number): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  for (const tile of renderer.store.getState().base.values())
    context.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
  return context.getImageData(0, 0, width, height).data
}

describe('the dot cache', () => {
  it('gives back identical dots for the same inputs, and misses when any input changes', async () => {
    const { cache } = freshCache()
    const result = sampled(INPUT)
    expect(result.x.length).toBeGreaterThan(100)
    await cache.put([{ key: keyOf(INPUT), result }])

    const hit = await cache.get(keyOf(INPUT))
    expect(hit).not.toBeNull()
    expect(Array.from(hit?.x ?? [])).toEqual(Array.from(result.x))
    expect(Array.from(hit?.y ?? [])).toEqual(Array.from(result.y))
    expect(Array.from(hit?.r ?? [])).toEqual(Array.from(result.r))
    expect(Array.from(hit?.stageEnds ?? [])).toEqual(Array.from(result.stageEnds))
    expect(hit?.sessionIds).toEqual(result.sessionIds)

    const moved = { ...ZONE, polygon: ZONE.polygon.map((p, i) => (i === 1 ? { x: p.x + 1, y: p.y } : p)) }
    const changes: SimInput[] = [
      { ...INPUT, zones: [moved] },
      { ...INPUT, zones: [{ ...ZONE, softnessPx: 21 }] },
      { ...INPUT, seedKey: 'design-2' },
      { ...INPUT, jitter: 0.2 },
      // A density, a dot size (the needle or the calibration), a session's place in the plan.
      {
        ...INPUT,
        sessions: [
          SESSIONS[0],
          { ...SESSIONS[1], treatments: [{ zoneId: 'frontal', densityPerPx2: 0.0031, dotDiameterPx: 1.4 }] },
        ],
      },
      {
        ...INPUT,
        sessions: [
          SESSIONS[0],
          { ...SESSIONS[1], treatments: [{ zoneId: 'frontal', densityPerPx2: 0.003, dotDiameterPx: 1.5 }] },
        ],
      },
      { ...INPUT, sessions: [{ ...SESSIONS[0], dotDiameterPx: 2.6 }, SESSIONS[1]] },
      { ...INPUT, sessions: [SESSIONS[1], SESSIONS[0]] },
    ] as SimInput[]
    for (const changed of changes) {
      expect(keyOf(changed)).not.toBe(keyOf(INPUT))
      expect(await cache.get(keyOf(changed))).toBeNull()
    }
    // A zone drawn over this one changes where its density applies.
    const covered: SimZone = { ...ZONE, above: [{ id: 'hairline', polygon: ZONE.polygon, softnessPx: 0 }] }
    expect(await cache.get(keyOf(INPUT, covered))).toBeNull()
    expect(await cache.get(keyOf(INPUT))).not.toBeNull()
  })

  it('never reads what an older version stored: its keys are not asked for', async () => {
    const { cache } = freshCache()
    const result = sampled(INPUT)
    const older = `${DOTS_VERSION - 1}\u0000${zoneCacheKey(ZONE, INPUT.sessions, INPUT.seedKey, INPUT.jitter)}`
    await cache.put([{ key: older, result }])
    expect(await cache.get(older)).not.toBeNull()
    expect(keyOf(INPUT)).not.toBe(older)
    expect(await cache.get(keyOf(INPUT))).toBeNull()
    // Nor is a zone's entry read as a scene's indexes.
    expect(await cache.getIndexes(older)).toBeNull()
  })

  it('stores a scene’s drawing indexes, given back only for the same zones and sessions in the same order', async () => {
    const { cache } = freshCache()
    const { layers, indexes } = indexSessions(INPUT.sessions, [sampled(INPUT)])
    await cache.putIndexes(indexKeyOf(INPUT), { layers, indexes, bytes: 1000 })
    const read = await cache.getIndexes(indexKeyOf(INPUT))
    expect(read?.bytes).toBe(1000)
    expect(read?.layers).toEqual(layers)
    expect(read?.indexes.map((index) => Array.from(index.x))).toEqual(indexes.map((index) => Array.from(index.x)))
    expect(read?.indexes.map((index) => Array.from(index.zone))).toEqual(indexes.map((index) => Array.from(index.zone)))
    for (const other of [
      { ...INPUT, seedKey: 'design-2' },
      { ...INPUT, sessions: [SESSIONS[1], SESSIONS[0]] },
      { ...INPUT, sessions: [SESSIONS[0]] },
    ] as SimInput[])
      expect(await cache.getIndexes(indexKeyOf(other))).toBeNull()
    expect(await cache.get(indexKeyOf(INPUT))).toBeNull()
  })

  it('draws a photo opened after a restart from its stored indexes, and an edit after it as if sampled', async () => {
    // A zone over three base tiles (512 px each); made smaller, its dots in the tiles it leaves
    // must go: only what the edit changed is redrawn, so the old dots must be known.
    const photo = { width: 1200, height: 240 }
    const wide = { ...ZONE, polygon: ZONE.polygon.map((p, i) => (i === 1 || i === 2 ? { ...p, x: 1150 } : p)) }
    const smaller = { ...ZONE, polygon: ZONE.polygon.map((p, i) => (i === 1 || i === 2 ? { ...p, x: 300 } : p)) }
    const input: SimInput = { ...INPUT, seedKey: `indexes-${Date.now()}`, zones: [wide] }
    const edited: SimInput = { ...input, zones: [smaller] }
    const open = () => new DotRenderer(photo, () => new DotWorker() as unknown as DotWorkerLike, { baseScale: 1 })
    async function show(
      renderer: DotRenderer,
      scene: SimInput,
    ): Promise<{ cached: number; pixels: Uint8ClampedArray }> {
      const drawn = whenBaseDrawn(renderer, 60_000)
      renderer.setStyles(STYLES)
      renderer.setScene(scene)
      await drawn
      return { cached: renderer.store.getState().cachedZones, pixels: pixelsOf(renderer, photo.width, photo.height) }
    }
    // Sampled: the pictures to match. Its worker stores the zone and the scene's indexes.
    const sampledOnce = open()
    const before = await show(sampledOnce, input)
    const after = await show(sampledOnce, edited)
    expect(before.cached).toBe(0)
    expect(sampledOnce.store.getState().base.size).toBe(3)
    expect(after.pixels).not.toEqual(before.pixels)
    sampledOnce.dispose()
    await expect.poll(() => openDotCache().getIndexes(indexKeyOf(input)), { timeout: 10_000 }).not.toBeNull()
    await expect.poll(() => openDotCache().get(keyOf(input)), { timeout: 10_000 }).not.toBeNull()

    // Restarted: drawn from the indexes; the edit then reads the zone's dots and redraws what changed.
    const restarted = open()
    const reopened = await show(restarted, input)
    expect(reopened.cached).toBe(1)
    expect(reopened.pixels).toEqual(before.pixels)
    expect((await show(restarted, edited)).pixels).toEqual(after.pixels)
    restarted.dispose()

    // The zone's dots gone from the cache (evicted), its indexes kept: the photo is still drawn
    // from them, without sampling, and the edit samples the zone and redraws it all.
    await forget([keyOf(input), keyOf(edited), indexKeyOf(edited)])
    const evicted = open()
    const fromIndexes = await show(evicted, input)
    expect(fromIndexes.cached).toBe(1)
    expect(fromIndexes.pixels).toEqual(before.pixels)
    expect((await show(evicted, edited)).pixels).toEqual(after.pixels)
    evicted.dispose()
  })

  it('keeps within its bound by dropping the least recently used zones', async () => {
    const one = sampled(INPUT)
    const bytes = one.x.byteLength * 3 + one.units.rects.byteLength * 4
    const { cache } = freshCache({ maxBytes: 2.5 * bytes })
    const inputs = ['a', 'b', 'c'].map((seedKey) => ({ ...INPUT, seedKey }))
    const [a, b, c] = inputs as [SimInput, SimInput, SimInput]
    await cache.put([{ key: keyOf(a), result: sampled(a) }])
    await new Promise((resolve) => setTimeout(resolve, 5))
    await cache.put([{ key: keyOf(b), result: sampled(b) }])
    await new Promise((resolve) => setTimeout(resolve, 5))
    // Reading a makes b the oldest.
    expect(await cache.get(keyOf(a))).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await cache.put([{ key: keyOf(c), result: sampled(c) }])
    expect(await cache.get(keyOf(b))).toBeNull()
    expect(await cache.get(keyOf(a))).not.toBeNull()
    expect(await cache.get(keyOf(c))).not.toBeNull()
  })

  it('treats a corrupt entry, a failing store or no store at all as a miss', async () => {
    const { name, cache } = freshCache()
    const key = keyOf(INPUT)
    await cache.put([{ key, result: sampled(INPUT) }])
    // Spoil the stored dots: their arrays no longer agree.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const entries = await new Promise<{ id: string; result: { y: Float32Array } }[]>((resolve) => {
      const request = db.transaction('dots').objectStore('dots').getAll()
      request.onsuccess = () => resolve(request.result)
    })
    expect(entries).toHaveLength(1)
    const spoiled = entries[0] as { id: string; result: { y: Float32Array } }
    spoiled.result.y = new Float32Array(3)
    await new Promise<void>((resolve) => {
      const transaction = db.transaction('dots', 'readwrite')
      transaction.objectStore('dots').put(spoiled)
      transaction.oncomplete = () => resolve()
    })
    db.close()
    expect(await cache.get(key)).toBeNull()
    // The corrupt entry is gone: a new write is read back whole.
    await cache.put([{ key, result: sampled(INPUT) }])
    expect((await cache.get(key))?.y.length).toBe(sampled(INPUT).y.length)

    const failing = {
      open: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      },
    } as unknown as IDBFactory
    for (const broken of [freshCache({ factory: failing }).cache, freshCache({ factory: null }).cache]) {
      await expect(broken.put([{ key, result: sampled(INPUT) }])).resolves.toBeUndefined()
      expect(await broken.get(key)).toBeNull()
    }
  })

  it('lets a photo opened again draw the dots it drew before without sampling them', async () => {
    const input: SimInput = { ...INPUT, seedKey: `reopened-${Date.now()}` }
    const styles: ZonedLayerStyle[] = SESSIONS.map(() => ({
      visible: true,
      opacity: 1,
      zoneColours: Float32Array.from([0.1, 0.1, 0.1, 1]),
    }))
    // A worker of its own each time, as for a photo opened long after: no kept worker's memory.
    const ownWorker = () => new DotWorker() as unknown as DotWorkerLike
    // A renderer left open keeps its worker, which stores the dots once idle; closing it ends the worker.
    const leftOpen: DotRenderer[] = []
    async function open(
      worker: 'own' | 'kept' = 'own',
      leaveOpen = false,
    ): Promise<{ counts: number[][]; cached: number; pixels: Uint8ClampedArray }> {
      const createWorker = worker === 'own' ? ownWorker : undefined
      const renderer = new DotRenderer({ width: 240, height: 240 }, createWorker, { baseScale: 1 })
      try {
        const drawn = whenBaseDrawn(renderer, 60_000)
        renderer.setStyles(styles)
        renderer.setScene(input)
        await drawn
        const canvas = new OffscreenCanvas(240, 240)
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
        for (const tile of renderer.store.getState().base.values())
          context.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
        return {
          counts: renderer.store.getState().counts.map((c) => c.counts),
          cached: renderer.store.getState().cachedZones,
          pixels: context.getImageData(0, 0, 240, 240).data,
        }
      } finally {
        if (leaveOpen) leftOpen.push(renderer)
        else renderer.dispose()
      }
    }
    const first = await open('own', true)
    expect(first.cached).toBe(0)
    // The first worker writes once idle, after its replies: give the write a moment to land.
    let second = await open()
    for (let tries = 0; second.cached === 0 && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      second = await open()
    }
    expect(second.cached).toBe(1)
    expect(second.counts).toEqual(first.counts)
    expect(second.pixels).toEqual(first.pixels)
    for (const renderer of leftOpen) renderer.dispose()

    // Closed and opened again at once: the kept worker still holds the dots, and draws them all.
    const kept = await open('kept')
    const again = await open('kept')
    expect(again.cached).toBe(0)
    expect(kept.counts).toEqual(first.counts)
    expect(again.counts).toEqual(first.counts)
    expect(again.pixels).toEqual(first.pixels)
  })
  it('stores a design shown once even when its photo is closed at once, while its worker is busy', async () => {
    const input: SimInput = { ...INPUT, seedKey: `closed-at-once-${Date.now()}` }
    const styles: ZonedLayerStyle[] = SESSIONS.map(() => ({
      visible: true,
      opacity: 1,
      zoneColours: Float32Array.from([0.1, 0.1, 0.1, 1]),
    }))
    const open = () => new DotRenderer({ width: 240, height: 240 }, () => new DotWorker() as unknown as DotWorkerLike)
    const shown = open()
    // Closed as soon as its dots are counted: the worker is still drawing them, and writes the
    // cache only once idle.
    const counted = new Promise<number[][]>((resolve, reject) => {
      const unsubscribe = shown.store.subscribe((state) => {
        if (state.error) reject(new Error(state.error))
        if (state.counts.length > 0) {
          unsubscribe()
          resolve(state.counts.map((c) => c.counts))
        }
      })
    })
    shown.setStyles(styles)
    shown.setScene(input)
    const counts = await counted
    expect(shown.store.getState().busy).toBe(true)
    shown.dispose()

    // The closing worker stores the dots before it ends: a cache opened afresh finds them.
    const key = keyOf(input)
    await expect.poll(() => openDotCache().get(key), { timeout: 10_000, interval: 50 }).not.toBeNull()
    const again = open()
    const drawn = whenBaseDrawn(again, 60_000)
    again.setStyles(styles)
    again.setScene(input)
    await drawn
    expect(again.store.getState().cachedZones).toBe(1)
    expect(again.store.getState().counts.map((c) => c.counts)).toEqual(counts)
    again.dispose()
  })
})
