import {
  type Clip,
  type DotLook,
  DRAWN_REACH,
  dotTone,
  dotTraits,
  HEALED_LOOK,
  rowDot,
  softDot,
  toneAt,
} from './dot-coverage'
import { indexLayer, type LayerIndex, rangesNear } from './layer-index'
import type { DotLayer } from './simulate'

/**
 * Dot layers multiplied into an RGBA "filter" bitmap that the UI lays over the photo with a
 * multiply blend: white where there is no pigment, and each dot scales the pixels it covers by
 * 1 − a·cov·(1 − colour) per channel (a = layer opacity × zone strength). How a dot's coverage
 * is spread over pixels, its total kept at its area at every zoom, is in `dot-coverage.ts`.
 * Dots are drawn in their layer index's bucket order, for the cache and so that a tile matches.
 */

export interface RasterView {
  originX: number
  originY: number
  scale: number
}

/** Target pixel (i, j) shows image point (originX + (i + 0.5) / scale, originY + (j + 0.5) / scale). */
export interface RasterTarget extends RasterView {
  width: number
  height: number
  /** RGBA, width × height × 4, starting on a 4-byte boundary (as ImageData's and any new array's do). */
  data: Uint8ClampedArray
}

/** A rectangle of a view's pixels, (x, y) its top-left pixel in that view, with its own RGBA buffer. */
export interface RasterTile {
  x: number
  y: number
  width: number
  height: number
  data: Uint8ClampedArray
}

export interface LayerStyle {
  visible: boolean
  opacity: number
  /** Per zone index: r, g, b in 0–1 and the strength a in 0–1. */
  zoneColours: Float32Array
  /** Healed unless said otherwise. */
  look?: DotLook
}

/**
 * Above this radius (screen px) a dot is drawn with its shape and soft edge; below it, its area
 * row by row: at that size a pixel is coarser than the shape, and only its size and tone show.
 */
export const SHAPED_RADIUS = 1.2

/**
 * The whole view. Pass the layers' indexes when they are kept between renders (building one
 * costs a few ms for 500,000 dots); they set the drawing order either way.
 */
export function rasterize(
  target: RasterTarget,
  layers: readonly DotLayer[],
  styles: readonly LayerStyle[],
  indexes?: readonly LayerIndex[],
): void {
  target.data.fill(255)
  const clip: Clip = { data: words(target.data), x0: 0, y0: 0, x1: target.width, y1: target.height }
  layers.forEach((layer, l) => {
    const ink = inkPerZone(styles[l])
    if (!ink) return
    const index = indexes?.[l] ?? indexLayer(layer)
    drawDots(clip, target, index, ink, styles[l]?.look ?? HEALED_LOOK, Int32Array.from([0, index.x.length]))
  })
}

/**
 * One tile of a view, equal to the same pixels of a full `rasterize`; `indexes[l]` is `indexLayer`
 * of layer l. False when no dot reached the tile: it is all white.
 */
export function rasterizeTile(
  view: RasterView,
  tile: RasterTile,
  styles: readonly LayerStyle[],
  indexes: readonly LayerIndex[],
): boolean {
  tile.data.fill(255)
  const clip: Clip = {
    data: words(tile.data),
    x0: tile.x,
    y0: tile.y,
    x1: tile.x + tile.width,
    y1: tile.y + tile.height,
  }
  // The tile's image rectangle, a pixel wider each way for the ramp.
  const minX = view.originX + (tile.x - 1) / view.scale
  const minY = view.originY + (tile.y - 1) / view.scale
  const maxX = view.originX + (tile.x + tile.width + 1) / view.scale
  const maxY = view.originY + (tile.y + tile.height + 1) / view.scale
  let drawn = false
  indexes.forEach((index, l) => {
    const ink = inkPerZone(styles[l])
    if (!ink) return
    const look = styles[l]?.look ?? HEALED_LOOK
    // A fresh dot is drawn larger than the index's extents allow for.
    const grow = (DRAWN_REACH * Math.max(1, look.scale) - 1) * index.maxRadius + 1 / view.scale
    const ranges = rangesNear(index, minX - grow, minY - grow, maxX + grow, maxY + grow)
    if (drawDots(clip, view, index, ink, look, ranges)) drawn = true
  })
  return drawn
}

function words(data: Uint8ClampedArray): Uint32Array {
  return new Uint32Array(data.buffer, data.byteOffset, data.length >> 2)
}

/** Per zone, a · (1 − colour) for r, g, b: what a fully covered pixel loses. Null when the layer draws nothing. */
function inkPerZone(style: LayerStyle | undefined): Float32Array | null {
  if (!style?.visible || !(style.opacity > 0)) return null
  const colours = style.zoneColours
  const ink = new Float32Array((colours.length / 4) * 3)
  for (let z = 0; z < colours.length / 4; z++) {
    const darken = style.look?.darken ?? 1
    const a = Math.min(1, Math.max(0, style.opacity * darken * (colours[4 * z + 3] as number)))
    for (let c = 0; c < 3; c++) ink[3 * z + c] = a * (1 - Math.min(1, Math.max(0, colours[4 * z + c] as number)))
  }
  return ink
}

/** The index's dots in the [from, to) ranges, in order; false when none reached the clip. */
function drawDots(
  clip: Clip,
  view: RasterView,
  dots: LayerIndex,
  ink: Float32Array,
  look: DotLook,
  ranges: Int32Array,
): boolean {
  let drawn = false
  const { originX, originY, scale } = view
  const { x0, y0, x1, y1 } = clip
  const { x: xs, y: ys, r: rs, zone: zs } = dots
  const edge = look.edge
  const zones = ink.length / 3
  for (let k = 0; k < ranges.length; k += 2) {
    for (let d = ranges[k] as number, end = ranges[k + 1] as number; d < end; d++) {
      const z = zs[d] as number
      if (z >= zones) continue
      const kr = ink[3 * z] as number
      const kg = ink[3 * z + 1] as number
      const kb = ink[3 * z + 2] as number
      if (kr === 0 && kg === 0 && kb === 0) continue
      const x = xs[d] as number
      const y = ys[d] as number
      const cx = (x - originX) * scale
      const cy = (y - originY) * scale
      const radius = (rs[d] as number) * scale * look.scale
      const reach = DRAWN_REACH * radius + 1
      if (cx + reach < x0 || cx - reach > x1 || cy + reach < y0 || cy - reach > y1) continue
      drawn = true
      if (radius > SHAPED_RADIUS) {
        const traits = dotTraits(x, y)
        const tone = dotTone(traits[2])
        softDot(
          clip,
          cx,
          cy,
          radius,
          edge,
          traits,
          Math.min(1, kr * tone),
          Math.min(1, kg * tone),
          Math.min(1, kb * tone),
        )
      } else if (radius > 0) {
        const tone = toneAt(x, y)
        rowDot(clip, cx, cy, radius, Math.min(1, kr * tone), Math.min(1, kg * tone), Math.min(1, kb * tone))
      }
    }
  }
  return drawn
}
