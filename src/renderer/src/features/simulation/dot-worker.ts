/// <reference lib="webworker" />
import { DRAWN_REACH, FRESH_SCALE_MAX } from '../../../../shared/simulation/dot-coverage'
import { dotExtent, indexSessions, type LayerIndex } from '../../../../shared/simulation/layer-index'
import type { SimInput, ZoneSimulation } from '../../../../shared/simulation/simulate'
import { dotCacheKey, openDotCache, sceneIndexKey } from './dot-cache'
import type { ZonedLayerStyle } from './layer-looks'
import { DETAIL_MAX_PX, type ImageRect, type WorkerReply, type WorkerRequest } from './raster-protocol'
import { SamplerPool, type ZoneJob } from './sampler-pool'
import { TileDrawer, type TileJob } from './tile-raster'

/**
 * The dot worker: reads zones whose dots were sampled before from the dot cache and has the
 * others sampled by its pool of sampling workers (keeping each zone's dots until its outline,
 * densities or needle change, and handing the old dots to the next sampling of the zone so the
 * parts an edit did not touch are copied, not sampled), and rasterises them
 * into bitmaps, so the page never spends more than a message on them. Requests are coalesced:
 * while it works, only the newest scene and the newest raster of each kind are kept.
 * A scene whose drawing indexes are in the dot cache (a photo opened after a restart) is drawn
 * from them at once; its zones' dots are read once the worker is idle, or when an edit needs them.
 */

/** Base tiles, in base-bitmap pixels: a zone edit redraws only the tiles it touches. */
const TILE_PX = 512

const scope = self as unknown as DedicatedWorkerGlobalScope

let scene: SimInput | null = null
let zoneKeys: string[] = []
let zoneResults: ZoneSimulation[] = []
/** Per session, its dots bucketed for drawing tiles; the layers they were built from are not kept. */
let indexes: LayerIndex[] = []
/** The sessions the indexes were built for, and what the page was told of them. */
let layeredSessions: string[] = []
let lastDots: Extract<WorkerReply, { type: 'dots' }> | null = null
/** The dot-cache key of the scene the indexes were built or read for; '' when they are of no scene. */
let indexKey = ''
/** The key of the indexes last written to or read from the dot cache: those need no write. */
let storedIndexKey = ''
/** The indexes are an edit's: written only as the worker closes, not after every edit. */
let indexEdited = false
/** The zones of a scene drawn from its stored indexes, not yet read; null once read. */
let unreadZones: { keys: string[]; held: Map<string, ZoneSimulation> } | null = null
let readingZones: Promise<void> | null = null
/** Some of those zones were not in the cache: the next scene cannot tell what an edit changed. */
let zonesMissing = false
/** Image rectangles whose dots changed since the base was last drawn; 'all' after a change of look. */
let dirty: ImageRect[] | 'all' = 'all'
let baseStylesKey = ''

let nextScene: { input: SimInput | null } | null = null
let nextBase: Extract<WorkerRequest, { type: 'raster' }> | null = null
let nextDetail: Extract<WorkerRequest, { type: 'raster' }> | null = null
let queued = false
/** Zones sampled and not yet stored in the dot cache. */
let unwritten: { key: string; result: ZoneSimulation }[] = []
/** The last write to the dot cache, which closing waits for. */
let writing: Promise<void> = Promise.resolve()
let running = false
let closing = false
const pool = new SamplerPool()
const cache = openDotCache()
const drawer = new TileDrawer()

const post = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer)

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  if (request.type === 'close') {
    closing = true
    nextScene = null
    nextBase = null
    nextDetail = null
    // A sampling under way is of dots not yet shown: stopped, not finished, so it does not slow
    // the photo opened next. Dots sampled before it are still stored.
    pool.dispose('The photo was closed.')
    // Else the work under way closes the worker when it ends.
    if (!queued && !running) void close()
    return
  }
  if (request.type === 'scene') nextScene = { input: request.input }
  else if (request.target.kind === 'base') nextBase = request
  else nextDetail = request
  if (!queued && !running) {
    queued = true
    // Let messages already on their way arrive first, so a burst collapses to its last request.
    setTimeout(work, 0)
  }
}

