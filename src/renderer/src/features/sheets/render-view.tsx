import type Konva from 'konva'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { DesignDocument } from '../../../../shared/design/design-types'
import type { ScaleBar } from '../../../../shared/sheets/scale-bar'
import type { LayerStyle } from '../../../../shared/simulation/rasterize'
import type { SimInput } from '../../../../shared/simulation/simulate'
import type { Size } from '../../canvas/viewport'
import { bakePhoto, composeView } from '../canvas/view-cache'
import { DotRenderer } from '../simulation/dot-renderer'
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

/** The impressions take seconds at worst; a minute means the worker is gone. */
const PIGMENT_TIMEOUT_MS = 60_000

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.crossOrigin = 'anonymous'
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('The photo file could not be loaded.'))
    image.src = url
  })
}

/** Resolves once the dot worker has drawn every base tile of the scene, the whole photo's dots. */
function whenDrawn(renderer: DotRenderer): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('The impressions took too long to draw.')), PIGMENT_TIMEOUT_MS)
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

/**
 * The session layers drawn at the output's own resolution (the photo may be smaller than the
 * picture), started at once so the worker reads or samples the dots while the photo loads.
 */
function drawPigment(request: ViewRenderRequest): { renderer: DotRenderer; drawn: Promise<void> } | null {
  const { pigment, image, output } = request
  if (!pigment || pigment.input.sessions.length === 0) return null
  const renderer = new DotRenderer(image, undefined, { baseScale: output.width / image.width })
  const drawn = whenDrawn(renderer)
  // Awaited only once the photo has loaded; a photo that fails to load leaves it unawaited.
  drawn.catch(() => undefined)
  renderer.setScene(pigment.input)
  renderer.setStyles(pigment.styles)
  return { renderer, drawn }
}

/** The photo with its pigment multiplied in at the output's resolution: the canvas's own bake. */
async function bakedView(request: ViewRenderRequest): Promise<OffscreenCanvas> {
  const { image, output } = request
  const pigment = drawPigment(request)
  try {
    const photo = await loadImage(request.photoUrl)
    const baked = bakePhoto({
      photo,
      image,
      seen: { x: 0, y: 0, width: image.width, height: image.height },
      device: { scale: output.width / image.width, x: 0, y: 0 },
    })
    if (!pigment) return baked.bitmap
    await pigment.drawn
    return composeView(baked, pigment.renderer, pigment.renderer.frame()).bitmap
  } finally {
    pigment?.renderer.dispose()
  }
}

/** Draws the overlay over the baked view off screen and hands back Konva's canvas at the output's pixels. */
function drawOverlay(request: ViewRenderRequest, base: OffscreenCanvas): HTMLCanvasElement {
  const { output, overlayWidth } = request
  const stage = { width: overlayWidth, height: (overlayWidth * output.height) / output.width }
  const holder = document.createElement('div')
  const root = createRoot(holder)
  let drawn: Konva.Stage | null = null
  try {
    flushSync(() =>
      root.render(
        <ViewOverlay
          base={base}
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
    const konvaStage = drawn as Konva.Stage | null
    if (!konvaStage) throw new Error('The design could not be drawn.')
    return konvaStage.toCanvas({ pixelRatio: output.width / overlayWidth })
  } finally {
    root.unmount()
  }
}

/**
 * One view as a picture at a chosen size: the photo and its session layers baked as the canvas
 * bakes them (`view-cache`, `DotRenderer`), the design drawn over it by `DesignShape`, and the
 * scale bar. The result is exactly `output` pixels, for a sheet's figure or a PNG.
 */
export async function renderView(request: ViewRenderRequest): Promise<HTMLCanvasElement> {
  const base = await bakedView(request)
  const drawn = drawOverlay(request, base)
  const { width, height } = request.output
  if (drawn.width === width && drawn.height === height) return drawn
  // Konva sizes its canvas from a fractional stage; a pixel either way is evened out here.
  const exact = document.createElement('canvas')
  exact.width = width
  exact.height = height
  exact.getContext('2d')?.drawImage(drawn, 0, 0, width, height)
  return exact
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
