import type Konva from 'konva'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { DesignDocument } from '../../../../shared/design/design-types'
import type { ScaleBar } from '../../../../shared/sheets/scale-bar'
import type { LayerStyle } from '../../../../shared/simulation/rasterize'
import type { SimInput } from '../../../../shared/simulation/simulate'
import type { Size } from '../../canvas/viewport'
import { advance, type BakedView, type ComposedView, recompose } from '../canvas/view-cache'
import { DotRenderer, whenBaseDrawn } from '../simulation/dot-renderer'
import { nextTask } from './next-task'
import { encodePng } from './png-encoder'
import { ViewOverlay } from './ViewOverlay'

/** Everything a view's picture is drawn from. */
export interface ViewRenderRequest {
  photoUrl: string
  /** The photo's pixel size: the design's coordinates. */
  image: Size
  document: DesignDocument
  pxPerMm: number | null
  scaleBar: ScaleBar | null
  /** The session layers to multiply in: the dots' data and their look on the day shown. */
  pigment: { input: SimInput; styles: LayerStyle[] } | null
  /** The picture's size, px. */
  output: Size
  /** Overlay units across the picture: lines and labels are sized for a drawing this wide. */
  overlayWidth: number
}

/** Rows of the picture copied in one task. */
const BAND_ROWS = 256
/** How long one task multiplies pigment in before it lets the page run. */
const TASK_BUDGET_MS = 20

/** The impressions take seconds at worst; a minute means the worker is gone. */
const PIGMENT_TIMEOUT_MS = 60_000

/** The photo, decoded off the UI thread (`decode`) before it is drawn. */
async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image()
  image.crossOrigin = 'anonymous'
  image.src = url
  try {
    await image.decode()
  } catch {
    throw new Error('The photo file could not be loaded.')
  }
  return image
}

/**
 * The session layers drawn at the output's own resolution (the photo may be smaller than the
 * picture), started at once so the worker reads or samples the dots while the photo loads.
 */
function drawPigment(request: ViewRenderRequest): { renderer: DotRenderer; drawn: Promise<void> } | null {
  const { pigment, image, output } = request
  if (!pigment || pigment.input.sessions.length === 0) return null
  const renderer = new DotRenderer(image, undefined, { baseScale: output.width / image.width })
  const drawn = whenBaseDrawn(renderer, PIGMENT_TIMEOUT_MS)
  // Awaited only once the photo has loaded; a photo that fails to load leaves it unawaited.
  drawn.catch(() => undefined)
  renderer.setScene(pigment.input)
  renderer.setStyles(pigment.styles)
  return { renderer, drawn }
}

/**
 * Chromium records a canvas's drawing and rasterises it when the canvas is next read: reading
 * one pixel of the band makes the band's drawing happen in this task, not all bands' in one.
 */
function drawNow(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, top: number): void {
  context.getImageData(0, top, 1, 1)
}

/**
 * The whole photo drawn at `scale` as `bakePhoto` draws it (same size, transform and smoothing),
 * a band of rows a task: resampling a 24 MP photo at once held the UI thread half a second.
 */
async function bakeInBands(photo: CanvasImageSource, image: Size, scale: number): Promise<BakedView> {
  const width = Math.max(1, Math.ceil(image.width * scale))
  const height = Math.max(1, Math.ceil(image.height * scale))
  const bitmap = new OffscreenCanvas(width, height)
  const context = bitmap.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  for (let top = 0; top < height; top += BAND_ROWS) {
    context.save()
    context.beginPath()
    context.rect(0, top, width, Math.min(BAND_ROWS, height - top))
    context.clip()
    context.setTransform(scale, 0, 0, scale, 0, 0)
    context.drawImage(photo, 0, 0, image.width, image.height)
    context.restore()
    drawNow(context, top)
    await nextTask()
  }
  return { bitmap, rect: { x: 0, y: 0, width: width / scale, height: height / scale }, scale }
}

/**
 * The photo with its pigment multiplied in at the output's resolution: the canvas's own bake,
 * the pigment multiplied in band by band as the canvas takes new pigment, a few rows a task.
 */
