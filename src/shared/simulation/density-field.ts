import type { Point } from '../geometry/point'
import { boundsOf, polygonArea } from '../geometry/polygon'
import { curveBordersPolygon } from './hairline-border'
import { BLOCK, curveNearest, gridOver, type NodeGrid, polygonDistances, withoutRepeats } from './node-grid'

/**
 * How much of a zone's density applies at each image point: w(x, y) in [0, 1].
 *
 * Why this shape. With p the signed distance to the zone's polygon (negative inside) and s the
 * edge softness, the zone alone gives w = ramp(p): 1 for p ≤ −s/2, 0 for p ≥ s/2, smoothstep
 * between, so density feathers across the drawn edge and a hard edge (s = 0) stays a step.
 *
 * A hairline that comes within feather + softness of the polygon takes over the zone's front
 * edge. With c the signed distance to the hairline (its end segments run on as rays so every
 * point has a side; positive on the forehead side, chosen as the side away from most of the
 * zone's area) and f the feather:
 * - the zone is extended up to the line: near the line, w also takes ramp(p) read a little way
 *   behind the line along its normal, so a zone edge drawn on the line, or short of it by up to
 *   about one and a half times its softness, keeps full density right up to the line; the
 *   zone's side edges carry straight on across the band, and a zone far behind the line is not
 *   pulled forward;
 * - on the forehead side w is multiplied by g · (1 − smoothstep(c / (f · m))), g the
 *   irregularity: nothing past the line at g = 0 (a hard edge-up), a scatter thinning to
 *   nothing within f at g = 1. m in [1 − 0.6g, 1] is smooth seeded noise along the line, so the
 *   scatter reaches unevenly far (a broken edge) and never beyond f.
 *
 * p, c and the "read behind the line" term are sampled once on a grid of nodes and read back by
 * bilinear interpolation, so evaluating w costs a few loads and multiplies.
 */

export interface HairlineSpec {
  /** The hairline as a sampled polyline, image px. */
  curve: Point[]
  featherPx: number
  /** 0 a hard edge-up, 1 a fully broken, soft edge. */
  irregularity: number
}

export interface DensityFieldSpec {
  /** A simple polygon, image px. */
  polygon: Point[]
  softnessPx: number
  hairline?: HairlineSpec
  /** Seeds the hairline's irregularity. */
  seed?: number
}

export interface DensityField {
  /** The rectangle outside which w is 0. */
  minX: number
  minY: number
  maxX: number
  maxY: number
  /** ∫ w over the plane, px²: a density per px² times this is a dot count. */
  effectiveArea: number
  weight: (x: number, y: number) => number
  /**
   * The domain as square blocks of `blockSize` px, `blockCols` to a row from (minX, minY); w is
   * 0 outside the blocks listed in `support`, so a sampler can throw darts only there.
   */
  blockSize: number
  blockCols: number
  support: Int32Array
  /** Per `support` entry, 1 where w is 1 all over the block, so a sampler need not evaluate it there. */
  supportFull: Uint8Array
  /** Whether the hairline came near enough to shape this zone. */
  hairlineApplies: boolean
  /**
   * The grid under w: cells of `cell` px, `cellCols` × `cellRows` from (minX, minY), which lie on
   * multiples of the cell. Per cell, `cellClass` is 0 (w = 0 all over), 1 (w = 1 all over) or 2,
   * and `cellArea` is ∫ w over it. `nodes` holds what w is read from (`nodeStride` values per
   * node, (cellCols + 1) to a row) and `shapeKey` the rest: two fields whose nodes, classes and
   * shape keys agree over a cell give the same w there, to the bit.
   */
  cell: number
  cellCols: number
  cellRows: number
  cellClass: Uint8Array
  cellArea: Float32Array
  nodes: Float32Array
  nodeStride: number
  shapeKey: string
}

/**
 * Grid cells per field: a few hundred KB and a few ms to build. Straight edges stay exact at any
 * cell size; corners and curves round off by a fraction of a cell.
 */
const MAX_CELLS = 1 << 16

