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

/** A rectangle of a bitmap in its device pixels. */
interface DeviceRect {
  left: number
  top: number
  right: number
  bottom: number
}

/** A baked view with the pigment multiplied in, and which pigment frame it holds. */
export interface ComposedView extends BakedView {
  photo: BakedView
  frame: number
  /** The tiles its pixels show once nothing is pending; null when not known (all are new). */
  tiles: readonly PigmentTile[] | null
  /**
   * Rows of the bitmap (device pixels, top first) still showing an older frame's pigment, the
   * part of them that changes (`region`, null for all of it) and the tiles of `frame` they are
   * to get: new pigment is multiplied in a few rows a frame, and only where a tile changed.
   */
  pending: { rows: [number, number][]; region: readonly DeviceRect[] | null; tiles: readonly PigmentTile[] } | null
}

/** New pigment over an unchanged photo is multiplied in by bands of this many device rows, top first. */
const BAND_ROWS = 128
/**
 * Device pixels either side of a changed tile also drawn again: a tile's edge at a fractional
 * device pixel blends into its neighbour's pixels.
 */
const SEAM = 2

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
  if (!pigment) return { ...photo, photo, frame, tiles: [], pending: null }
  const bitmap = new OffscreenCanvas(width, height)
  const tiles = pigmentTiles(photo, pigment)
  const composed: ComposedView = { bitmap, rect: photo.rect, scale: photo.scale, photo, frame, tiles, pending: null }
  multiplyParts(composed, tiles, bandParts(width, [0, height], null))
  return composed
}

/**
 * The same view taking new pigment in place, band by band (`advance`), so no frame of the UI
 * thread draws every tile of a regeneration at once; until a band is drawn it shows the old.
 * Only where a tile changed is drawn again: an edit's few tiles are a frame's work, not the view's.
 */
export function recompose(view: ComposedView, pigment: PigmentSource, frame: number): ComposedView {
  const { width, height } = view.bitmap
  const tiles = pigmentTiles(view.photo, pigment)
  // Rows still pending show older pigment than `view.tiles`: only a settled view can be diffed.
  const region = view.tiles && !view.pending ? changedRegion(view, view.tiles, tiles) : null
  const rows: [number, number][] = []
  for (let top = 0; top < height; top += BAND_ROWS) {
    const band: [number, number] = [top, Math.min(height, top + BAND_ROWS)]
    if (bandParts(width, band, region).length > 0) rows.push(band)
  }
  return { ...view, frame, tiles, pending: rows.length > 0 ? { rows, region, tiles } : null }
}

/**
 * Draws pending bands until at least `pixels` device pixels have been drawn again (always one
 * band, `Infinity` for all); returns whether any remain. Counted in pixels, not timed: a 2D
 * canvas only records the calls, and rasterises them when the view is next drawn, so the calls'
 * own time says nothing of their cost (a regeneration's whole raster once fell in one 50–70 ms
 * frame that had timed its calls at under 12 ms).
 */
export function advance(view: ComposedView, pixels: number): boolean {
  const pending = view.pending
  if (!pending) return false
  let drawn = 0
  while (drawn < pixels) {
    const next = pending.rows.shift()
    if (!next) break
    const parts = bandParts(view.bitmap.width, next, pending.region)
    multiplyParts(view, pending.tiles, parts)
    drawn += parts.reduce((sum, r) => sum + (r.right - r.left) * (r.bottom - r.top), 0)
  }
  if (pending.rows.length > 0) return true
  view.pending = null
  return false
}

/** Rows [top, bottom) of a bitmap `width` wide, within `region` (all of them when it is null). */
function bandParts(width: number, [top, bottom]: [number, number], region: readonly DeviceRect[] | null): DeviceRect[] {
  return (region ?? [{ left: 0, top, right: width, bottom }])
    .map((r) => ({
      left: Math.max(0, r.left),
      top: Math.max(top, r.top),
      right: Math.min(width, r.right),
      bottom: Math.min(bottom, r.bottom),
    }))
    .filter((r) => r.right > r.left && r.bottom > r.top)
}

/** Where tiles came, went or were replaced (by bitmap), in the view's device pixels, with a seam. */
function changedRegion(view: BakedView, before: readonly PigmentTile[], after: readonly PigmentTile[]): DeviceRect[] {
  const had = new Set(before.map((t) => t.bitmap))
  const has = new Set(after.map((t) => t.bitmap))
  const changed = [...after.filter((t) => !had.has(t.bitmap)), ...before.filter((t) => !has.has(t.bitmap))]
  const { x, y } = view.rect
  const { scale } = view
  return changed.map(({ rect }) => ({
    left: Math.floor((rect.x - x) * scale) - SEAM,
    top: Math.floor((rect.y - y) * scale) - SEAM,
    right: Math.ceil((rect.x + rect.width - x) * scale) + SEAM,
    bottom: Math.ceil((rect.y + rect.height - y) * scale) + SEAM,
  }))
}

function pigmentTiles(photo: BakedView, pigment: PigmentSource): readonly PigmentTile[] {
  const { width, height } = photo.bitmap
  const { x, y } = photo.rect
  const { scale } = photo
  return pigment.tilesFor({ scale, x: -x * scale, y: -y * scale }, { width, height })
}

/**
 * `parts` of the view (`bandParts`): the photo, with the tiles multiplied in. The clip is on
 * whole pixels, so the pixels inside are exactly a full draw's.
 */
function multiplyParts(view: ComposedView, tiles: readonly PigmentTile[], parts: readonly DeviceRect[]): void {
  const { photo } = view
  const context = view.bitmap.getContext('2d') as OffscreenCanvasRenderingContext2D
  const { x, y } = photo.rect
  const { scale } = photo
  if (parts.length === 0) return
  context.save()
  context.beginPath()
  for (const r of parts) context.rect(r.left, r.top, r.right - r.left, r.bottom - r.top)
  context.clip()
  context.drawImage(photo.bitmap, 0, 0)
  context.globalCompositeOperation = 'multiply'
  context.imageSmoothingEnabled = true
  context.setTransform(scale, 0, 0, scale, -x * scale, -y * scale)
  for (const tile of tiles) {
    // Only tiles reaching the parts drawn: a bitmap's first draw costs even when clipped away.
    const tileLeft = (tile.rect.x - x) * scale
    const tileTop = (tile.rect.y - y) * scale
    const tileRight = tileLeft + tile.rect.width * scale
    const tileBottom = tileTop + tile.rect.height * scale
    const reaches = parts.some(
      (r) => tileLeft <= r.right + 1 && tileRight >= r.left - 1 && tileTop <= r.bottom + 1 && tileBottom >= r.top - 1,
    )
    if (!reaches) continue
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