async function bakedView(request: ViewRenderRequest): Promise<OffscreenCanvas> {
  const { image, output } = request
  const pigment = drawPigment(request)
  try {
    const photo = await loadImage(request.photoUrl)
    const baked = await bakeInBands(photo, image, output.width / image.width)
    if (!pigment) return baked.bitmap
    await pigment.drawn
    const { width, height } = baked.bitmap
    const unmixed: ComposedView = {
      ...baked,
      bitmap: new OffscreenCanvas(width, height),
      photo: baked,
      frame: 0,
      pending: null,
    }
    const view = recompose(unmixed, pigment.renderer, pigment.renderer.frame())
    while (advance(view, TASK_BUDGET_MS)) await nextTask()
    return view.bitmap
  } finally {
    pigment?.renderer.dispose()
  }
}

/** The design and scale bar drawn off screen on a clear canvas at the output's pixels (give or take one: Konva sizes it from a fractional stage). */
function drawOverlay(request: ViewRenderRequest): HTMLCanvasElement | null {
  const { output, overlayWidth, document: design } = request
  // Nothing shows over the photo: no canvas of the output's size to clear and copy.
  if (!request.scaleBar && !design.objects.some((o) => !o.hidden && o.kind !== 'pin')) return null
  const stage = { width: overlayWidth, height: (overlayWidth * output.height) / output.width }
  const holder = document.createElement('div')
  const root = createRoot(holder)
  let drawn: Konva.Stage | null = null
  try {
    flushSync(() =>
      root.render(
        <ViewOverlay
          image={request.image}
          stage={stage}
          document={request.document}
          pxPerMm={request.pxPerMm}
          scaleBar={request.scaleBar}
          tint={request.pigment === null}
          onReady={(s) => {
            drawn = s
          }}
        />,
      ),
    )
    const layer = (drawn as Konva.Stage | null)?.getLayers()[0]
    if (!layer) throw new Error('The design could not be drawn.')
    // The one layer alone, its box given: the stage's own export would draw it onto a second
    // canvas of the output's size, and measure every shape for a box it is told here.
    return layer.toCanvas({ x: 0, y: 0, ...stage, pixelRatio: output.width / overlayWidth })
  } finally {
    root.unmount()
  }
}

/**
 * One view as a picture at a chosen size: the photo and its session layers baked as the canvas
 * bakes them (`view-cache`, `DotRenderer`), the design drawn over it by `DesignShape`, and the
 * scale bar. The result is exactly `output` pixels, for a sheet's figure or a PNG. The large
 * copies go a band of rows at a time, so no task of the UI thread runs long.
 */
export async function renderView(request: ViewRenderRequest): Promise<HTMLCanvasElement> {
  const baking = bakedView(request)
  // Drawn while the photo loads and decodes and the dot worker draws the pigment.
  let overlay: HTMLCanvasElement | null
  try {
    overlay = drawOverlay(request)
  } catch (error) {
    baking.catch(() => undefined)
    throw error
  }
  const base = await baking
  const { width, height } = request.output
  const picture = document.createElement('canvas')
  picture.width = width
  picture.height = height
  const context = picture.getContext('2d')
  if (!context) throw new Error('The picture could not be drawn.')
  for (let top = 0; top < height; top += BAND_ROWS) {
    context.save()
    context.beginPath()
    context.rect(0, top, width, Math.min(BAND_ROWS, height - top))
    context.clip()
    // Both are the output's size or a pixel more: stretched onto it exactly.
    context.drawImage(base, 0, 0, width, height)
    if (overlay) context.drawImage(overlay, 0, 0, width, height)
    context.restore()
    drawNow(context, top)
    await nextTask()
  }
  return picture
}

/**
 * A canvas's pixels as file bytes: PNG for an export (our encoder, in workers: Chromium's
 * `toBlob` encodes a PNG in the page's idle time, seconds for a 300 dpi view on a busy page),
 * JPEG for a sheet's photos (a fraction of the size in a PDF).
 */
export function canvasBytes(canvas: HTMLCanvasElement, type: 'image/png' | 'image/jpeg'): Promise<Blob> {
  if (type === 'image/png') return encodePng(canvas)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))),
      type,
      0.92,
    ),
  )
}