export function createDensityField(spec: DensityFieldSpec): DensityField {
  const polygon = withoutRepeats(spec.polygon)
  if (polygon.length > 1 && samePoint(polygon[0] as Point, polygon[polygon.length - 1] as Point)) polygon.pop()
  const bounds = boundsOf(polygon)
  if (!bounds || polygon.length < 3 || !(polygonArea(polygon) > 0)) return emptyField()

  const softness = Math.max(0, spec.softnessPx)
  const half = softness / 2
  const curve = spec.hairline ? withoutRepeats(spec.hairline.curve) : []
  const feather = Math.max(0, spec.hairline?.featherPx ?? 0)
  const hairline =
    spec.hairline && curve.length >= 2 && curveBordersPolygon(curve, polygon, feather + softness)
      ? { curve, feather, irregularity: Math.min(1, Math.max(0, spec.hairline.irregularity)) }
      : undefined

  // Past the polygon: its soft edge, and where a hairline pulls the zone up to the line and
  // scatters past it (see `hairlineShape`), up to feather + twice the softness, plus a few cells.
  const grow = half + (hairline ? feather + 2 * softness : 0)
  const estimate = gridOver(bounds.minX - grow, bounds.minY - grow, bounds.maxX + grow, bounds.maxY + grow, MAX_CELLS)
  const margin = grow + 4 * estimate.cell
  const grid = gridOver(
    bounds.minX - margin,
    bounds.minY - margin,
    bounds.maxX + margin,
    bounds.maxY + margin,
    MAX_CELLS,
  )
  const pBand = half + 2 * grid.cell
  // With a hairline, p is only read to make the nodes: it can live in working memory.
  const p = polygonDistances(grid, polygon, pBand, hairline !== undefined)
  const shape: FieldShape = hairline
    ? hairlineShape(grid, p, pBand, half, hairline, spec.seed ?? 0)
    : { stride: 1, data: p, feather: 0, irregularity: 0 }
  // Filled in by `integrate`; until then every cell reads as mixed, which is always correct.
  const cellClass = new Uint8Array((grid.cols - 1) * (grid.rows - 1)).fill(MIXED)
  const weight =
    shape.stride === 1 ? plainWeight(grid, p, half, cellClass) : hairlineWeight(grid, shape, half, cellClass)
  const cellArea = new Float32Array(cellClass.length)
  const { effectiveArea, support, supportFull } = integrate(grid, shape, half, weight, cellClass, cellArea)
  return {
    minX: grid.originX,
    minY: grid.originY,
    maxX: grid.originX + (grid.cols - 1) * grid.cell,
    maxY: grid.originY + (grid.rows - 1) * grid.cell,
    effectiveArea,
    weight,
    blockSize: BLOCK * grid.cell,
    blockCols: (grid.cols - 1) / BLOCK,
    support,
    supportFull,
    hairlineApplies: hairline !== undefined,
    cell: grid.cell,
    cellCols: grid.cols - 1,
    cellRows: grid.rows - 1,
    cellClass,
    cellArea,
    nodes: shape.data,
    nodeStride: shape.stride,
    shapeKey: `${shape.stride},${half},${shape.feather},${shape.irregularity}`,
  }
}

function samePoint(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y
}

function emptyField(): DensityField {
  return {
    minX: 0,
    minY: 0,
    maxX: 0,
    maxY: 0,
    effectiveArea: 0,
    weight: () => 0,
    blockSize: 1,
    blockCols: 0,
    support: new Int32Array(0),
    supportFull: new Uint8Array(0),
    hairlineApplies: false,
    cell: 1,
    cellCols: 0,
    cellRows: 0,
    cellClass: new Uint8Array(0),
    cellArea: new Float32Array(0),
    nodes: new Float32Array(0),
    nodeStride: 1,
    shapeKey: '',
  }
}

/** Node values: p alone (stride 1), or p, c (forehead positive, noise applied) and the behind-the-line term e (stride 3). */
interface FieldShape {
  stride: 1 | 3
  data: Float32Array
  feather: number
  irregularity: number
}

function ramp(p: number, half: number): number {
  if (p <= -half) return 1
  if (p >= half) return 0
  const t = (half - p) / (2 * half)
  return t * t * (3 - 2 * t)
}

function hairlineShape(
  grid: NodeGrid,
  p: Float32Array,
  pBand: number,
  half: number,
  hairline: { curve: Point[]; feather: number; irregularity: number },
  seed: number,
): FieldShape {
  const { feather, irregularity } = hairline
  // The deepest read behind the line below: a zone edge up to 1.5 softness + 3 cells short of
  // the line is pulled up to it.
  const reachBehind = 4 * half + 3 * grid.cell
  const cBand = feather + reachBehind
  const near = curveNearest(grid, hairline.curve, cBand)
  let vote = 0
  for (let n = 0; n < p.length; n++) {
    const c = near.signed[n] as number
    if ((p[n] as number) < 0 && c !== 0) vote += c > 0 ? 1 : -1
  }
  const orient = vote > 0 ? -1 : 1
  const wavelength = Math.max(feather, 4 * grid.cell)
  const data = new Float32Array(p.length * 3)
  for (let n = 0; n < p.length; n++) {
    let c = orient * (near.signed[n] as number)
    let e = 0
    // Deeper on the scalp side the zone's own ramp already says the same, and past the feather w is 0.
    if (c > -reachBehind && c < feather) {
      const fx = orient * (near.nx[n] as number)
      const fy = orient * (near.ny[n] as number)
      for (let k = 1; k <= 3; k++) {
        const depth = half + k * (half + grid.cell)
        const behind = sampleNodes(
          grid,
          p,
          (near.qx[n] as number) - fx * depth,
          (near.qy[n] as number) - fy * depth,
          pBand,
        )
        e = Math.max(e, ramp(behind, half))
      }
    }
    if (c > 0 && c < cBand) c /= 1 - 0.6 * irregularity * valueNoise(seed, (near.arc[n] as number) / wavelength)
    data[3 * n] = p[n] as number
    data[3 * n + 1] = c
    data[3 * n + 2] = e
  }
  return { stride: 3, data, feather, irregularity }
}