async function work(): Promise<void> {
  queued = false
  running = true
  try {
    while (nextScene || nextBase || nextDetail) {
      if (nextScene) {
        const { input } = nextScene
        nextScene = null
        await applyScene(input)
        // A newer scene came while this one was sampled: its raster request is on its way too.
        if (nextScene) continue
      }
      if (nextBase) {
        const request = nextBase
        nextBase = null
        await drawBase(request)
      }
      if (nextDetail) {
        const request = nextDetail
        nextDetail = null
        await drawDetail(request)
      }
    }
    writeCache(false)
    // Idle: the dots behind the drawn indexes are read now, ready for an edit (which waits for them).
    if (!closing) void readZones()
  } catch (error) {
    // The zones' results may have gone to a sampler that failed: sample everything next time.
    zoneKeys = []
    zoneResults = []
    indexKey = ''
    post({ type: 'error', message: error instanceof Error ? error.message : 'The impressions could not be drawn.' })
  } finally {
    running = false
  }
  if (closing) await close()
}

/** Once the dots sampled are stored: a design shown once is read, not sampled, when opened again. */
async function close(): Promise<void> {
  writeCache(true)
  await writing
  scope.close()
}

/** The farthest a drawn dot reaches past its simulated radius: its stretch, soft edge and a fresh look's size. */
const LOOK_REACH = DRAWN_REACH * FRESH_SCALE_MAX

function boundsOf(result: ZoneSimulation): ImageRect | null {
  if (result.x.length === 0) return null
  const extent = dotExtent(result)
  const { minX, minY, maxX, maxY } = extent
  const reach = extent.maxRadius * LOOK_REACH
  return {
    x: minX - reach - 1,
    y: minY - reach - 1,
    width: maxX - minX + 2 * reach + 2,
    height: maxY - minY + 2 * reach + 2,
  }
}

function maxRadius(result: ZoneSimulation): number {
  let reach = 0
  for (let d = 0; d < result.r.length; d++) if ((result.r[d] as number) > reach) reach = result.r[d] as number
  return reach
}

/**
 * Where a zone's dots changed: the units an edit re-sampled (and those it dropped) when the
 * two results were cut alike, else everywhere the old or new dots lie. Read before the old
 * result is handed to a sampler.
 */
function changedRects(old: ZoneSimulation | undefined): (next: ZoneSimulation) => ImageRect[] {
  if (!old) return (next) => [boundsOf(next)].filter((r): r is ImageRect => r !== null)
  const oldBounds = boundsOf(old)
  const { params, keys } = old.units
  const oldRects = old.units.rects.slice()
  const oldReach = maxRadius(old) * LOOK_REACH
  return (next) => {
    if (next.units.params !== params) return [oldBounds, boundsOf(next)].filter((r): r is ImageRect => r !== null)
    const reach = Math.max(oldReach, maxRadius(next) * LOOK_REACH) + 1
    const rect = (rects: Float64Array, u: number): ImageRect => ({
      x: (rects[4 * u] as number) - reach,
      y: (rects[4 * u + 1] as number) - reach,
      width: (rects[4 * u + 2] as number) + 2 * reach,
      height: (rects[4 * u + 3] as number) + 2 * reach,
    })
    const oldKeys = new Set(keys)
    const newKeys = new Set(next.units.keys)
    return [
      ...next.units.keys.flatMap((key, u) => (oldKeys.has(key) ? [] : [rect(next.units.rects, u)])),
      ...keys.flatMap((key, u) => (newKeys.has(key) ? [] : [rect(oldRects, u)])),
    ]
  }
}

/**
 * Reads the zones of a scene drawn from its stored indexes (those still held are kept). When one
 * is missing, none is held: the next scene is then read or sampled whole and redrawn whole.
 */
function readZones(): Promise<void> {
  const unread = unreadZones
  if (!unread) return readingZones ?? Promise.resolve()
  unreadZones = null
  readingZones = (async () => {
    const results = await Promise.all(unread.keys.map((key) => unread.held.get(key) ?? cache.get(key)))
    zonesMissing = !results.every((result) => result !== null)
    if (!zonesMissing) {
      zoneKeys = unread.keys
      zoneResults = results as ZoneSimulation[]
    }
    readingZones = null
  })()
  return readingZones
}

/** Draws a scene from its stored indexes, if the dot cache has them; its zones are read later. */
async function openStoredIndexes(input: SimInput, keys: string[], started: number): Promise<boolean> {
  const key = sceneIndexKey(
    keys,
    input.sessions.map((session) => session.id),
  )
  const stored = await cache.getIndexes(key)
  if (!stored || closing) return false
  unreadZones = { keys, held: new Map(zoneResults.map((result, i) => [zoneKeys[i] as string, result])) }
  zoneKeys = []
  zoneResults = []
  indexes = stored.indexes
  indexKey = key
  storedIndexKey = key
  indexEdited = false
  dirty = 'all'
  layeredSessions = input.sessions.map((session) => session.id)
  lastDots = {
    type: 'dots',
    layers: stored.layers.map((layer) => ({
      sessionId: layer.sessionId,
      counts: Array.from(layer.zoneCounts),
      shortfall: layer.shortfall,
    })),
    bytes: stored.bytes,
    cached: keys.length,
    millis: performance.now() - started,
  }
  post(lastDots)
  return true
}

