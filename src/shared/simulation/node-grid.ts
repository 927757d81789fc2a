import type { Point } from '../geometry/point'

/**
 * Distances sampled on a regular grid of nodes, so that a density field can be read by
 * bilinear interpolation in a few nanoseconds instead of walking a polygon per dart.
 * A signed distance is linear along a straight edge, so interpolating it (rather than the
 * weight itself) keeps even a hard edge exact to the float, except within a cell of a corner.
 */

/**
 * Working memory for what a density field is made from and does not keep: reused from build to
 * build, grown as needed, since fresh memory costs more than the sums done in it. What a
 * function returns in it is valid until that function is called again.
 */
const scratch = { floats: [] as Float32Array[], mask: new Uint8Array(0) }

/** Working float array `k` of `size` values, all 0. */
function scratchFloats(k: number, size: number): Float32Array {
  let array = scratch.floats[k]
  if (!array || array.length < size) {
    array = new Float32Array(Math.max(size, 2 * (array?.length ?? 0)))
    scratch.floats[k] = array
  }
  return array.fill(0, 0, size).subarray(0, size)
}

/** Cells per block side. Blocks are the unit of distance culling and of the sampling support. */
export const BLOCK = 8

/** Node (i, j) sits at (originX + i·cell, originY + j·cell); there are `cols` × `rows` nodes. */
export interface NodeGrid {
  originX: number
  originY: number
  cell: number
  cols: number
  rows: number
}

/**
 * A grid covering the rectangle with at most about `maxCells` cells of at least 1 px, its cell
 * counts a whole number of blocks each way (the last block may reach past the rectangle).
 *
 * Anchored to the image: the cell is the smallest of 1, 1.5, 2, 3, 4, 6, 8, 12 … px (exact in
 * binary) that keeps within `maxCells`, and the origin is a whole number of blocks from (0, 0).
 * So nudging one vertex of a zone leaves every node away from it exactly where it was, with
 * exactly the same values, and a sampler can reuse what it drew there.
 */
export function gridOver(minX: number, minY: number, maxX: number, maxY: number, maxCells: number): NodeGrid {
  const width = Math.max(maxX - minX, 1)
  const height = Math.max(maxY - minY, 1)
  const cell = quantizedCell(Math.sqrt((width * height) / maxCells))
  const blockPx = BLOCK * cell
  const originX = Math.floor(minX / blockPx) * blockPx
  const originY = Math.floor(minY / blockPx) * blockPx
  const blocksX = Math.max(1, Math.ceil((maxX - originX) / blockPx))
  const blocksY = Math.max(1, Math.ceil((maxY - originY) / blockPx))
  return { originX, originY, cell, cols: blocksX * BLOCK + 1, rows: blocksY * BLOCK + 1 }
}

/** The smallest of 1, 1.5, 2, 3, 4, 6 … at or above `raw`. */
function quantizedCell(raw: number): number {
  let power = 1
  while (1.5 * power < raw) power *= 2
  return power >= raw ? power : 1.5 * power
}

/** Segments as flat arrays, each with the range its parameter t is clamped to (open ends for a ray). */
interface Segments {
  count: number
  ax: Float64Array
  ay: Float64Array
  dx: Float64Array
  dy: Float64Array
  invLengthSquared: Float64Array
  tMin: Float64Array
  tMax: Float64Array
}

function segmentsOf(points: readonly Point[], closed: boolean, extendEnds: boolean): Segments {
  const count = closed ? points.length : points.length - 1
  const s: Segments = {
    count,
    ax: new Float64Array(count),
    ay: new Float64Array(count),
    dx: new Float64Array(count),
    dy: new Float64Array(count),
    invLengthSquared: new Float64Array(count),
    tMin: new Float64Array(count),
    tMax: new Float64Array(count).fill(1),
  }
  for (let i = 0; i < count; i++) {
    const a = points[i] as Point
    const b = points[(i + 1) % points.length] as Point
    s.ax[i] = a.x
    s.ay[i] = a.y
    s.dx[i] = b.x - a.x
    s.dy[i] = b.y - a.y
    const lengthSquared = (b.x - a.x) ** 2 + (b.y - a.y) ** 2
    s.invLengthSquared[i] = lengthSquared > 0 ? 1 / lengthSquared : 0
  }
  if (extendEnds && count > 0) {
    s.tMin[0] = Number.NEGATIVE_INFINITY
    s.tMax[count - 1] = Number.POSITIVE_INFINITY
  }
  return s
}

