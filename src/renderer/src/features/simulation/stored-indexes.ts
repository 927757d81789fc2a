import type { LayerIndex, LayerSummary } from '../../../../shared/simulation/layer-index'

/**
 * A scene's drawing indexes (one per session, as `indexSessions` builds them) in the form the
 * dot cache stores: every index's arrays laid end to end in one blob, read back in one piece
 * and viewed in place, the rest as it is. A photo opened after a restart then draws its base
 * from what it reads, without sorting half a million dots into buckets first.
 */
export interface SceneIndexes {
  layers: LayerSummary[]
  indexes: LayerIndex[]
  /** What the worker holds for the scene, its zones' dots and these indexes: the page's figure. */
  bytes: number
}

/** One index without its arrays; `count` dots, `cols × rows` buckets. */
interface Grid {
  cellPx: number
  originX: number
  originY: number
  cols: number
  rows: number
  maxRadius: number
  count: number
}

export interface PackedIndexes {
  layers: LayerSummary[]
  bytes: number
  grids: Grid[]
  /** Per index: cellStart, x, y, r, then zone padded to 4 bytes, so every view starts aligned. */
  arrays: Blob
}

/** Bytes of one index's arrays in the blob, its zones' padding included. */
const packedBytes = ({ cols, rows, count }: Grid) => 4 * (cols * rows + 1) + 12 * count + 4 * Math.ceil(count / 2)

/** Copied now: the caller may write over the indexes' buffers at once. */
export function packIndexes(scene: SceneIndexes): PackedIndexes {
  const pieces: Uint8Array[] = []
  const bytesOf = (view: ArrayBufferView) => new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
  for (const index of scene.indexes) {
    pieces.push(...[index.cellStart, index.x, index.y, index.r, index.zone].map(bytesOf))
    if (index.zone.length % 2 === 1) pieces.push(new Uint8Array(2))
  }
  return {
    layers: scene.layers.map((layer) => ({ ...layer, zoneCounts: layer.zoneCounts.slice() })),
    bytes: scene.bytes,
    grids: scene.indexes.map(({ cellPx, originX, originY, cols, rows, maxRadius, x }) => ({
      cellPx,
      originX,
      originY,
      cols,
      rows,
      maxRadius,
      count: x.length,
    })),
    arrays: new Blob(pieces as Uint8Array<ArrayBuffer>[]),
  }
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0

function isGrid(grid: unknown): grid is Grid {
  if (typeof grid !== 'object' || grid === null) return false
  const g = grid as Record<string, unknown>
  return (
    ['cellPx', 'originX', 'originY', 'maxRadius'].every((k) => Number.isFinite(g[k])) &&
    isCount(g.count) &&
    isCount(g.cols) &&
    isCount(g.rows) &&
    (g.cols as number) > 0 &&
    (g.rows as number) > 0
  )
}

/** The stored indexes as drawn, or null when they are not whole (treated as a miss). */
export async function unpackIndexes(stored: unknown): Promise<SceneIndexes | null> {
  if (typeof stored !== 'object' || stored === null) return null
  const { layers, bytes, grids, arrays } = stored as Partial<PackedIndexes>
  if (!Array.isArray(grids) || !grids.every(isGrid) || !(arrays instanceof Blob) || !isCount(bytes)) return null
  if (!Array.isArray(layers) || layers.length !== grids.length) return null
  if (arrays.size !== grids.reduce((sum, grid) => sum + packedBytes(grid), 0)) return null
  const buffer = await arrays.arrayBuffer()
  let at = 0
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, each: number) => {
    const view = make(buffer, at, length)
    at += 4 * Math.ceil((length * each) / 4)
    return view
  }
  const indexes: LayerIndex[] = []
  for (const [l, grid] of grids.entries()) {
    const layer = layers[l] as Partial<LayerSummary> | undefined
    if (typeof layer?.sessionId !== 'string' || !(layer.zoneCounts instanceof Int32Array)) return null
    if (!Number.isFinite(layer.shortfall)) return null
    const { count, cols, rows } = grid
    const cellStart = take((b, o, n) => new Int32Array(b, o, n), cols * rows + 1, 4)
    const index: LayerIndex = {
      cellPx: grid.cellPx,
      originX: grid.originX,
      originY: grid.originY,
      cols,
      rows,
      maxRadius: grid.maxRadius,
      cellStart,
      x: take((b, o, n) => new Float32Array(b, o, n), count, 4),
      y: take((b, o, n) => new Float32Array(b, o, n), count, 4),
      r: take((b, o, n) => new Float32Array(b, o, n), count, 4),
      zone: take((b, o, n) => new Uint16Array(b, o, n), count, 2),
    }
    const counted = layer.zoneCounts.reduce((sum, n) => sum + n, 0)
    if (cellStart[0] !== 0 || cellStart[cols * rows] !== count || counted !== count) return null
    indexes.push(index)
  }
  return { layers: layers as LayerSummary[], indexes, bytes }
}