async function applyScene(input: SimInput | null): Promise<void> {
  const started = performance.now()
  // An edit needs the zones' dots behind the drawn ones.
  await readZones()
  const previousByKey = new Map(zoneResults.map((result, i) => [zoneKeys[i] as string, result]))
  const previousById = new Map(zoneResults.map((result) => [result.zoneId, result]))
  const sameZones =
    !zonesMissing &&
    scene !== null &&
    input !== null &&
    scene.zones.map((z) => z.id).join() === input.zones.map((z) => z.id).join()
  zonesMissing = false
  scene = input
  if (!input) {
    zoneKeys = []
    zoneResults = []
    indexes = []
    indexKey = ''
    lastDots = null
    dirty = 'all'
    post({ type: 'dots', layers: [], bytes: 0, cached: 0, millis: performance.now() - started })
    return
  }
  const keys = input.zones.map((zone) => dotCacheKey(zone, input.sessions, input.seedKey, input.jitter))
  const sessionIds = input.sessions.map((session) => session.id)
  if (keys.join('\u0001') === zoneKeys.join('\u0001') && sessionIds.join() === layeredSessions.join() && lastDots) {
    // The same dots as now held (a kept worker's photo opened again): layers and indexes stand.
    post({ ...lastDots, cached: 0, millis: performance.now() - started })
    return
  }
  // Another scene (not an edit of this one) is redrawn whole: its stored indexes serve as they are.
  if (!sameZones && (await openStoredIndexes(input, keys, started))) return
  if (closing) return
  const kept = new Set<ZoneSimulation>()
  const next: (ZoneSimulation | undefined)[] = keys.map((key) => {
    const result = previousByKey.get(key)
    if (result) kept.add(result)
    return result
  })
  const changed: ImageRect[] = []
  const stored = await Promise.all(keys.map((key, i) => (next[i] ? null : cache.get(key))))
  // Closed while the cache was read: a design not yet shown is not sampled for nobody.
  if (closing) return
  let cached = 0
  stored.forEach((result, i) => {
    if (!result) return
    cached += 1
    next[i] = result
    const old = previousById.get(result.zoneId)
    changed.push(...changedRects(sameZones ? old : undefined)(result))
  })
  // Each zone to sample gets its previous result (same id), unless that is kept as it is.
  const jobs: { index: number; job: ZoneJob; changes: (next: ZoneSimulation) => ImageRect[] }[] = []
  input.zones.forEach((zone, i) => {
    if (next[i]) return
    const old = previousById.get(zone.id)
    const previous = old && !kept.has(old) ? old : undefined
    if (previous) kept.add(previous)
    jobs.push({
      index: i,
      job: { zone, ...(previous && { previous }) },
      changes: changedRects(sameZones ? previous : undefined),
    })
  })
  zoneKeys = []
  zoneResults = []
  const sampled = await pool.sample(
    input,
    jobs.map((j) => j.job),
  )
  jobs.forEach(({ index, changes }, k) => {
    const result = sampled[k] as ZoneSimulation
    next[index] = result
    changed.push(...changes(result))
  })
  unwritten.push(...jobs.map(({ index }) => ({ key: keys[index] as string, result: next[index] as ZoneSimulation })))
  zoneKeys = keys
  zoneResults = next as ZoneSimulation[]
  // The old indexes' buffers are written over: new memory would cost more than the indexing.
  const built = indexSessions(input.sessions, zoneResults, indexes)
  const layers = built.layers
  indexes = built.indexes
  indexKey = sceneIndexKey(keys, sessionIds)
  indexEdited = sameZones
  if (!sameZones) dirty = 'all'
  else if (dirty !== 'all') dirty.push(...changed)
  // Every dot is held twice: in its zone's result (kept so an unchanged zone is not sampled
  // again) and in its layer's drawing index.
  const bytes =
    zoneResults.reduce((sum, r) => sum + r.x.byteLength + r.y.byteLength + r.r.byteLength, 0) +
    indexes.reduce(
      (sum, i) => sum + i.x.byteLength + i.y.byteLength + i.r.byteLength + i.zone.byteLength + i.cellStart.byteLength,
      0,
    )
  layeredSessions = sessionIds
  lastDots = {
    type: 'dots',
    layers: layers.map((layer) => ({
      sessionId: layer.sessionId,
      counts: Array.from(layer.zoneCounts),
      shortfall: layer.shortfall,
    })),
    bytes,
    cached,
    millis: performance.now() - started,
  }
  post(lastDots)
}

