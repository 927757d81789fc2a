import type { Size, Viewport } from '../../src/renderer/src/canvas/viewport'
import type { RasterTile } from '../../src/renderer/src/features/simulation/raster-protocol'
import { median } from './frames'

const RUNS = 15

/**
 * Where a pan frame's drawing would go without PhotoCanvas's cached view, and what the cache
 * costs instead: the drawImage calls each way, timed on a 2D canvas of the stage's size with
 * the raster forced by a one-pixel read, so the costs can be told apart.
 */
export function profileDraws(
  photo: CanvasImageSource,
  workingCopy: CanvasImageSource,
  image: Size,
  tiles: readonly RasterTile[],
  view: Viewport,
  stage: Size,
): { label: string; ms: number }[] {
  const canvas = document.createElement('canvas')
  canvas.width = stage.width
  canvas.height = stage.height
  const context = canvas.getContext('2d') as CanvasRenderingContext2D
  const time = (draw: () => void) => {
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      context.setTransform(1, 0, 0, 1, 0, 0)
      context.globalCompositeOperation = 'source-over'
      context.fillStyle = '#c8a890'
      context.fillRect(0, 0, stage.width, stage.height)
      context.getImageData(0, 0, 1, 1)
      const start = performance.now()
      draw()
      context.getImageData(0, 0, 1, 1)
      times.push(performance.now() - start)
    }
    return median(times)
  }
  const inView = () => context.setTransform(view.scale, 0, 0, view.scale, view.x, view.y)
  const drawTiles = (mode: GlobalCompositeOperation) => () => {
    inView()
    context.imageSmoothingEnabled = true
    context.globalCompositeOperation = mode
    for (const tile of tiles)
      context.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
  }
  // The tiles as they look at this zoom, baked once into one bitmap of screen pixels: what a
  // pan would draw if the layer kept its look until the zoom changed.
  const width = Math.ceil(image.width * view.scale)
  const height = Math.ceil(image.height * view.scale)
  const baked = new OffscreenCanvas(width, height)
  const bakedContext = baked.getContext('2d') as OffscreenCanvasRenderingContext2D
  bakedContext.fillStyle = '#fff'
  bakedContext.fillRect(0, 0, width, height)
  bakedContext.scale(view.scale, view.scale)
  for (const tile of tiles)
    bakedContext.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
  const bakedBitmap = baked.transferToImageBitmap()
  // The base bitmap halved once (2048 px long side), in one piece: a mip level for zoomed-out views.
  const mipScale = 2048 / Math.max(image.width, image.height)
  const mip = new OffscreenCanvas(Math.ceil(image.width * mipScale), Math.ceil(image.height * mipScale))
  const mipContext = mip.getContext('2d') as OffscreenCanvasRenderingContext2D
  mipContext.scale(mipScale, mipScale)
  for (const tile of tiles)
    mipContext.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
  const mipBitmap = mip.transferToImageBitmap()
  const drawBaked = (mode: GlobalCompositeOperation) => () => {
    context.globalCompositeOperation = mode
    context.drawImage(bakedBitmap, Math.round(view.x), Math.round(view.y))
  }
  const results = [
    {
      label: 'photo (24 MP image, scaled)',
      ms: time(() => {
        inView()
        context.drawImage(photo, 0, 0, image.width, image.height)
      }),
    },
    {
      label: 'photo (4096 px working copy, scaled)',
      ms: time(() => {
        inView()
        context.drawImage(workingCopy, 0, 0, image.width, image.height)
      }),
    },
    { label: `${tiles.length} base tiles, multiply (uncached)`, ms: time(drawTiles('multiply')) },
    { label: `${tiles.length} base tiles, source-over`, ms: time(drawTiles('source-over')) },
    {
      label: `one ${mipBitmap.width}×${mipBitmap.height} mip bitmap, multiply`,
      ms: time(() => {
        inView()
        context.globalCompositeOperation = 'multiply'
        context.drawImage(mipBitmap, 0, 0, image.width, image.height)
      }),
    },
    { label: `one ${width}×${height} baked bitmap, multiply`, ms: time(drawBaked('multiply')) },
    { label: `one ${width}×${height} baked bitmap, source-over`, ms: time(drawBaked('source-over')) },
  ]
  bakedBitmap.close()
  mipBitmap.close()
  return results
}
