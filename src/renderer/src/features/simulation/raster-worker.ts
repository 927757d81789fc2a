/// <reference lib="webworker" />
import type { LayerIndex } from '../../../../shared/simulation/layer-index'
import type { ZonedLayerStyle } from './layer-looks'
import type { RasterTile } from './raster-protocol'
import { TileDrawer, type TileJob } from './tile-raster'

/**
 * The dot worker's helper for a large raster: draws the share of the tiles it is sent, with a
 * copy of the dots that comes with them, and keeps nothing, so the dots are held once while no
 * raster runs. Two threads draw a full regeneration or an opened photo in about half the time.
 */

export interface RasterHelpRequest {
  id: number
  jobs: TileJob[]
  styles: ZonedLayerStyle[]
  indexes: LayerIndex[]
}

export type RasterHelpReply = { id: number; tiles: RasterTile[] } | { id: number; error: string }

const scope = self as unknown as DedicatedWorkerGlobalScope
const drawer = new TileDrawer()

scope.onmessage = (event: MessageEvent<RasterHelpRequest>) => {
  const { id, jobs, styles, indexes } = event.data
  try {
    const tiles = drawer.draw(jobs, styles, indexes)
    scope.postMessage(
      { id, tiles } satisfies RasterHelpReply,
      tiles.map((t) => t.bitmap),
    )
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : 'The tiles could not be drawn.' })
  }
}