/** Bilinear read of a one-value-per-node grid; `outside` beyond it. */
function sampleNodes(grid: NodeGrid, values: Float32Array, x: number, y: number, outside: number): number {
  const gx = (x - grid.originX) / grid.cell
  const gy = (y - grid.originY) / grid.cell
  if (!(gx >= 0 && gy >= 0 && gx < grid.cols - 1 && gy < grid.rows - 1)) return outside
  const i = Math.floor(gx)
  const j = Math.floor(gy)
  const k = j * grid.cols + i
  const top = (values[k] as number) + ((values[k + 1] as number) - (values[k] as number)) * (gx - i)
  const bottom =
    (values[k + grid.cols] as number) +
    ((values[k + grid.cols + 1] as number) - (values[k + grid.cols] as number)) * (gx - i)
  return top + (bottom - top) * (gy - j)
}

/** Smooth 1-D value noise in [0, 1): seeded lattice values eased between integers. */
function valueNoise(seed: number, t: number): number {
  const i = Math.floor(t)
  const f = t - i
  const a = lattice(seed, i)
  const b = lattice(seed, i + 1)
  return a + (b - a) * f * f * (3 - 2 * f)
}

function lattice(seed: number, i: number): number {
  let h = Math.imul((i | 0) ^ (seed | 0), 0x27d4eb2d)
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b)
  h ^= h >>> 13
  return (h >>> 0) / 4294967296
}

/**
 * Per cell: w is 0 all over it, 1 all over it, or MIXED (read the nodes). Most look-ups land in
 * a uniform cell and cost one byte read.
 */
const MIXED = 2

function plainWeight(
  grid: NodeGrid,
  p: Float32Array,
  half: number,
  cellClass: Uint8Array,
): (x: number, y: number) => number {
  const { originX, originY, cols } = grid
  const inverseCell = 1 / grid.cell
  const lastX = grid.cols - 1
  const lastY = grid.rows - 1
  return (x, y) => {
    const gx = (x - originX) * inverseCell
    const gy = (y - originY) * inverseCell
    if (!(gx >= 0 && gy >= 0 && gx < lastX && gy < lastY)) return 0
    const i = gx | 0
    const j = gy | 0
    const uniform = cellClass[j * lastX + i] as number
    if (uniform !== MIXED) return uniform
    const fx = gx - i
    const k = j * cols + i
    const p00 = p[k] as number
    const p10 = p[k + 1] as number
    const p01 = p[k + cols] as number
    const p11 = p[k + cols + 1] as number
    const top = p00 + (p10 - p00) * fx
    return ramp(top + (p01 + (p11 - p01) * fx - top) * (gy - j), half)
  }
}

function hairlineWeight(
  grid: NodeGrid,
  shape: FieldShape,
  half: number,
  cellClass: Uint8Array,
): (x: number, y: number) => number {
  const { originX, originY, cols } = grid
  const { data, feather, irregularity } = shape
  const inverseCell = 1 / grid.cell
  const lastX = grid.cols - 1
  const lastY = grid.rows - 1
  const row = 3 * cols
  return (x, y) => {
    const gx = (x - originX) * inverseCell
    const gy = (y - originY) * inverseCell
    if (!(gx >= 0 && gy >= 0 && gx < lastX && gy < lastY)) return 0
    const i = gx | 0
    const j = gy | 0
    const uniform = cellClass[j * lastX + i] as number
    if (uniform !== MIXED) return uniform
    const fx = gx - i
    const fy = gy - j
    const k = 3 * (j * cols + i)
    const w00 = (1 - fx) * (1 - fy)
    const w10 = fx * (1 - fy)
    const w01 = (1 - fx) * fy
    const w11 = fx * fy
    const c =
      (data[k + 1] as number) * w00 +
      (data[k + 4] as number) * w10 +
      (data[k + row + 1] as number) * w01 +
      (data[k + row + 4] as number) * w11
    if (c > 0 && c >= feather) return 0
    const p =
      (data[k] as number) * w00 +
      (data[k + 3] as number) * w10 +
      (data[k + row] as number) * w01 +
      (data[k + row + 3] as number) * w11
    const e =
      (data[k + 2] as number) * w00 +
      (data[k + 5] as number) * w10 +
      (data[k + row + 2] as number) * w01 +
      (data[k + row + 5] as number) * w11
    const base = Math.max(ramp(p, half), e)
    if (c <= 0 || base === 0) return base
    const t = c / feather
    return base * irregularity * (1 - t * t * (3 - 2 * t))
  }
}