function clampedT(s: Segments, i: number, x: number, y: number): number {
  const t =
    ((x - (s.ax[i] as number)) * (s.dx[i] as number) + (y - (s.ay[i] as number)) * (s.dy[i] as number)) *
    (s.invLengthSquared[i] as number)
  const lo = s.tMin[i] as number
  const hi = s.tMax[i] as number
  return t < lo ? lo : t > hi ? hi : t
}

function distanceSquaredAt(s: Segments, i: number, t: number, x: number, y: number): number {
  const ex = x - ((s.ax[i] as number) + t * (s.dx[i] as number))
  const ey = y - ((s.ay[i] as number) + t * (s.dy[i] as number))
  return ex * ex + ey * ey
}

/**
 * Calls `visit` for each block of nodes with the segments that can be nearest to any of its
 * nodes, or with none when every node is farther than `band` from all of them. The test is
 * from the block's centre: a node lies within the half-diagonal R of it, so its nearest segment
 * is within d0 + 2R of the centre, where d0 is the centre's own nearest distance.
 */
function forEachBlock(
  grid: NodeGrid,
  s: Segments,
  band: number,
  visit: (i0: number, i1: number, j0: number, j1: number, candidates: Int32Array, count: number) => void,
): void {
  const centreDistances = new Float64Array(s.count)
  const candidates = new Int32Array(s.count)
  const blocksX = (grid.cols - 1) / BLOCK
  const blocksY = (grid.rows - 1) / BLOCK
  const halfDiagonal = (grid.cell * BLOCK * Math.SQRT2) / 2
  for (let by = 0; by < blocksY; by++) {
    const j0 = by * BLOCK
    const j1 = by === blocksY - 1 ? grid.rows : j0 + BLOCK
    const cy = grid.originY + (j0 + BLOCK / 2) * grid.cell
    for (let bx = 0; bx < blocksX; bx++) {
      const i0 = bx * BLOCK
      const i1 = bx === blocksX - 1 ? grid.cols : i0 + BLOCK
      const cx = grid.originX + (i0 + BLOCK / 2) * grid.cell
      let nearest = Number.POSITIVE_INFINITY
      for (let k = 0; k < s.count; k++) {
        const d = Math.sqrt(distanceSquaredAt(s, k, clampedT(s, k, cx, cy), cx, cy))
        centreDistances[k] = d
        if (d < nearest) nearest = d
      }
      let count = 0
      if (nearest - halfDiagonal <= band) {
        const reach = nearest + 2 * halfDiagonal
        for (let k = 0; k < s.count; k++) if ((centreDistances[k] as number) <= reach) candidates[count++] = k
      }
      visit(i0, i1, j0, j1, candidates, count)
    }
  }
}

/** Even-odd inside test for every node, one scanline per row of nodes. */
function insideMask(grid: NodeGrid, polygon: readonly Point[]): Uint8Array {
  const size = grid.cols * grid.rows
  if (scratch.mask.length < size) scratch.mask = new Uint8Array(Math.max(size, 2 * scratch.mask.length))
  const mask = scratch.mask.fill(0, 0, size).subarray(0, size)
  const crossings: number[] = []
  for (let j = 0; j < grid.rows; j++) {
    const y = grid.originY + j * grid.cell
    crossings.length = 0
    for (let k = 0, m = polygon.length - 1; k < polygon.length; m = k++) {
      const a = polygon[k] as Point
      const b = polygon[m] as Point
      if (a.y > y !== b.y > y) crossings.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y))
    }
    crossings.sort((u, v) => u - v)
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil(((crossings[k] as number) - grid.originX) / grid.cell))
      const to = Math.min(grid.cols, Math.ceil(((crossings[k + 1] as number) - grid.originX) / grid.cell))
      mask.fill(1, j * grid.cols + from, j * grid.cols + Math.max(from, to))
    }
  }
  return mask
}

