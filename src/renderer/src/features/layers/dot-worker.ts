/// <reference lib="webworker" />
import { indexLayer, type LayerIndex } from '../../../../shared/simulation/layer-index'
import { type LayerStyle, rasterizeTile } from '../../../../shared/simulation/rasterize'
import {
  assembleLayers,
  type SimInput,
  simulateZone,
  type ZoneSimulation,
  zoneCacheKey,
} from '../../../../shared/simulation/simulate'
import type { ImageRect, RasterTile, WorkerReply, WorkerRequest } from './raster-protocol'

/**
 * The dot worker: samples zones (keeping each zone's dots until its outline, densities or
 * needle change) and rasterises them into bitmaps, so the page never spends more than a message
 * on them. Requests are coalesced: while it works, only the newest scene and the newest raster
 * of each kind are kept.
 */

/** Base tiles, in base-bitmap pixels: a zone edit redraws only the tiles it touches. */
const TILE_PX = 512
/** A detail bitmap never exceeds this many pixels on a side, whatever the screen. */
const DETAIL_MAX_PX = 4096

const scope = self as unknown as DedicatedWorkerGlobalScope

let scene: SimInput | null = null
let zoneKeys: string[] = []
let zoneResults: ZoneSimulation[] = []
/** Per session, its dots bucketed for drawing tiles; the layers they were built from are not kept. */
let indexes: LayerIndex[] = []
/** Image rectangles whose dots changed since the base was last drawn; 'all' after a change of look. */
let dirty: ImageRect[] | 'all' = 'all'
let baseStylesKey = ''

let nextScene: { input: SimInput | null } | null = null
let nextBase: Extract<WorkerRequest, { type: 'raster' }> | null = null
let nextDetail: Extract<WorkerRequest, { type: 'raster' }> | null = null
let queued = false

const post = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer)

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  if (request.type === 'scene') nextScene = { input: request.input }
  else if (request.target.kind === 'base') nextBase = request
  else nextDetail = request
  if (!queued) {
    queued = true
    // Let messages already on their way arrive first, so a burst collapses to its last request.
    setTimeout(work, 0)
  }
}

function work(): void {
  queued = false
  try {
    if (nextScene) {
      applyScene(nextScene.input)
      nextScene = null
    }
    if (nextBase) {
      drawBase(nextBase)
      nextBase = null
    }
    if (nextDetail) {
      drawDetail(nextDetail)
      nextDetail = null
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : 'The impressions could not be drawn.' })
  }
}

function boundsOf(result: ZoneSimulation): ImageRect | null {
  if (result.x.length === 0) return null
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  let reach = 0
  for (let d = 0; d < result.x.length; d++) {
    const x = result.x[d] as number
    const y = result.y[d] as number
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
    if ((result.r[d] as number) > reach) reach = result.r[d] as number
  }
  return {
    x: minX - reach - 1,
    y: minY - reach - 1,
    width: maxX - minX + 2 * reach + 2,
    height: maxY - minY + 2 * reach + 2,
  }
}

function applyScene(input: SimInput | null): void {
  const started = performance.now()
  const previous = new Map(zoneResults.map((result, i) => [zoneKeys[i] as string, result]))
  const sameZones =
    scene !== null && input !== null && scene.zones.map((z) => z.id).join() === input.zones.map((z) => z.id).join()
  scene = input
  if (!input) {
    zoneKeys = []
    zoneResults = []
    indexes = []
    dirty = 'all'
    post({ type: 'dots', layers: [], bytes: 0, millis: performance.now() - started })
    return
  }
  zoneKeys = input.zones.map((zone) => zoneCacheKey(zone, input.sessions, input.seedKey, input.jitter))
  const changed: ImageRect[] = []
  zoneResults = input.zones.map((zone, i) => {
    const key = zoneKeys[i] as string
    const kept = previous.get(key)
    if (kept) return kept
    const result = simulateZone(zone, input.sessions, input.seedKey, input.jitter)
    const old = sameZones ? zoneResults[i] : undefined
    for (const rect of [old && boundsOf(old), boundsOf(result)]) if (rect) changed.push(rect)
    return result
  })
  const layers = assembleLayers(input.sessions, zoneResults)
  indexes = layers.map((layer) => indexLayer(layer))
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
  post({
    type: 'dots',
    layers: layers.map((layer) => ({
      sessionId: layer.sessionId,
      counts: Array.from(layer.zoneCounts),
      shortfall: layer.shortfall,
    })),
    bytes,
    millis: performance.now() - started,
  })
}

const stylesKey = (styles: readonly LayerStyle[]) =>
  JSON.stringify(styles.map((s) => [s.visible, s.opacity, Array.from(s.zoneColours)]))

const overlaps = (a: ImageRect, b: ImageRect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

function renderRect(
  view: { originX: number; originY: number; scale: number },
  width: number,
  height: number,
  styles: readonly LayerStyle[],
): ImageBitmap {
  const data = new Uint8ClampedArray(width * height * 4)
  rasterizeTile(view, { x: 0, y: 0, width, height, data }, styles, indexes)
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This system cannot draw off screen.')
  context.putImageData(new ImageData(data, width, height), 0, 0)
  return canvas.transferToImageBitmap()
}

function drawBase(request: Extract<WorkerRequest, { type: 'raster' }>): void {
  if (request.target.kind !== 'base' || !scene) return
  const started = performance.now()
  const { scale, image } = request.target
  const key = stylesKey(request.styles)
  if (key !== baseStylesKey) dirty = 'all'
  baseStylesKey = key
  const width = Math.ceil(image.width * scale)
  const height = Math.ceil(image.height * scale)
  const tiles: RasterTile[] = []
  for (let ty = 0; ty < height; ty += TILE_PX) {
    for (let tx = 0; tx < width; tx += TILE_PX) {
      const w = Math.min(TILE_PX, width - tx)
      const h = Math.min(TILE_PX, height - ty)
      const rect = { x: tx / scale, y: ty / scale, width: w / scale, height: h / scale }
      const changes = dirty
      if (changes !== 'all' && !changes.some((r) => overlaps(r, rect))) continue
      const view = { originX: tx / scale, originY: ty / scale, scale }
      tiles.push({ rect, bitmap: renderRect(view, w, h, request.styles) })
    }
  }
  dirty = []
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

function drawDetail(request: Extract<WorkerRequest, { type: 'raster' }>): void {
  if (request.target.kind !== 'detail' || !scene) return
  const started = performance.now()
  const { rect } = request.target
  const scale = Math.min(request.target.scale, DETAIL_MAX_PX / rect.width, DETAIL_MAX_PX / rect.height)
  const width = Math.max(1, Math.ceil(rect.width * scale))
  const height = Math.max(1, Math.ceil(rect.height * scale))
  const bitmap = renderRect({ originX: rect.x, originY: rect.y, scale }, width, height, request.styles)
  post(
    {
      type: 'tiles',
      generation: request.generation,
      target: 'detail',
      scale,
      tiles: [{ rect: { x: rect.x, y: rect.y, width: width / scale, height: height / scale }, bitmap }],
      millis: performance.now() - started,
    },
    [bitmap],
  )
}
