import type { LayerIndex } from '../../../../shared/simulation/layer-index'
import { type RasterView, rasterizeTile } from '../../../../shared/simulation/rasterize'
import { drawPasses, type ZonedLayerStyle } from './layer-looks'
import type { ImageRect, RasterTile } from './raster-protocol'

/** One bitmap to draw: `rect` of the photo at `view`, `width` × `height` pixels. */
export interface TileJob {
  rect: ImageRect
  view: RasterView
  width: number
  height: number
  /**
   * No dot reaching it, it may come as one white pixel stretched over `rect` (a base tile); a
   * detail's bitmap size tells the page how sharp it is.
   */
  blankAsPixel?: boolean
}

/**
 * A tile no dot reaches, as one white pixel stretched over its rectangle: multiplied over the
 * photo it changes nothing, as the whole white tile would, and costs no megabyte of fresh memory
 * (a bitmap's fresh memory costs about as much as drawing its dots).
 */
const WHITE = new Uint8ClampedArray([255, 255, 255, 255])

/** The largest buffer kept between tiles: a 512 px base tile's. */
const KEPT_BYTES = 512 * 512 * 4

/**
 * Draws tiles of dots into bitmaps, reusing one pixel buffer and one canvas from tile to tile:
 * a fresh megabyte per tile would leave tens of megabytes for the collector after every raster.
 */
export class TileDrawer {
  private data = new Uint8ClampedArray(0)
  private canvas: OffscreenCanvas | null = null

  async draw(
    jobs: readonly TileJob[],
    styles: readonly ZonedLayerStyle[],
    indexes: readonly LayerIndex[],
  ): Promise<RasterTile[]> {
    const passes = drawPasses(styles, indexes)
    const tiles: RasterTile[] = []
    // One at a time: each tile's pixels are in the one buffer until its bitmap holds them.
    for (const job of jobs) tiles.push({ rect: job.rect, bitmap: await this.drawOne(job, passes) })
    return tiles
  }

  private drawOne(job: TileJob, passes: ReturnType<typeof drawPasses>): Promise<ImageBitmap> {
    const { width, height } = job
    if (this.data.length < KEPT_BYTES) this.data = new Uint8ClampedArray(KEPT_BYTES)
    // A bitmap larger than the kept buffer (a detail) is drawn in bands of rows through it: a
    // fresh buffer of its size would cost more to fault in than the dots take to draw.
    const rows = Math.max(1, Math.floor(KEPT_BYTES / (4 * width)))
    if (height <= rows) {
      // A base tile in one piece goes straight to a bitmap: a canvas's putImageData cost as much
      // as drawing its dots, and the pixels are opaque, so nothing is lost to premultiplying.
      const data = this.data.subarray(0, width * height * 4)
      const dotted = rasterizeTile(job.view, { x: 0, y: 0, width, height, data }, passes.styles, passes.indexes)
      if (!dotted && job.blankAsPixel) return createImageBitmap(new ImageData(WHITE.slice(), 1, 1))
      return createImageBitmap(new ImageData(data, width, height))
    }
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height)
      this.canvas = new OffscreenCanvas(width, height)
    // transferToImageBitmap leaves the canvas blank at its size, ready for the next tile.
    const context = this.canvas.getContext('2d')
    if (!context) throw new Error('This system cannot draw off screen.')
    for (let y = 0; y < height; y += rows) {
      const band = Math.min(rows, height - y)
      const data = this.data.subarray(0, width * band * 4)
      rasterizeTile(job.view, { x: 0, y, width, height: band, data }, passes.styles, passes.indexes)
      context.putImageData(new ImageData(data, width, band), 0, y)
    }
    return Promise.resolve(this.canvas.transferToImageBitmap())
  }
}