/**
 * Per-node bits: w is surely 1 in a cell whose four corners all have IN, surely 0 if all have
 * ZERO_PE or all ZERO_C. The strict tests keep a hard edge (softness 0) deciding exactly as
 * `ramp` and the weight functions do at p = 0 and c = 0.
 */
const IN = 1
const ZERO_PE = 2
const ZERO_C = 4
/** Set on nodes on the scalp side of the line. */
const SCALP = 8

/** Whether the bit is set on some but not all four corners of the cell at node n. */
function straddles(flags: Uint8Array, n: number, cols: number, bit: number): boolean {
  const a = flags[n] as number
  const b = flags[n + 1] as number
  const c = flags[n + cols] as number
  const d = flags[n + cols + 1] as number
  return ((a | b | c | d) & ~(a & b & c & d) & bit) !== 0
}

/**
 * ∫ w over the grid, and the blocks where w can be above 0. Each term of w is read by bilinear
 * interpolation and tested against a threshold, so a cell whose four corners all pass a test
 * passes it everywhere: such cells count whole or not at all, and only mixed cells (along
 * edges) are subsampled.
 */
function integrate(
  grid: NodeGrid,
  shape: FieldShape,
  half: number,
  weight: (x: number, y: number) => number,
  cellClass: Uint8Array,
  cellAreas: Float32Array,
): { effectiveArea: number; support: Int32Array; supportFull: Uint8Array } {
  const { data, stride, feather } = shape
  const { cols } = grid
  const flags = new Uint8Array(cols * grid.rows)
  for (let n = 0; n < flags.length; n++) {
    const p = data[n * stride] as number
    if (stride === 1) flags[n] = (p <= -half && p < 0 ? IN : 0) | (p >= half && p > 0 ? ZERO_PE : 0)
    else {
      const c = data[n * 3 + 1] as number
      const e = data[n * 3 + 2] as number
      flags[n] =
        (p <= -half && p < 0 && c <= 0 ? IN : 0) |
        (p >= half && p > 0 && e <= 0 ? ZERO_PE : 0) |
        (c > 0 && c >= feather ? ZERO_C : 0) |
        (c <= 0 ? SCALP : 0)
    }
  }
  const blocksX = (cols - 1) / BLOCK
  const blocksY = (grid.rows - 1) / BLOCK
  const cellArea = grid.cell * grid.cell
  const smooth = half >= grid.cell
  const support: number[] = []
  const supportFull: number[] = []
  let area = 0
  for (let by = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++) {
      let active = false
      let full = true
      for (let j = by * BLOCK; j < (by + 1) * BLOCK; j++) {
        for (let i = bx * BLOCK; i < (bx + 1) * BLOCK; i++) {
          const n = j * cols + i
          const all =
            (flags[n] as number) &
            (flags[n + 1] as number) &
            (flags[n + cols] as number) &
            (flags[n + cols + 1] as number)
          if (all & (ZERO_PE | ZERO_C)) {
            cellClass[j * (cols - 1) + i] = 0
            full = false
            continue
          }
          active = true
          if (all & IN) {
            cellClass[j * (cols - 1) + i] = 1
            cellAreas[j * (cols - 1) + i] = cellArea
            area += cellArea
            continue
          }
          full = false
          // A step inside the cell (a hard edge, or the line where w drops to the irregularity)
          // needs finer samples than a smooth ramp does.
          const stepped = !smooth || straddles(flags, n, cols, SCALP)
          const sub = stepped ? 4 : 2
          const step = grid.cell / sub
          const x0 = grid.originX + i * grid.cell + step / 2
          const y0 = grid.originY + j * grid.cell + step / 2
          let sum = 0
          for (let sy = 0; sy < sub; sy++)
            for (let sx = 0; sx < sub; sx++) sum += weight(x0 + sx * step, y0 + sy * step)
          const mixed = (sum * cellArea) / (sub * sub)
          cellAreas[j * (cols - 1) + i] = mixed
          area += mixed
        }
      }
      if (active) {
        support.push(by * blocksX + bx)
        supportFull.push(full ? 1 : 0)
      }
    }
  }
  return { effectiveArea: area, support: Int32Array.from(support), supportFull: Uint8Array.from(supportFull) }
}