/**
 * Stores the zones sampled since the last write, once the dots asked for are drawn: storing
 * half a million dots costs the worker as much as a raster, so it never delays a reply.
 * Results handed on meanwhile (an edit's previous dots, transferred to a sampler) are dropped.
 * The scene's indexes are stored too, those of an edit only as the worker closes: each edit's
 * would fill the store with scenes never opened.
 */
function writeCache(closingNow: boolean): void {
  const entries = unwritten.filter(({ result }) => result.x.buffer.byteLength > 0)
  unwritten = []
  if (entries.length > 0) {
    const before = writing
    writing = cache.put(entries).then(() => before)
  }
  if (indexKey !== '' && indexKey !== storedIndexKey && (closingNow || !indexEdited)) {
    const before = writing
    const key = indexKey
    storedIndexKey = key
    writing = cache
      .putIndexes(key, {
        layers:
          lastDots?.layers.map(({ sessionId, counts, shortfall }) => ({
            sessionId,
            zoneCounts: Int32Array.from(counts),
            shortfall,
          })) ?? [],
        indexes,
        bytes: lastDots?.bytes ?? 0,
      })
      .then(() => before)
  }
}

const stylesKey = (styles: readonly ZonedLayerStyle[]) =>
  JSON.stringify(styles.map((s) => [s.visible, s.opacity, Array.from(s.zoneColours), s.look, s.zoneLooks]))

const overlaps = (a: ImageRect, b: ImageRect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function drawBase(request: Extract<WorkerRequest, { type: 'raster' }>): Promise<void> {
  if (request.target.kind !== 'base' || !scene) return
  const started = performance.now()
  const { scale, image } = request.target
  const key = stylesKey(request.styles)
  if (key !== baseStylesKey || request.target.redraw) dirty = 'all'
  baseStylesKey = key
  const width = Math.ceil(image.width * scale)
  const height = Math.ceil(image.height * scale)
  const jobs: TileJob[] = []
  for (let ty = 0; ty < height; ty += TILE_PX) {
    for (let tx = 0; tx < width; tx += TILE_PX) {
      const w = Math.min(TILE_PX, width - tx)
      const h = Math.min(TILE_PX, height - ty)
      const rect = { x: tx / scale, y: ty / scale, width: w / scale, height: h / scale }
      const changes = dirty
      if (changes !== 'all' && !changes.some((r) => overlaps(r, rect))) continue
      jobs.push({
        rect,
        view: { originX: tx / scale, originY: ty / scale, scale },
        width: w,
        height: h,
        blankAsPixel: true,
      })
    }
  }
  dirty = []
  const tiles = await drawer.draw(jobs, request.styles, indexes)
  post(
    {
      type: 'tiles',
      generation: request.generation,
      target: 'base',
      scale,
      tiles,
      millis: performance.now() - started,
    },
    tiles.map((t) => t.bitmap),
  )
}

/** `rect` of the photo at `scale`, in one bitmap whose edges fall on whole pixels of that scale. */
function detailJob(rect: ImageRect, scale: number): TileJob {
  const width = Math.max(1, Math.ceil(rect.width * scale))
  const height = Math.max(1, Math.ceil(rect.height * scale))
  return {
    rect: { x: rect.x, y: rect.y, width: width / scale, height: height / scale },
    view: { originX: rect.x, originY: rect.y, scale },
    width,
    height,
  }
}

/** The part on screen first (a preview, at the detail's scale), then the whole detail with its margin. */
async function drawDetail(request: Extract<WorkerRequest, { type: 'raster' }>): Promise<void> {
  if (request.target.kind !== 'detail' || !scene) return
  const { rect, first } = request.target
  const scale = Math.min(request.target.scale, DETAIL_MAX_PX / rect.width, DETAIL_MAX_PX / rect.height)
  const pieces: ['preview' | 'detail', ImageRect][] = first ? [['preview', first]] : []
  pieces.push(['detail', rect])
  for (const [target, part] of pieces) {
    const started = performance.now()
    const tiles = await drawer.draw([detailJob(part, scale)], request.styles, indexes)
    post(
      { type: 'tiles', generation: request.generation, target, scale, tiles, millis: performance.now() - started },
      tiles.map((t) => t.bitmap),
    )
  }
}
