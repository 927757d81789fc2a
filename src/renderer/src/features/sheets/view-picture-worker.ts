/// <reference lib="webworker" />

import type { Size } from '../../canvas/viewport'
import { advance, type BakedView, type ComposedView, type PigmentSource, recompose } from '../canvas/view-cache'
import { bakedPhotoSize, type PictureReply, type PictureRequest } from './view-picture-protocol'

/**
 * Composes a view's picture off the UI thread, as the canvas composes the view on screen: the
 * photo resampled as `bakePhoto` draws it, the pigment multiplied in by `view-cache`, the design
 * drawn over. In the page, decoding a 24 MP photo and its first high-quality draw held the UI
 * thread for a quarter to three quarters of a second, and every picture-sized canvas took
 * 70–130 ms to start.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope

/** JPEG quality of a sheet's pictures: no visible loss at print size, a fraction of a PNG's bytes. */
const SHEET_JPEG_QUALITY = 0.92

class PhotoUnreadable extends Error {}

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  return canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
}

type PhotoRequest = Extract<PictureRequest, { type: 'photo' }>
type ComposeRequest = Extract<PictureRequest, { type: 'compose' }>

async function bakedPhoto(request: PhotoRequest): Promise<BakedView> {
  const { image, output } = request
  const photo = await fetch(request.url)
    .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(response.statusText))))
    .then((file) => createImageBitmap(file))
    .catch(() => {
      throw new PhotoUnreadable()
    })
  const { scale, width, height } = bakedPhotoSize(image, output)
  const bitmap = new OffscreenCanvas(width, height)
  const context = context2d(bitmap)
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.setTransform(scale, 0, 0, scale, 0, 0)
  context.drawImage(photo, 0, 0, image.width, image.height)
  photo.close()
  return { bitmap, rect: { x: 0, y: 0, width: width / scale, height: height / scale }, scale }
}

function withPigment(baked: BakedView, tiles: NonNullable<ComposeRequest['pigment']>): OffscreenCanvas {
  const source: PigmentSource = {
    tilesFor: () => tiles,
    setView: () => undefined,
    frame: () => 0,
    drawing: () => false,
    subscribe: () => () => undefined,
  }
  const unmixed: ComposedView = {
    ...baked,
    bitmap: new OffscreenCanvas(baked.bitmap.width, baked.bitmap.height),
    photo: baked,
    frame: 0,
    tiles: null,
    pending: null,
  }
  const view = recompose(unmixed, source, 0)
  while (advance(view, Number.POSITIVE_INFINITY));
  return view.bitmap
}

function compose(baked: BakedView, output: Size, request: ComposeRequest): OffscreenCanvas {
  const base = request.pigment ? withPigment(baked, request.pigment) : baked.bitmap
  const picture = new OffscreenCanvas(output.width, output.height)
  const context = context2d(picture)
  // The photo is the output's size or a pixel more: stretched onto it exactly, as is the design.
  context.drawImage(base, 0, 0, output.width, output.height)
  for (const band of request.overlay) context.drawImage(band.bitmap, 0, band.top, output.width, band.bitmap.height)
  return picture
}

/**
 * The picture's rows a band to a buffer: read here, each band goes on to a PNG worker as it is.
 * The page's copies of a 300 dpi picture's rows took it 160–240 ms, in tasks of up to 30 ms.
 */
function inBands(picture: OffscreenCanvas, bandRows: number): Extract<PictureReply, { type: 'pixels' }> {
  const context = context2d(picture)
  const bands: ArrayBuffer[] = []
  let opaque = true
  for (let top = 0; top < picture.height; top += bandRows) {
    const rgba = context.getImageData(0, top, picture.width, Math.min(bandRows, picture.height - top)).data
    for (let alpha = 3; opaque && alpha < rgba.length; alpha += 4) opaque = rgba[alpha] === 255
    bands.push(rgba.buffer as ArrayBuffer)
  }
  return { type: 'pixels', bands, opaque }
}

async function answer(request: ComposeRequest): Promise<PictureReply> {
  try {
    if (!photo) throw new Error('No photo was sent.')
    const picture = compose(await photo.baked, photo.output, request)
    if (request.as !== 'image/jpeg') return inBands(picture, request.as.bandRows)
    return { type: 'file', file: await picture.convertToBlob({ type: 'image/jpeg', quality: SHEET_JPEG_QUALITY }) }
  } catch (error) {
    return {
      type: 'failed',
      message:
        error instanceof PhotoUnreadable ? 'The photo file could not be loaded.' : 'The picture could not be drawn.',
    }
  } finally {
    for (const tile of request.pigment ?? []) tile.bitmap.close()
    for (const band of request.overlay) band.bitmap.close()
  }
}

/** The photo being baked, from the first message; one picture per worker. */
let photo: { baked: Promise<BakedView>; output: Size } | null = null

scope.onmessage = async (event: MessageEvent<PictureRequest>) => {
  const request = event.data
  if (request.type === 'photo') {
    const baked = bakedPhoto(request)
    // Awaited by the compose message; the page may end the worker before it comes.
    baked.catch(() => undefined)
    photo = { baked, output: request.output }
    return
  }
  const reply = await answer(request)
  scope.postMessage(reply, reply.type === 'pixels' ? reply.bands : [])
}
