import type { Size, Viewport } from '../../canvas/viewport'

/** A rectangle of the photo in its original pixels. */
export interface ImageRect {
  x: number
  y: number
  width: number
  height: number
}

export interface PigmentTile {
  rect: ImageRect
  bitmap: CanvasImageSource
  /**
   * Drawn in place of the tiles before it where it lies (a sharp part of the view come ahead of
   * the rest), not multiplied over them; its edges fall on whole device pixels.
   */
  over?: boolean
}

/**
 * Bitmaps multiplied into the photo (the session layers). Kept to what the canvas needs so it
 * knows nothing of how they are made.
 */
export interface PigmentSource {
  /** What covers the view: whole-photo tiles, or a sharper bitmap of just that area. */
  tilesFor(viewport: Viewport, stage: Size): readonly PigmentTile[]
  /** The view moved; a source may prepare sharper bitmaps once it settles. */
  setView(viewport: Viewport, stage: Size, pixelRatio: number): void
  /** Changes whenever the tiles do. */
  frame(): number
  /** Whether tiles are still being drawn that will replace what `tilesFor` gives now. */
  drawing(): boolean
  subscribe(onChange: () => void): () => void
}

/** The cache covers this much more than the view on each side, so a pan rarely leaves it. */
export const BAKE_MARGIN = 0.25

export interface BakedView {
  bitmap: OffscreenCanvas
  /** The part of the photo it shows. */
  rect: ImageRect
  /** Device pixels per photo pixel it was drawn at. */
  scale: number
}

/** A baked view with the pigment multiplied in, and which pigment frame it holds. */
export interface ComposedView extends BakedView {
  photo: BakedView
  frame: number
  /**
   * Rows of the bitmap (device pixels, top first) still showing an older frame's pigment, and
   * the tiles of `frame` they are to get: new pigment is multiplied in a few rows a frame.
   */
  pending: { rows: [number, number][]; tiles: readonly PigmentTile[] } | null
}

/** New pigment over an unchanged photo is multiplied in by bands of this many device rows, top first. */
const BAND_ROWS = 128

export function visiblePart(viewport: Viewport, stage: Size, image: Size): ImageRect {
  const x = Math.max(0, -viewport.x / viewport.scale)
  const y = Math.max(0, -viewport.y / viewport.scale)
  return {
    x,
    y,
    width: Math.max(0, Math.min(image.width, (stage.width - viewport.x) / viewport.scale) - x),
    height: Math.max(0, Math.min(image.height, (stage.height - viewport.y) / viewport.scale) - y),
  }
}

export const covers = (outer: ImageRect, inner: ImageRect) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6

/**
 * The photo drawn once at the current zoom, in device pixels, over the view and a margin: a pan
 * then copies one bitmap instead of resampling a 24 MP photo each frame (measured in
 * `bench/layers.bench.tsx`: from about 19 ms a frame to about 3 ms on two cores without a GPU).
 * `device` maps photo pixels to the canvas's device pixels (scale and offset); the bitmap's
 * edges fall on whole device pixels, so it lands exactly where the photo would have been drawn.
 */
export function bakePhoto(options: {
  photo: CanvasImageSource
  image: Size
  seen: ImageRect
  device: { scale: number; x: number; y: number }
}): BakedView {
  const { photo, image, seen, device } = options
  const { scale } = device
  const left = Math.floor(Math.max(0, seen.x - seen.width * BAKE_MARGIN) * scale + device.x)
  const top = Math.floor(Math.max(0, seen.y - seen.height * BAKE_MARGIN) * scale + device.y)
  const right = Math.ceil(Math.min(image.width, seen.x + seen.width * (1 + BAKE_MARGIN)) * scale + device.x)
  const bottom = Math.ceil(Math.min(image.height, seen.y + seen.height * (1 + BAKE_MARGIN)) * scale + device.y)
  const width = Math.max(1, right - left)
  const height = Math.max(1, bottom - top)
  const x = (left - device.x) / scale
  const y = (top - device.y) / scale
  const bitmap = new OffscreenCanvas(width, height)
  const context = bitmap.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.setTransform(scale, 0, 0, scale, -x * scale, -y * scale)
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.drawImage(photo, 0, 0, image.width, image.height)
  return { bitmap, rect: { x, y, width: width / scale, height: height / scale }, scale }
}

