import type { SimInput } from '../../../../shared/simulation/simulate'
import type { ImageRect } from '../canvas/view-cache'
import type { ZonedLayerStyle } from './layer-looks'

export type { ImageRect }

/**
 * What the page asks of the dot worker. The scene is the dots' data (zones and sessions); the
 * styles are how they look at the chosen date (strength, colour, visibility, opacity), so moving
 * the date or a slider only re-rasterises and never re-samples.
 */
export type WorkerRequest =
  | { type: 'scene'; input: SimInput | null }
  /**
   * The page is done with the worker: it drops what it was asked and has not started, stores
   * the dots it sampled (those of a scene it is sampling too) in the dot cache, then closes.
   */
  | { type: 'close' }
  | {
      type: 'raster'
      generation: number
      styles: ZonedLayerStyle[]
      /** The whole photo at `scale` (≤ 1), in tiles; or, for `detail`, just `rect`. */
      target:
        | {
            kind: 'base'
            scale: number
            image: { width: number; height: number }
            /** Every tile, not only those whose dots or look changed: the page holds none. */
            redraw: boolean
          }
        | {
            kind: 'detail'
            scale: number
            rect: ImageRect
            /**
             * The part on screen, on the detail's pixel grid: drawn and sent first (a 'preview'),
             * so a zoom step shows sharp dots before the margin around the view is drawn.
             */
            first?: ImageRect
          }
    }

export interface RasterTile {
  rect: ImageRect
  bitmap: ImageBitmap
}

export interface ZoneCounts {
  sessionId: string
  /** Dots placed per zone index of the scene. */
  counts: number[]
  /** Dots a zone's density asked for but could not fit. */
  shortfall: number
}

export type WorkerReply =
  | {
      type: 'dots'
      layers: ZoneCounts[]
      bytes: number
      /** Zones whose dots were read from the dot cache rather than sampled. */
      cached: number
      millis: number
    }
  | {
      type: 'tiles'
      generation: number
      /** A preview is the part of a detail on screen, sent ahead of the whole detail. */
      target: 'base' | 'detail' | 'preview'
      scale: number
      /** Base tiles whose rectangles are not listed are unchanged. */
      tiles: RasterTile[]
      millis: number
    }
  | { type: 'error'; message: string }

/** A detail bitmap never exceeds this many pixels on a side, whatever the screen. */
export const DETAIL_MAX_PX = 4096
