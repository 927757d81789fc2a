import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SimInput } from '../../../../shared/simulation/simulate'
import type { Size, Viewport } from '../../canvas/viewport'
import { BAKE_MARGIN, covers, type PigmentSource, type PigmentTile, visiblePart } from '../canvas/view-cache'
import DotWorker from './dot-worker?worker&inline'
import type { ZonedLayerStyle } from './layer-looks'
import {
  DETAIL_MAX_PX,
  type ImageRect,
  type RasterTile,
  type WorkerReply,
  type WorkerRequest,
  type ZoneCounts,
} from './raster-protocol'

/**
 * The whole photo's dots are kept as one bitmap of at most this many pixels on its long side,
 * about the working copy's size: what a pan or zoom-out draws, with no work per dot.
 */
export const BASE_LONG_SIDE = 4096
/** Once zoomed in past the base bitmap's resolution by this much, the view gets a sharp bitmap of its own. */
const DETAIL_THRESHOLD = 1.4
/** A zoom or pan has settled once the view has not moved for this long. */
const SETTLE_MS = 60
/**
 * The detail bitmap covers this much more than the view on each side, so a small pan keeps it:
 * more than the photo's baked view does (rounded out to whole device pixels), or the bake would
 * never be covered by it and would show the whole-photo bitmap scaled up, blurred crosses
 * where sharp dots belong.
 */
const DETAIL_MARGIN = BAKE_MARGIN + 0.05

export interface DotView {
  baseScale: number
  /** Base tiles by their rectangle's key. */
  base: ReadonlyMap<string, RasterTile>
  detail: { tile: RasterTile; generation: number } | null
  /** The part of a detail on screen, come ahead of it: what a zoom step first shows sharp. */
  preview: { tile: RasterTile; generation: number } | null
  counts: ZoneCounts[]
  /** Bytes held by the dots in the worker. */
  dotBytes: number
  /** Zones of the scene whose dots were read from the dot cache, not sampled. */
  cachedZones: number
  busy: boolean
  error: string | null
  /** Bumped on every new bitmap so the canvas knows to redraw. */
  frame: number
}

export interface DotWorkerLike {
  postMessage(message: WorkerRequest): void
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null
  terminate(): void
}