/**
 * Signed distance to the polygon's edges at every node (negative inside), clamped to ±band. In
 * working memory (valid until the next call) when `transient`, else in a new array.
 */
export function polygonDistances(
  grid: NodeGrid,
  polygon: readonly Point[],
  band: number,
  transient = false,
): Float32Array {
  const mask = insideMask(grid, polygon)
  const out = transient ? scratchFloats(0, grid.cols * grid.rows) : new Float32Array(grid.cols * grid.rows)
  for (let n = 0; n < out.length; n++) out[n] = mask[n] ? -band : band
  const s = segmentsOf(polygon, true, false)
  forEachBlock(grid, s, band, (i0, i1, j0, j1, candidates, count) => {
    if (count === 0) return
    for (let j = j0; j < j1; j++) {
      const y = grid.originY + j * grid.cell
      for (let i = i0; i < i1; i++) {
        const x = grid.originX + i * grid.cell
        let best = Number.POSITIVE_INFINITY
        for (let c = 0; c < count; c++) {
          const k = candidates[c] as number
          const d = distanceSquaredAt(s, k, clampedT(s, k, x, y), x, y)
          if (d < best) best = d
        }
        const n = j * grid.cols + i
        const d = Math.min(Math.sqrt(best), band)
        out[n] = mask[n] ? -d : d
      }
    }
  })
  return out
}

/**
 * Per node, the nearest point of an open curve whose end segments run on as straight rays
 * (so the curve splits the plane in two and every node has a side). `signed` is the distance,
 * positive on the left of the curve's direction (with y down), clamped to ±band; the closest
 * point, the unit normal there (pointing to the positive side) and the arc length are only
 * filled where |signed| < band.
 */
export interface CurveNearest {
  signed: Float32Array
  qx: Float32Array
  qy: Float32Array
  nx: Float32Array
  ny: Float32Array
  arc: Float32Array
}

/** The points with each run of equal consecutive points reduced to one, so no segment is empty. */
export function withoutRepeats(points: readonly Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p.x !== (points[i - 1] as Point).x || p.y !== (points[i - 1] as Point).y)
}

/** Needs at least two distinct consecutive points (see `withoutRepeats`). In working memory: valid until the next call. */
export function curveNearest(grid: NodeGrid, curve: readonly Point[], band: number): CurveNearest {
  const size = grid.cols * grid.rows
  const out: CurveNearest = {
    signed: scratchFloats(1, size),
    qx: scratchFloats(2, size),
    qy: scratchFloats(3, size),
    nx: scratchFloats(4, size),
    ny: scratchFloats(5, size),
    arc: scratchFloats(6, size),
  }
  const s = segmentsOf(withoutRepeats(curve), false, true)
  const { segmentNormals, vertexNormals, arcStart } = curveFrames(s)
  const all = Int32Array.from({ length: s.count }, (_, k) => k)
  const found = new Float64Array(5)

  forEachBlock(grid, s, band, (i0, i1, j0, j1, candidates, count) => {
    if (count === 0) {
      // Every node of the block is beyond the band and, the curve not passing through it, on one side.
      const cx = grid.originX + ((i0 + i1 - 1) / 2) * grid.cell
      const cy = grid.originY + ((j0 + j1 - 1) / 2) * grid.cell
      nearestOnCurve(s, segmentNormals, vertexNormals, cx, cy, all, s.count, found)
      const side = (found[4] as number) >= 0 ? band : -band
      for (let j = j0; j < j1; j++) out.signed.fill(side, j * grid.cols + i0, j * grid.cols + i1)
      return
    }
    for (let j = j0; j < j1; j++) {
      const y = grid.originY + j * grid.cell
      for (let i = i0; i < i1; i++) {
        const x = grid.originX + i * grid.cell
        const n = j * grid.cols + i
        nearestOnCurve(s, segmentNormals, vertexNormals, x, y, candidates, count, found)
        const k = found[0] as number
        const t = found[1] as number
        const d = Math.sqrt(found[2] as number)
        const sign = (found[4] as number) >= 0 ? 1 : -1
        if (d >= band) {
          out.signed[n] = sign * band
          continue
        }
        out.signed[n] = sign * d
        out.qx[n] = (s.ax[k] as number) + t * (s.dx[k] as number)
        out.qy[n] = (s.ay[k] as number) + t * (s.dy[k] as number)
        const normal = found[3] as number
        const normals = normal >= 0 ? vertexNormals : segmentNormals
        const at = normal >= 0 ? normal : k
        const nx = normals[2 * at] as number
        const ny = normals[2 * at + 1] as number
        const length = Math.hypot(nx, ny)
        out.nx[n] = nx / length
        out.ny[n] = ny / length
        out.arc[n] = (arcStart[k] as number) + t / Math.sqrt(s.invLengthSquared[k] as number)
      }
    }
  })
  return out
}

