import { type DotLayer, type SimSession, sessionSpans, type ZoneSimulation } from './simulate'

/**
 * A layer's dots sorted into square buckets of image px: a copy for drawing. Drawn bucket by
 * bucket, dots and bitmap are both read a region at a time; in layer order every dot lands
 * anywhere in a 45 MB bitmap and its own data sits anywhere in 7 MB, and a cache miss per access
 * would cost more than the drawing. A tile also finds its dots without visiting every dot.
 */
export interface LayerIndex {
  cellPx: number
  originX: number
  originY: number
  cols: number
  rows: number
  /** Dots of bucket c are cellStart[c] … cellStart[c + 1] − 1 in the arrays below. */
  cellStart: Int32Array
  x: Float32Array
  y: Float32Array
  r: Float32Array
  zone: Uint16Array
  /** The largest dot radius, image px: how far a dot can reach out of its bucket. */
  maxRadius: number
}

/**
 * Fixed so every index of a layer orders its dots the same way: a tile must draw its dots in
 * the order a full render does, or the 8-bit rounding after each dot could differ.
 */
const CELL_PX = 64
/** Multiplying by it is dividing by CELL_PX exactly (a power of two), and cheaper. */
const PER_CELL = 1 / CELL_PX

export interface DotExtent {
  minX: number
  minY: number
  maxX: number
  maxY: number
  /** The largest radius: how far a dot reaches past its centre. */
  maxRadius: number
}

/** The box of the dots' centres and their largest radius; all zero when there are no dots. */
export function dotExtent(dots: { x: Float32Array; y: Float32Array; r: Float32Array }): DotExtent {
  const n = dots.x.length
  if (n === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0, maxRadius: 0 }
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  let maxRadius = 0
  for (let d = 0; d < n; d++) {
    const x = dots.x[d] as number
    const y = dots.y[d] as number
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
    if ((dots.r[d] as number) > maxRadius) maxRadius = dots.r[d] as number
  }
  return { minX, minY, maxX, maxY, maxRadius }
}

/** A counting sort into buckets, stable, so each bucket keeps the layer's order. */
export function indexLayer(layer: DotLayer): LayerIndex {
  // A layer holds its zones' dots one zone after another: each run of one zone is a span.
  const spans: Span[] = []
  for (let from = 0; from < layer.x.length; ) {
    const zone = layer.zone[from] as number
    let to = from + 1
    while (to < layer.x.length && layer.zone[to] === zone) to++
    spans.push({ zone, x: layer.x.subarray(from, to), y: layer.y.subarray(from, to), r: layer.r.subarray(from, to) })
    from = to
  }
  return indexSpans(spans, layer.x.length, undefined)
}

/**
 * The index's dots that can touch the image rectangle, as [from, to) ranges into its arrays
 * (one per row of buckets), in the order a full render draws them.
 */
export function rangesNear(index: LayerIndex, minX: number, minY: number, maxX: number, maxY: number): Int32Array {
  const reach = index.maxRadius
  const i0 = Math.max(0, Math.floor((minX - reach - index.originX) / index.cellPx))
  const i1 = Math.min(index.cols - 1, Math.floor((maxX + reach - index.originX) / index.cellPx))
  const j0 = Math.max(0, Math.floor((minY - reach - index.originY) / index.cellPx))
  const j1 = Math.min(index.rows - 1, Math.floor((maxY + reach - index.originY) / index.cellPx))
  // A rectangle wholly beside, above or below the dots has no buckets; without this the row
  // ranges below would read past the last row.
  if (i0 > i1 || j0 > j1) return new Int32Array(0)
  const ranges = new Int32Array(2 * (j1 - j0 + 1))
  for (let j = j0; j <= j1; j++) {
    // A row's buckets are contiguous, so one range per row.
    ranges[2 * (j - j0)] = index.cellStart[j * index.cols + i0] as number
    ranges[2 * (j - j0) + 1] = index.cellStart[j * index.cols + i1 + 1] as number
  }
  return ranges
}

/** A session's layer without its dots: what is told of it beside its index. */
export interface LayerSummary {
  sessionId: string
  zoneCounts: Int32Array
  shortfall: number
}

