import Konva from 'konva'
import type { SceneCanvas } from 'konva/lib/Canvas'
import { startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import type { DesignDocument } from '../../../../shared/design/design-types'
import type { ScaleBar } from '../../../../shared/sheets/scale-bar'
import type { LayerStyle } from '../../../../shared/simulation/rasterize'
import type { SimInput } from '../../../../shared/simulation/simulate'
import type { Size } from '../../canvas/viewport'
import { DotRenderer, whenBaseDrawn } from '../simulation/dot-renderer'
import { nextTask } from './next-task'
import { encodePng, type PictureRows, pngBandRows } from './png-encoder'
import { ViewOverlay } from './ViewOverlay'
import { bakedPhotoSize, type OverlayBand, type PictureReply, type PictureRequest } from './view-picture-protocol'
import ViewPictureWorker from './view-picture-worker?worker&inline'
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

/**
 * Rows of the design drawn in one task: a canvas the picture's size took 70–130 ms of the UI
 * thread to start, and a 256-row band of a 300 dpi view's zones up to 60 ms to draw.
 */
const BAND_ROWS = 128

/** The impressions take seconds at worst; a minute means the worker is gone. */
const PIGMENT_TIMEOUT_MS = 60_000

/**
 * The session layers drawn at the output's own resolution (the photo may be smaller than the
 * picture), started at once so the worker reads or samples the dots while the photo loads and
 * the design is drawn.
 */
function drawPigment(request: ViewRenderRequest): { renderer: DotRenderer; drawn: Promise<void> } | null {
  const { pigment, image, output } = request
  if (!pigment || pigment.input.sessions.length === 0) return null
  const renderer = new DotRenderer(image, undefined, { baseScale: output.width / image.width })
  const drawn = whenBaseDrawn(renderer, PIGMENT_TIMEOUT_MS)
  // Awaited once the design is drawn; a design that fails to draw leaves it unawaited.
  drawn.catch(() => undefined)
  renderer.setScene(pigment.input)
  renderer.setStyles(pigment.styles)
  return { renderer, drawn }
}

/**
 * The overlay's Konva stage, rendered by React as a transition: React then yields every few
 * milliseconds, and the first drawing of a design after a start (its code still compiling)
 * took 40–60 ms of the UI thread rendered at once.
 */
function mountOverlay(request: ViewRenderRequest, stage: Size): { drawn: Promise<Konva.Stage>; unmount: () => void } {
  const holder = document.createElement('div')
  let fail: (error: unknown) => void = () => undefined
  const root = createRoot(holder, { onUncaughtError: (error) => fail(error) })
  const drawn = new Promise<Konva.Stage>((resolve, reject) => {
    fail = () => reject(new Error('The design could not be drawn.'))
    startTransition(() =>
      root.render(
        <ViewOverlay
          image={request.image}
          stage={stage}
          document={request.document}
          pxPerMm={request.pxPerMm}
          scaleBar={request.scaleBar}
          tint={request.pigment === null}
          onReady={resolve}
        />,
      ),
    )
  })
  return { drawn, unmount: () => root.unmount() }
}

/**
 * The design and scale bar drawn off screen on clear canvases at the output's pixels, a band of
 * rows a task, each band handed on as a bitmap. None when nothing shows over the photo.
 */
async function drawOverlay(request: ViewRenderRequest): Promise<OverlayBand[]> {
  const { output, overlayWidth, document: design } = request
  if (!request.scaleBar && !design.objects.some((o) => !o.hidden && o.kind !== 'pin')) return []
  const stage = { width: overlayWidth, height: (overlayWidth * output.height) / output.width }
  const pixelRatio = output.width / overlayWidth
  const overlay = mountOverlay(request, stage)
  const bands: OverlayBand[] = []
  let canvas: SceneCanvas | null = null
  try {
    const layer = (await overlay.drawn).getLayers()[0]
    if (!layer) throw new Error('The design could not be drawn.')
    // Resumed in the task of the render's commit, which is long enough.
    await nextTask()
    // One band's canvas, drawn again for every band: a fresh 300 dpi band's canvas took 7–40 ms
    // to allocate. Konva's own kind of canvas, taken from the layer's so the app keeps one Konva
    // module. Konva floors a side times the ratio to whole pixels: half a pixel more keeps it
    // exactly the picture's width and `BAND_ROWS` high.
    const OwnCanvas = layer.getCanvas().constructor as typeof SceneCanvas
    canvas = new OwnCanvas({
      width: (output.width + 0.5) / pixelRatio,
      height: (BAND_ROWS + 0.5) / pixelRatio,
      pixelRatio,
    })
    const context = canvas.getContext()
    for (let top = 0; top < output.height; top += BAND_ROWS) {
      const rows = Math.min(BAND_ROWS, output.height - top)
      // The one layer alone, as its own export draws it (the stage's would measure every shape
      // for its box), on the band's canvas moved up to the band.
      context.clear()
      context.save()
      context.translate(0, -top / pixelRatio)
      layer.drawScene(canvas)
      context.restore()
      // The bitmap is a copy taken at the call: the canvas may be drawn again at once.
      const bitmap = createImageBitmap(canvas._canvas, 0, 0, output.width, rows)
      bands.push({ top, bitmap: await bitmap })
      await nextTask()
    }
    return bands
  } catch (error) {
    for (const band of bands) band.bitmap.close()
    throw error
  } finally {
    if (canvas) {
      canvas._releaseIsolationCanvas()
      Konva.Util.releaseCanvas(canvas._canvas)
    }
    overlay.unmount()
  }
}

/**
 * A worker of its own composes the view's picture: it is sent the photo's address at once, to
 * fetch, decode and resample while the pigment and the design are drawn, and they follow.
 */
class PictureWorker {
  private readonly worker = new ViewPictureWorker() as Worker
  private readonly reply: Promise<PictureReply>

  constructor() {
    this.reply = new Promise<PictureReply>((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<PictureReply>) => resolve(event.data)
      this.worker.onerror = () => reject(new Error('The picture could not be drawn.'))
    })
    this.reply.catch(() => undefined)
  }

  photo(request: Extract<PictureRequest, { type: 'photo' }>): void {
    this.worker.postMessage(request)
  }

  async compose(request: Extract<PictureRequest, { type: 'compose' }>): Promise<PictureReply> {
    const transfer: Transferable[] = [
      ...(request.pigment ?? []).map((tile) => tile.bitmap),
      ...request.overlay.map((band) => band.bitmap),
    ]
    this.worker.postMessage(request, transfer)
    const reply = await this.reply
    if (reply.type === 'failed') throw new Error(reply.message)
    return reply
  }

  end(): void {
    this.worker.terminate()
  }
}

