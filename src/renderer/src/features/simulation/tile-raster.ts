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
}

/** The largest buffer kept between tiles: a 512 px base tile's. */
const KEPT_BYTES = 512 * 512 * 4

/**
 * Draws tiles of dots into bitmaps, reusing one pixel buffer and one canvas from tile to tile:
 * a fresh megabyte per tile would leave tens of megabytes for the collector after every raster.
 */
export class TileDrawer {
  private data = new Uint8ClampedArray(0)
  private canvas: OffscreenCanvas | null = null

  draw(jobs: readonly TileJob[], styles: readonly ZonedLayerStyle[], indexes: readonly LayerIndex[]): RasterTile[] {
    const passes = drawPasses(styles, indexes)
    return jobs.map((job) => ({ rect: job.rect, bitmap: this.drawOne(job, passes) }))
  }

  private drawOne(job: TileJob, passes: ReturnType<typeof drawPasses>): ImageBitmap {
    const { width, height } = job
    if (this.data.length < KEPT_BYTES) this.data = new Uint8ClampedArray(KEPT_BYTES)
    if (!this.canvas || this.canvas.width !== width || this.canvas.height !== height)
      this.canvas = new OffscreenCanvas(width, height)
    // transferToImageBitmap leaves the canvas blank at its size, ready for the next tile.
    const context = this.canvas.getContext('2d')
    if (!context) throw new Error('This system cannot draw off screen.')
    // A bitmap larger than the kept buffer (a detail) is drawn in bands of rows through it: a
    // fresh buffer of its size would cost more to fault in than the dots take to draw.
    const rows = Math.max(1, Math.floor(KEPT_BYTES / (4 * width)))
    for (let y = 0; y < height; y += rows) {
      const band = Math.min(rows, height - y)
      const data = this.data.subarray(0, width * band * 4)
      rasterizeTile(job.view, { x: 0, y, width, height: band, data }, passes.styles, passes.indexes)
      context.putImageData(new ImageData(data, width, band), 0, y)
    }
    return this.canvas.transferToImageBitmap()
  }
}