/**
 * Each session's layer index straight from the zones' results: the same as `indexLayer` of each
 * of `assembleLayers`' layers, without building those layers, and written into the buffers of
 * `reuse` (the previous indexes, which the caller gives up) where they are large enough. Fresh
 * memory is what costs here: a scene of 500,000 dots would otherwise take some 16 MB of new
 * arrays at every edit.
 */
export function indexSessions(
  sessions: readonly SimSession[],
  zoneResults: readonly ZoneSimulation[],
  reuse: readonly LayerIndex[] = [],
): { layers: LayerSummary[]; indexes: LayerIndex[] } {
  const layers: LayerSummary[] = []
  const indexes = sessions.map((session, s) => {
    const { starts, zoneCounts, total, shortfall } = sessionSpans(session.id, zoneResults)
    layers.push({ sessionId: session.id, zoneCounts, shortfall })
    const spans = zoneResults.flatMap((result, z) => {
      const from = starts[z] as number
      const count = zoneCounts[z] as number
      return count === 0
        ? []
        : [
            {
              zone: z,
              x: result.x.subarray(from, from + count),
              y: result.y.subarray(from, from + count),
              r: result.r.subarray(from, from + count),
            },
          ]
    })
    return indexSpans(spans, total, reuse[s])
  })
  return { layers, indexes }
}

interface Span {
  zone: number
  x: Float32Array
  y: Float32Array
  r: Float32Array
}

/** A view of `count` elements on `old`'s buffer when it holds them, else on a new one with room to grow. */
function room<T extends Float32Array | Uint16Array>(
  old: T | undefined,
  count: number,
  make: (buffer: ArrayBuffer, count: number) => T,
  bytesEach: number,
): T {
  const buffer = old?.buffer
  if (buffer instanceof ArrayBuffer && old?.byteOffset === 0 && buffer.byteLength >= count * bytesEach)
    return make(buffer, count)
  return make(new ArrayBuffer(Math.ceil(count * 1.02 + 256) * bytesEach), count)
}

/** `indexLayer` of the layer whose dots are the spans in order (zone `span.zone` each). */
function indexSpans(spans: readonly Span[], n: number, old: LayerIndex | undefined): LayerIndex {
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  let maxRadius = 0
  for (const span of spans) {
    const extent = dotExtent(span)
    minX = Math.min(minX, extent.minX)
    minY = Math.min(minY, extent.minY)
    maxX = Math.max(maxX, extent.maxX)
    maxY = Math.max(maxY, extent.maxY)
    maxRadius = Math.max(maxRadius, extent.maxRadius)
  }
  if (n === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0]
  const cols = Math.floor((maxX - minX) / CELL_PX) + 1
  const rows = Math.floor((maxY - minY) / CELL_PX) + 1
  const cellStart = new Int32Array(cols * rows + 1)
  for (const { x, y } of spans)
    for (let d = 0; d < x.length; d++) {
      const c =
        Math.floor(((y[d] as number) - minY) * PER_CELL) * cols + Math.floor(((x[d] as number) - minX) * PER_CELL)
      cellStart[c + 1] = (cellStart[c + 1] as number) + 1
    }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number)
  const next = cellStart.slice(0, cols * rows)
  const floats = (buffer: ArrayBuffer, count: number) => new Float32Array(buffer, 0, count)
  const index: LayerIndex = {
    cellPx: CELL_PX,
    originX: minX,
    originY: minY,
    cols,
    rows,
    cellStart,
    x: room(old?.x, n, floats, 4),
    y: room(old?.y, n, floats, 4),
    r: room(old?.r, n, floats, 4),
    zone: room(old?.zone, n, (buffer, count) => new Uint16Array(buffer, 0, count), 2),
    maxRadius,
  }
  for (const { zone, x, y, r } of spans)
    for (let d = 0; d < x.length; d++) {
      const px = x[d] as number
      const py = y[d] as number
      const c = Math.floor((py - minY) * PER_CELL) * cols + Math.floor((px - minX) * PER_CELL)
      const to = next[c] as number
      next[c] = to + 1
      index.x[to] = px
      index.y[to] = py
      index.r[to] = r[d] as number
      index.zone[to] = zone
    }
  return index
}