/**
 * The nearest segment k and parameter t of (x, y) among the candidates, the squared distance,
 * the vertex whose normal decides the side (−1 for the segment's own) and the side itself (the
 * dot product with that normal), into `found`. Past a corner the two segments' normals summed
 * give the side; either one alone would be wrong on one side of the corner.
 */
function nearestOnCurve(
  s: Segments,
  segmentNormals: Float64Array,
  vertexNormals: Float64Array,
  x: number,
  y: number,
  candidates: Int32Array,
  count: number,
  found: Float64Array,
): void {
  let bestD = Number.POSITIVE_INFINITY
  let bestK = 0
  let bestT = 0
  for (let c = 0; c < count; c++) {
    const k = candidates[c] as number
    const t = clampedT(s, k, x, y)
    const d = distanceSquaredAt(s, k, t, x, y)
    if (d < bestD) {
      bestD = d
      bestK = k
      bestT = t
    }
  }
  const vertex = bestT <= 0 && bestK > 0 ? bestK : bestT >= 1 && bestK < s.count - 1 ? bestK + 1 : -1
  const normals = vertex >= 0 ? vertexNormals : segmentNormals
  const at = vertex >= 0 ? vertex : bestK
  const qx = (s.ax[bestK] as number) + bestT * (s.dx[bestK] as number)
  const qy = (s.ay[bestK] as number) + bestT * (s.dy[bestK] as number)
  found[0] = bestK
  found[1] = bestT
  found[2] = bestD
  found[3] = vertex
  found[4] = (x - qx) * (normals[2 * at] as number) + (y - qy) * (normals[2 * at + 1] as number)
}

function curveFrames(s: Segments): {
  segmentNormals: Float64Array
  vertexNormals: Float64Array
  arcStart: Float64Array
} {
  const segmentNormals = new Float64Array(2 * s.count)
  const vertexNormals = new Float64Array(2 * (s.count + 1))
  const arcStart = new Float64Array(s.count)
  let arc = 0
  for (let k = 0; k < s.count; k++) {
    const length = 1 / Math.sqrt(s.invLengthSquared[k] as number)
    segmentNormals[2 * k] = -(s.dy[k] as number) / length
    segmentNormals[2 * k + 1] = (s.dx[k] as number) / length
    arcStart[k] = arc
    arc += length
  }
  for (let v = 1; v < s.count; v++) {
    let x = (segmentNormals[2 * v - 2] as number) + (segmentNormals[2 * v] as number)
    let y = (segmentNormals[2 * v - 1] as number) + (segmentNormals[2 * v + 1] as number)
    // A hairpin turn cancels the two normals; either segment's then serves.
    if (Math.hypot(x, y) < 1e-9) {
      x = segmentNormals[2 * v] as number
      y = segmentNormals[2 * v + 1] as number
    }
    vertexNormals[2 * v] = x
    vertexNormals[2 * v + 1] = y
  }
  return { segmentNormals, vertexNormals, arcStart }
}