/**
 * One view as a picture at a chosen size: the photo and its session layers composed as the
 * canvas composes them (`view-cache`, `DotRenderer`), the design drawn over it by `DesignShape`,
 * and the scale bar. Exactly `output` pixels. The photo is decoded and every picture-sized
 * canvas is drawn in a worker, the design a band of rows a task: no task of the UI thread runs long.
 */
async function renderPicture(
  request: ViewRenderRequest,
  as: Extract<PictureRequest, { type: 'compose' }>['as'],
): Promise<PictureReply> {
  const { image, output } = request
  const pigment = drawPigment(request)
  const worker = new PictureWorker()
  try {
    // Fetched and decoded by the worker: the page's own fetch answered only once its UI thread was free.
    worker.photo({ type: 'photo', url: new URL(request.photoUrl, location.href).href, image, output })
    // Drawn while the photo loads and the dot worker draws the pigment, from a task of its own.
    await nextTask()
    const overlay = await drawOverlay(request)
    let tiles: Extract<PictureRequest, { type: 'compose' }>['pigment'] = null
    try {
      if (pigment) {
        await pigment.drawn
        // The whole photo's tiles at the picture's scale; handed over, the renderer ends with this call.
        const baked = bakedPhotoSize(image, output)
        tiles = pigment.renderer.tilesFor({ scale: baked.scale, x: 0, y: 0 }, baked)
      }
      return await worker.compose({ type: 'compose', pigment: tiles, overlay, as })
    } catch (error) {
      for (const band of overlay) band.bitmap.close()
      throw error
    }
  } finally {
    worker.end()
    pigment?.renderer.dispose()
  }
}

/** A view's picture as its rows, cut into the PNG encoder's bands. */
async function renderRows(request: ViewRenderRequest): Promise<PictureRows> {
  const { width, height } = request.output
  const reply = await renderPicture(request, { bandRows: pngBandRows(width) })
  if (reply.type !== 'pixels') throw new Error('The picture could not be drawn.')
  return { width, height, bands: reply.bands, opaque: reply.opaque }
}

/**
 * A view's picture as a file: PNG for an export (our encoder, in workers: Chromium's `toBlob`
 * encodes a PNG in the page's idle time, seconds for a 300 dpi view on a busy page), JPEG for a
 * sheet's photos (a fraction of the size in a PDF), encoded where the picture is composed.
 */
export async function renderViewFile(request: ViewRenderRequest, type: 'image/png' | 'image/jpeg'): Promise<Blob> {
  if (type === 'image/png') return encodePng(await renderRows(request))
  const reply = await renderPicture(request, 'image/jpeg')
  if (reply.type !== 'file') throw new Error('The picture could not be encoded.')
  return reply.file
}