/**
 * The baked photo with the pigment multiplied in. Kept apart from the photo's own bake so new
 * pigment (an edit, a date on the timeline) costs one copy and the tiles, never the photo again.
 */
export function composeView(photo: BakedView, pigment: PigmentSource | null, frame: number): ComposedView {
  const { width, height } = photo.bitmap
  if (!pigment) return { ...photo, photo, frame, pending: null }
  const bitmap = new OffscreenCanvas(width, height)
  const composed: ComposedView = { bitmap, rect: photo.rect, scale: photo.scale, photo, frame, pending: null }
  multiplyRows(composed, pigmentTiles(photo, pigment), 0, height)
  return composed
}

/**
 * The same view taking new pigment in place, band by band (`advance`), so no frame of the UI
 * thread draws every tile of a regeneration at once; until a band is drawn it shows the old.
 */
export function recompose(view: ComposedView, pigment: PigmentSource, frame: number): ComposedView {
  const { height } = view.bitmap
  const rows: [number, number][] = []
  for (let top = 0; top < height; top += BAND_ROWS) rows.push([top, Math.min(height, top + BAND_ROWS)])
  return { ...view, frame, pending: { rows, tiles: pigmentTiles(view.photo, pigment) } }
}

/**
 * Draws the next `bands` pending bands; returns whether any remain. Counted in bands, not timed:
 * a 2D canvas only records the calls, and rasterises them when the view is next drawn, so the
 * calls' own time says nothing of their cost (a regeneration's whole raster once fell in one
 * 50–70 ms frame that had timed its calls at under 12 ms).
 */
export function advance(view: ComposedView, bands: number): boolean {
  const pending = view.pending
  if (!pending) return false
  for (let drawn = 0; drawn < bands; drawn++) {
    const next = pending.rows.shift()
    if (!next) break
    multiplyRows(view, pending.tiles, next[0], next[1])
  }
  if (pending.rows.length > 0) return true
  view.pending = null
  return false
}

function pigmentTiles(photo: BakedView, pigment: PigmentSource): readonly PigmentTile[] {
  const { width, height } = photo.bitmap
  const { x, y } = photo.rect
  const { scale } = photo
  return pigment.tilesFor({ scale, x: -x * scale, y: -y * scale }, { width, height })
}

/** Rows [top, bottom) of the view: the photo, with the tiles multiplied in. */
function multiplyRows(view: ComposedView, tiles: readonly PigmentTile[], top: number, bottom: number): void {
  const { photo } = view
  const { width } = view.bitmap
  const context = view.bitmap.getContext('2d') as OffscreenCanvasRenderingContext2D
  const { x, y } = photo.rect
  const { scale } = photo
  context.save()
  context.beginPath()
  context.rect(0, top, width, bottom - top)
  context.clip()
  context.drawImage(photo.bitmap, 0, 0)
  context.globalCompositeOperation = 'multiply'
  context.imageSmoothingEnabled = true
  context.setTransform(scale, 0, 0, scale, -x * scale, -y * scale)
  for (const tile of tiles) {
    // Only tiles reaching these rows: a bitmap's first draw costs even when clipped away.
    const tileTop = (tile.rect.y - y) * scale
    if (tileTop > bottom + 1 || tileTop + tile.rect.height * scale < top - 1) continue
    if (!tile.over) {
      context.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
      continue
    }
    // The photo again where the tile lies, then the tile multiplied into it: pigment is never
    // multiplied in twice. Rounded to whole pixels, so the clip has no soft edge.
    const left = Math.round((tile.rect.x - x) * scale)
    const upper = Math.round((tile.rect.y - y) * scale)
    const right = Math.round((tile.rect.x + tile.rect.width - x) * scale)
    const lower = Math.round((tile.rect.y + tile.rect.height - y) * scale)
    context.save()
    context.setTransform(1, 0, 0, 1, 0, 0)
    context.beginPath()
    context.rect(left, upper, right - left, lower - upper)
    context.clip()
    context.globalCompositeOperation = 'source-over'
    context.drawImage(photo.bitmap, 0, 0)
    context.globalCompositeOperation = 'multiply'
    context.drawImage(tile.bitmap, left, upper, right - left, lower - upper)
    context.restore()
  }
  context.restore()
}