const overlaps = (a: ImageRect, b: ImageRect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * The part of the photo on screen, rounded out to whole device pixels of the view: a preview
 * drawn there lands on the canvas's pixels exactly, with no resampling at its edges.
 */
function onScreen(seen: ImageRect, viewport: Viewport, pixelRatio: number): ImageRect {
  const scale = viewport.scale * pixelRatio
  const dx = viewport.x * pixelRatio
  const dy = viewport.y * pixelRatio
  const left = Math.floor(seen.x * scale + dx + 1e-6)
  const top = Math.floor(seen.y * scale + dy + 1e-6)
  const right = Math.ceil((seen.x + seen.width) * scale + dx - 1e-6)
  const bottom = Math.ceil((seen.y + seen.height) * scale + dy - 1e-6)
  return {
    x: (left - dx) / scale,
    y: (top - dy) / scale,
    width: (right - left) / scale,
    height: (bottom - top) / scale,
  }
}

/** The part of `rect` on the photo (a preview rounded out to device pixels may pass its edge). */
function withinImage(rect: ImageRect, image: Size): ImageRect {
  const x = Math.max(0, rect.x)
  const y = Math.max(0, rect.y)
  return {
    x,
    y,
    width: Math.max(0, Math.min(image.width, rect.x + rect.width) - x),
    height: Math.max(0, Math.min(image.height, rect.y + rect.height) - y),
  }
}

/** Device pixels per photo pixel a bitmap was drawn at. */
const sharpness = (tile: RasterTile) => tile.bitmap.width / tile.rect.width

const rectKey = (r: ImageRect) => `${r.x},${r.y},${r.width},${r.height}`

/** Shared by every renderer, so a reply meant for the renderer a kept worker served before is never taken for a new one's. */
let generations = 0

/** How long a closed renderer's worker is kept with its dots before a fresh one takes its place. */
const KEEP_MS = 5 * 60_000

/**
 * The one dot worker waiting for the next renderer: the last renderer's, closed while idle with
 * its dots in memory (a photo opened again draws from dots already read or sampled), or a fresh
 * one started with the app (a photo opened after a restart reads its dots from the dot cache
 * without waiting for a worker to start). A newer one replaces it; a kept one's timer is how
 * long its dots are worth their memory.
 */
let kept: { worker: DotWorkerLike; timer: ReturnType<typeof setTimeout> | null } | null = null

/** How long a worker told to close may take to store its dots before it is stopped all the same. */
const CLOSE_MS = 30_000

/**
 * Asks the worker to close once the dots it sampled are in the dot cache (a photo closed at
 * once is still read, not sampled, next time); its replies from then on go nowhere.
 */
function endWorker(worker: DotWorkerLike): void {
  worker.onmessage = null
  worker.postMessage({ type: 'close' })
  setTimeout(() => worker.terminate(), CLOSE_MS)
}

function takeWorker(): DotWorkerLike {
  if (!kept) return new DotWorker() as unknown as DotWorkerLike
  const { worker, timer } = kept
  if (timer) clearTimeout(timer)
  kept = null
  return worker
}

function keepWorker(worker: DotWorkerLike): void {
  worker.onmessage = null
  if (kept) {
    if (kept.timer) clearTimeout(kept.timer)
    endWorker(kept.worker)
  }
  const timer = setTimeout(() => {
    if (kept?.worker !== worker) return
    kept = null
    endWorker(worker)
    prepareDotWorker()
  }, KEEP_MS)
  kept = { worker, timer }
}

/**
 * Starts the worker the next photo opened will take, unless one is waiting already: called as
 * the app starts, so opening the first photo costs no worker start (its script, its store).
 */
export function prepareDotWorker(): void {
  if (!kept) kept = { worker: new DotWorker() as unknown as DotWorkerLike, timer: null }
}

/**
 * The page's side of the dot pipeline: sends the scene and styles to a worker that samples and
 * rasterises off the UI thread, and keeps the bitmaps it sends back for the canvas to draw. Only
 * the newest request counts; older replies are dropped when they arrive.
 */
export class DotRenderer implements PigmentSource {
  readonly store: StoreApi<DotView>
  private readonly worker: DotWorkerLike
  /** Whether the worker is the shared one, kept for the next renderer when this one closes. */
  private readonly keepable: boolean
  private readonly onReply: ((reply: WorkerReply) => void) | undefined
  /** Replies to requests older than this renderer's first are a kept worker's previous owner's. */
  private readonly since = generations + 1
  private generation = 0
  private disposed = false
  /** The newest detail asked for and not yet come. */
  private pendingDetail: { rect: ImageRect; scale: number; generation: number } | null = null
  private styles: ZonedLayerStyle[] = []
  private hasScene = false
  private rasterQueued = false
  private settle: ReturnType<typeof setTimeout> | null = null
  private view: { viewport: Viewport; stage: Size; pixelRatio: number } | null = null

  /**
   * `baseScale`: device pixels per photo pixel of the whole-photo bitmap. A picture made for a
   * file (a 300 dpi PNG, a sheet's figure) asks for its own output's scale, so its dots are
   * drawn at the resolution they are shown at, never scaled up from a smaller bitmap.
   * Without `createWorker` the renderer takes the worker a closed one kept, or starts one.
   * `onReply` sees every reply first (the benchmark's trace).
   */
  constructor(
    private readonly image: Size,
    createWorker?: () => DotWorkerLike,
    options: { baseScale?: number; onReply?: (reply: WorkerReply) => void } = {},
  ) {
    const baseScale = options.baseScale ?? Math.min(1, BASE_LONG_SIDE / Math.max(image.width, image.height))
    this.store = createStore<DotView>(() => ({
      baseScale,
      base: new Map(),
      detail: null,
      preview: null,
      counts: [],
      dotBytes: 0,
      cachedZones: 0,
      busy: false,
      error: null,
      frame: 0,
    }))
    this.keepable = createWorker === undefined
    this.onReply = options.onReply
    this.worker = createWorker ? createWorker() : takeWorker()
    this.worker.onmessage = (event) => {
      this.onReply?.(event.data)
      this.receive(event.data)
    }
  }

  setScene(input: SimInput | null): void {
    if (this.disposed) return
    this.hasScene = input !== null && input.sessions.length > 0
    this.worker.postMessage({ type: 'scene', input })
    this.scheduleRaster()
  }

  setStyles(styles: ZonedLayerStyle[]): void {
    if (this.disposed) return
    this.styles = styles
    this.scheduleRaster()
  }

  /**
   * Called on every pan or zoom; asks for a sharp bitmap once the view settles zoomed in, and at
   * once when the view moves after a rest (a zoom step, the first frame of a pan): a step is
   * over as soon as it is made, and a gesture's later frames still wait for it to settle.
   */
  setView(viewport: Viewport, stage: Size, pixelRatio: number): void {
    if (this.disposed) return
    this.view = { viewport, stage, pixelRatio }
    // A preview is of the part on screen at one zoom: at another it would show a sharper or
    // blurrier patch inside the view.
    const { preview } = this.store.getState()
    if (preview && Math.abs(sharpness(preview.tile) / (viewport.scale * pixelRatio) - 1) > 0.01) {
      preview.tile.bitmap.close()
      this.store.setState((s) => ({ preview: null, frame: s.frame + 1 }))
    }
    const resting = this.settle === null
    if (this.settle) clearTimeout(this.settle)
    this.settle = setTimeout(() => {
      this.settle = null
      this.requestDetail()
    }, SETTLE_MS)
    if (resting) this.requestDetail()
  }

  frame = (): number => this.store.getState().frame

  drawing = (): boolean => this.store.getState().busy

  subscribe = (onChange: () => void): (() => void) => this.store.subscribe(onChange)

  /**
   * What to draw for the current view: the detail bitmap when it covers the view, else the base
   * tiles; with a sharper preview of the part on screen drawn in place of them where it lies.
   */
  tilesFor(viewport: Viewport, stage: Size): (RasterTile & Pick<PigmentTile, 'over'>)[] {
    const { detail, preview, base } = this.store.getState()
    const seen = visiblePart(viewport, stage, this.image)
    const onDetail = detail !== null && detail.generation === this.generation && covers(detail.tile.rect, seen)
    const under: (RasterTile & Pick<PigmentTile, 'over'>)[] = onDetail ? [detail.tile] : [...base.values()]
    if (
      preview &&
      preview.generation === this.generation &&
      !(onDetail && sharpness(detail.tile) >= sharpness(preview.tile) * 0.99) &&
      overlaps(preview.tile.rect, seen)
    )
      under.push({ ...preview.tile, over: true })
    return under
  }

  dispose(): void {
    if (this.disposed) return
    // Nothing more is sent: a kept worker may be serving another renderer by then.
    this.disposed = true
    if (this.settle) clearTimeout(this.settle)
    // Kept only when idle: no reply of this renderer's can then reach the next one.
    const { busy, error } = this.store.getState()
    if (this.keepable && !busy && !error && !this.rasterQueued) keepWorker(this.worker)
    else endWorker(this.worker)
    const { base, detail, preview } = this.store.getState()
    for (const tile of base.values()) tile.bitmap.close()
    detail?.tile.bitmap.close()
    preview?.tile.bitmap.close()
  }

  /** A new scene and its styles usually arrive together; one raster serves both. */
  private scheduleRaster(): void {
    if (this.rasterQueued) return
    this.rasterQueued = true
    queueMicrotask(() => {
      this.rasterQueued = false
      this.rasterise()
    })
  }

  private rasterise(): void {
    if (this.disposed) return
    generations += 1
    this.generation = generations
    if (!this.hasScene) {
      this.clear()
      return
    }
    this.store.setState({ busy: true })
    this.worker.postMessage({
      type: 'raster',
      generation: this.generation,
      styles: this.styles,
      target: {
        kind: 'base',
        scale: this.store.getState().baseScale,
        image: this.image,
        // A kept worker drew its tiles for another renderer: this one has none yet.
        redraw: this.store.getState().base.size === 0,
      },
    })
    this.requestDetail()
  }

  private requestDetail(): void {
    if (this.disposed || !this.view || !this.hasScene) return
    const { viewport, stage, pixelRatio } = this.view
    const scale = viewport.scale * pixelRatio
    if (scale < this.store.getState().baseScale * DETAIL_THRESHOLD) return
    const seen = visiblePart(viewport, stage, this.image)
    const detail = this.store.getState().detail
    const rect = {
      x: Math.max(0, seen.x - seen.width * DETAIL_MARGIN),
      y: Math.max(0, seen.y - seen.height * DETAIL_MARGIN),
      width: 0,
      height: 0,
    }
    rect.width = Math.min(this.image.width, seen.x + seen.width * (1 + DETAIL_MARGIN)) - rect.x
    rect.height = Math.min(this.image.height, seen.y + seen.height * (1 + DETAIL_MARGIN)) - rect.y
    if (rect.width <= 0 || rect.height <= 0) return
    // A detail drawn at a lower zoom would show enlarged: it is kept only if as sharp as this view asks.
    const wanted = Math.min(scale, DETAIL_MAX_PX / rect.width, DETAIL_MAX_PX / rect.height)
    const detailScale = detail ? detail.tile.bitmap.width / detail.tile.rect.width : 0
    if (
      detail &&
      detail.generation === this.generation &&
      detailScale >= wanted * 0.99 &&
      covers(detail.tile.rect, seen)
    )
      return
    // Nor is one asked for again while the one on its way will do: the worker would draw both.
    const pending = this.pendingDetail
    if (
      pending &&
      pending.generation === this.generation &&
      pending.scale >= wanted * 0.99 &&
      covers(pending.rect, seen)
    )
      return
    this.pendingDetail = { rect, scale: wanted, generation: this.generation }
    this.worker.postMessage({
      type: 'raster',
      generation: this.generation,
      styles: this.styles,
      target: { kind: 'detail', scale, rect, first: onScreen(seen, viewport, pixelRatio) },
    })
  }

  private clear(): void {
    const { base, detail, preview } = this.store.getState()
    for (const tile of base.values()) tile.bitmap.close()
    detail?.tile.bitmap.close()
    preview?.tile.bitmap.close()
    this.store.setState((s) => ({
      base: new Map(),
      detail: null,
      preview: null,
      counts: [],
      busy: false,
      frame: s.frame + 1,
    }))
  }

  private receive(reply: WorkerReply): void {
    if (reply.type === 'error') {
      this.store.setState({ error: reply.message, busy: false })
      return
    }
    if (reply.type === 'dots') {
      this.store.setState({ counts: reply.layers, dotBytes: reply.bytes, cachedZones: reply.cached, error: null })
      return
    }
    // The worker sends base tiles in order and only those that changed, so every base reply is
    // kept; a detail bitmap is whole and only the newest counts.
    const stale =
      reply.generation < this.since || (reply.target === 'base' ? !this.hasScene : reply.generation !== this.generation)
    if (stale) {
      for (const tile of reply.tiles) tile.bitmap.close()
      return
    }
    if (reply.target === 'preview') {
      this.store.getState().preview?.tile.bitmap.close()
      const [tile] = reply.tiles
      this.store.setState((s) => ({
        preview: tile ? { tile, generation: reply.generation } : null,
        frame: s.frame + 1,
      }))
      return
    }
    if (reply.target === 'detail') {
      const pending = this.pendingDetail
      const [drawn] = reply.tiles
      if (pending && drawn && pending.rect.x === drawn.rect.x && pending.rect.y === drawn.rect.y)
        this.pendingDetail = null
      const { detail, preview } = this.store.getState()
      detail?.tile.bitmap.close()
      const [tile] = reply.tiles
      // The whole detail holds its preview: the preview is let go.
      const covered =
        tile !== undefined &&
        preview !== null &&
        sharpness(tile) >= sharpness(preview.tile) * 0.99 &&
        covers(tile.rect, withinImage(preview.tile.rect, this.image))
      if (covered) preview.tile.bitmap.close()
      this.store.setState((s) => ({
        detail: tile ? { tile, generation: reply.generation } : null,
        preview: covered ? null : s.preview,
        frame: s.frame + 1,
      }))
      return
    }
    const base = new Map(this.store.getState().base)
    for (const tile of reply.tiles) {
      const key = rectKey(tile.rect)
      base.get(key)?.bitmap.close()
      base.set(key, tile)
    }
    this.store.setState((s) => ({
      base,
      busy: reply.generation !== this.generation,
      error: null,
      frame: s.frame + 1,
    }))
  }
}

/**
 * Resolves once the dot worker has drawn every base tile of the scene, the whole photo's dots;
 * rejects with the worker's error, or once `timeoutMs` has passed.
 */
export function whenBaseDrawn(renderer: DotRenderer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('The impressions took too long to draw.')), timeoutMs)
    const finish = (error?: Error) => {
      clearTimeout(timer)
      unsubscribe()
      if (error) reject(error)
      else resolve()
    }
    const unsubscribe = renderer.store.subscribe((state) => {
      if (state.error) finish(new Error(state.error))
      else if (!state.busy && state.base.size > 0) finish()
    })
  })
}
