import type { DensityField } from './density-field'
import { Prng } from './prng'

/**
 * Random sequential adsorption in one rectangle of a zone (a "unit", see `chunk-layout.ts`):
 * darts uniform over the rectangle's cells with w > 0, each kept with probability w(x, y) and
 * only if no dot so far (its own, or an earlier unit's next to it) lies within the stage's
 * spacing. A unit is a few hundred px across, so its background grid stays in the CPU's cache
 * and darts are tried in the order they are drawn.
 */

export const PACKING = 0.47

/** The minimum spacing of a stage of this cumulative density. */
export function stageRadius(densityPerPx2: number): number {
  return Math.sqrt(PACKING / densityPerPx2)
}

/**
 * Below full weight a dart is kept with probability w and then spaced by r / √w. That puts the
 * local process in the same state as full-weight RSA at the same moment (arrivals × disc area
 * is unchanged), so its density is w times the interior's. With thinning alone a thin area (a
 * soft edge) fills more efficiently than the interior and takes the interior's dots. Below this
 * weight the spacing stops growing, the areas being sparse enough for thinning alone to be near
 * proportional: r / √0.25 = 2r, within three cells of r/√2. So no dart looks farther than 2r.
 */
const MIN_SPACED_WEIGHT = 0.25
/** The farthest a dart of a stage of radius r looks for other dots. */
export const REACH_PER_RADIUS = 1 / Math.sqrt(MIN_SPACED_WEIGHT)
/** Stop a stage after this many darts in a row are refused: the unit is then as full as it will get. */
const MAX_MISSES = 20_000
/** A background-grid slot with no dot: so far away that the distance test needs no branch for it. */
const EMPTY = Math.fround(-1e18)
/** Empty cells around the grid, so the neighbourhood of any cell (2r at most) needs no bounds checks. */
const PAD = 3

/** A unit's dots, stage after stage: stage s is indices stageEnds[s − 1] (0 for the first) to stageEnds[s]. */
export interface UnitDots {
  x: Float32Array
  y: Float32Array
  stageEnds: Int32Array
  stageTargets: Int32Array
}

export interface UnitTask {
  field: DensityField
  /** Per stage, the unit's region as cells of the field's grid, [i0, i1) × [j0, j1) at 4s. */
  regions: Int32Array
  /** Per stage, ∫ w over its region. */
  areas: Float64Array
  /** Cumulative densities, dots per px², one per stage. */
  stages: readonly number[]
  seed: number
  /** The finished units of earlier phases whose dots may lie within reach of this one's. */
  neighbours: readonly UnitDots[]
}

/** Draws per block of the darts' uniforms; the generator's words while the darts step it. */
const BLOCK_DRAWS = 1024
const WORDS = new Int32Array(4)
const TWO_TO_MINUS_32 = 1 / 4294967296
/** The grid, reused from unit to unit: it is the largest allocation here. */
let slots = new Float32Array(0)
/**
 * Working arrays reused from unit to unit, grown as needed. Fresh memory costs far more than
 * the work done in it (each new page is faulted in and zeroed), and a zone's units would
 * otherwise allocate several times its dots' bytes.
 */
const scratch = {
  nearX: new Float32Array(0),
  nearY: new Float32Array(0),
  nearStage: new Uint8Array(0),
  xs: new Float32Array(0),
  ys: new Float32Array(0),
  cellX: new Float64Array(0),
  cellY: new Float64Array(0),
  cellFull: new Uint8Array(0),
}

/** Where finished units' dots are kept until their zone's dots are assembled: reused zone to zone. */
const kept = { x: new Float32Array(0), y: new Float32Array(0), used: 0 }

/** Forgets the units' dots kept so far: call before sampling a zone, once the last zone's are assembled. */
export function releaseUnits(): void {
  kept.used = 0
}

/** Room for a unit's `count` dots, valid until `releaseUnits`. */
export function unitRoom(count: number): { x: Float32Array; y: Float32Array } {
  if (kept.used + count > kept.x.length) {
    // Units already given room keep theirs in the old arrays.
    const size = Math.max(count, 2 * kept.x.length, 1 << 16)
    kept.x = new Float32Array(size)
    kept.y = new Float32Array(size)
    kept.used = 0
  }
  const from = kept.used
  kept.used += count
  return { x: kept.x.subarray(from, kept.used), y: kept.y.subarray(from, kept.used) }
}

/** A unit's dots are kept with `unitRoom`: valid until `releaseUnits`. */
export function sampleUnit({ field, regions, areas, stages, seed, neighbours }: UnitTask): UnitDots {
  const rng = new Prng(seed)
  // Per unit the counts are rounded at random (unbiased), so the many small units along a
  // zone's soft edge add up to its ∫ w instead of each rounding down.
  const offset = rng.next()
  const wanted = Int32Array.from(stages, (d, s) => (d > 0 ? Math.floor(d * (areas[s] as number) + offset) : 0))
  let xs = scratch.xs
  let ys = scratch.ys
  const stageEnds = new Int32Array(stages.length)
  const stageTargets = new Int32Array(stages.length)
  const { cell, cellCols, cellClass, minX, minY } = field
  const near = nearbyDots(field, regions, stages, neighbours)
  const maxCells = regions.reduce((most, _, k) => (k % 4 === 0 ? Math.max(most, areaCells(regions, k / 4)) : most), 0)
  if (scratch.cellX.length < maxCells) {
    scratch.cellX = new Float64Array(maxCells)
    scratch.cellY = new Float64Array(maxCells)
    scratch.cellFull = new Uint8Array(maxCells)
  }
  const { cellX, cellY, cellFull } = scratch
  let placed = 0

  for (let stage = 0; stage < stages.length; stage++) {
    const i0 = regions[4 * stage] as number
    const i1 = regions[4 * stage + 1] as number
    const j0 = regions[4 * stage + 2] as number
    const j1 = regions[4 * stage + 3] as number
    const x0 = minX + i0 * cell
    const y0 = minY + j0 * cell
    const x1 = minX + i1 * cell
    const y1 = minY + j1 * cell
    // Dots already in the region: its own (a core's region shrinks, so not all of them) and the
    // earlier-phase neighbours' of earlier stages.
    let present = 0
    for (let d = 0; d < placed; d++) {
      const x = xs[d] as number
      const y = ys[d] as number
      if (x >= x0 && x < x1 && y >= y0 && y < y1) present++
    }
    for (let d = 0; d < near.count; d++) {
      const x = near.x[d] as number
      const y = near.y[d] as number
      if ((near.stage[d] as number) < stage && x >= x0 && x < x1 && y >= y0 && y < y1) present++
    }
    const target = placed + Math.max(0, (wanted[stage] as number) - present)
    stageTargets[stage] = target
    if (target > xs.length) {
      const grown = Math.max(target, 2 * xs.length)
      xs = copyInto(new Float32Array(grown), xs)
      ys = copyInto(new Float32Array(grown), ys)
      scratch.xs = xs
      scratch.ys = ys
    }

    // The cells darts can land in: w > 0 somewhere in them.
    let cellCount = 0
    if (target > placed) {
      for (let j = j0; j < j1; j++) {
        for (let i = i0; i < i1; i++) {
          const kind = cellClass[j * cellCols + i] as number
          if (kind === 0) continue
          cellX[cellCount] = minX + i * cell
          cellY[cellCount] = minY + j * cell
          cellFull[cellCount] = kind === 1 ? 1 : 0
          cellCount++
        }
      }
    }
    if (cellCount > 0) {
      const radius = stageRadius(stages[stage] as number)
      // A little under r/√2, so a cell's diagonal is shorter than r and no cell holds two dots;
      // then every dot closer than r is within two cells, closer than 2r within three.
      const inverseCell = 1 / (radius * Math.SQRT1_2 * 0.9999)
      const cols = Math.floor((i1 - i0) * cell * inverseCell) + 1 + 2 * PAD
      const rows = Math.floor((j1 - j0) * cell * inverseCell) + 1 + 2 * PAD
      if (slots.length < 2 * cols * rows) slots = new Float32Array(2 * cols * rows)
      const grid: Grid = { slots, cols, rows, x0, y0, inverseCell }
      slots.fill(EMPTY, 0, 2 * cols * rows)
      insertAll(grid, xs, ys, placed, null, 0)
      insertAll(grid, near.x, near.y, near.count, near.stage, stage)
      placed = throwDarts(
        rng,
        field.weight,
        xs,
        ys,
        placed,
        target,
        cellX.subarray(0, cellCount),
        cellY.subarray(0, cellCount),
        cellFull,
        cell,
        grid,
        radius * radius,
      )
    }
    // One dot short of a count that was rounded up is not a shortfall: along a soft edge a small
    // unit's share of a dot may have no room left beside its neighbours'.
    const roundedUp = (wanted[stage] as number) > (stages[stage] as number) * (areas[stage] as number)
    if (roundedUp && target - placed === 1) stageTargets[stage] = placed
    stageEnds[stage] = placed
  }
  const room = unitRoom(placed)
  room.x.set(xs.subarray(0, placed))
  room.y.set(ys.subarray(0, placed))
  return { ...room, stageEnds, stageTargets }
}

interface Grid {
  slots: Float32Array
  cols: number
  rows: number
  x0: number
  y0: number
  inverseCell: number
}

function areaCells(regions: Int32Array, s: number): number {
  return (
    ((regions[4 * s + 1] as number) - (regions[4 * s] as number)) *
    ((regions[4 * s + 3] as number) - (regions[4 * s + 2] as number))
  )
}

/** Puts the first `count` dots (those of stage ≤ `upTo` when stages are given) into the grid, skipping any beyond it. */
function insertAll(
  { slots, cols, rows, x0, y0, inverseCell }: Grid,
  xs: Float32Array,
  ys: Float32Array,
  count: number,
  stages: Uint8Array | null,
  upTo: number,
): void {
  for (let d = 0; d < count; d++) {
    if (stages && (stages[d] as number) > upTo) continue
    const x = xs[d] as number
    const y = ys[d] as number
    const col = Math.floor((x - x0) * inverseCell) + PAD
    const row = Math.floor((y - y0) * inverseCell) + PAD
    if (col < 0 || row < 0 || col >= cols || row >= rows) continue
    slots[2 * (row * cols + col)] = x
    slots[2 * (row * cols + col) + 1] = y
  }
}

/** The neighbours' dots within reach of any of the unit's regions, with their stages. */
function nearbyDots(
  field: DensityField,
  regions: Int32Array,
  stages: readonly number[],
  neighbours: readonly UnitDots[],
): { x: Float32Array; y: Float32Array; stage: Uint8Array; count: number } {
  let i0 = Number.POSITIVE_INFINITY
  let i1 = Number.NEGATIVE_INFINITY
  let j0 = Number.POSITIVE_INFINITY
  let j1 = Number.NEGATIVE_INFINITY
  for (let s = 0; s < stages.length; s++) {
    if (areaCells(regions, s) <= 0) continue
    i0 = Math.min(i0, regions[4 * s] as number)
    i1 = Math.max(i1, regions[4 * s + 1] as number)
    j0 = Math.min(j0, regions[4 * s + 2] as number)
    j1 = Math.max(j1, regions[4 * s + 3] as number)
  }
  // The grid's padding at the sparsest stage, and more: nothing farther is ever inserted.
  const first = stages.find((d) => d > 0) ?? 1
  const margin = (PAD + 1) * stageRadius(first) + field.cell
  const minX = field.minX + i0 * field.cell - margin
  const maxX = field.minX + i1 * field.cell + margin
  const minY = field.minY + j0 * field.cell - margin
  const maxY = field.minY + j1 * field.cell + margin
  const total = neighbours.reduce((sum, n) => sum + n.x.length, 0)
  if (scratch.nearX.length < total) {
    const size = Math.max(total, 2 * scratch.nearX.length)
    scratch.nearX = new Float32Array(size)
    scratch.nearY = new Float32Array(size)
    scratch.nearStage = new Uint8Array(size)
  }
  const { nearX: x, nearY: y, nearStage: stage } = scratch
  let count = 0
  for (const other of neighbours) {
    const { x: ox, y: oy, stageEnds } = other
    for (let s = 0, d = 0; s < stageEnds.length; s++) {
      for (const end = stageEnds[s] as number; d < end; d++) {
        const dx = ox[d] as number
        const dy = oy[d] as number
        if (dx < minX || dx > maxX || dy < minY || dy > maxY) continue
        x[count] = dx
        y[count] = dy
        stage[count] = s
        count++
      }
    }
  }
  return { x, y, stage, count }
}

/**
 * Darts into the stage's cells until `target` dots are placed or MAX_MISSES darts in a row are
 * refused; returns the new count. Apart from `sampleUnit` so the engine optimises the hot loop
 * on its own.
 */
function throwDarts(
  rng: Prng,
  weight: (x: number, y: number) => number,
  xs: Float32Array,
  ys: Float32Array,
  from: number,
  target: number,
  cellX: Float64Array,
  cellY: Float64Array,
  cellFull: Uint8Array,
  cell: number,
  grid: Grid,
  radiusSquared: number,
): number {
  const { slots, cols, x0, y0, inverseCell } = grid
  const cellCount = cellX.length
  const offsets = nearestFirst(cols)
  let placed = from
  let misses = 0
  // Uniforms from the unit's sfc32 stream (`Prng.uint32`'s steps, in locals: a call and a
  // store a draw cost more than the draw), taken BLOCK_DRAWS at a time: `u` counts the block's
  // draws so far, and a block with fewer than four left is skipped to its end, as the darts
  // always did. A dart takes three, or four where w < 1.
  rng.save(WORDS)
  let a = WORDS[0] as number
  let b = WORDS[1] as number
  let c = WORDS[2] as number
  let d = WORDS[3] as number
  let t = 0
  let u = BLOCK_DRAWS
  while (placed < target && misses < MAX_MISSES) {
    if (u > BLOCK_DRAWS - 4) {
      for (; u < BLOCK_DRAWS; u++) {
        t = (((a + b) | 0) + d) | 0
        d = (d + 1) | 0
        a = b ^ (b >>> 9)
        b = (c + (c << 3)) | 0
        c = (((c << 21) | (c >>> 11)) + t) | 0
      }
      u = 0
    }
    t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (((c << 21) | (c >>> 11)) + t) | 0
    const pick = Math.floor((t >>> 0) * TWO_TO_MINUS_32 * cellCount)
    t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (((c << 21) | (c >>> 11)) + t) | 0
    const x = Math.fround((cellX[pick] as number) + (t >>> 0) * TWO_TO_MINUS_32 * cell)
    t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (((c << 21) | (c >>> 11)) + t) | 0
    const y = Math.fround((cellY[pick] as number) + (t >>> 0) * TWO_TO_MINUS_32 * cell)
    u += 3
    let spacingSquared = radiusSquared
    let looks = WITHIN_TWO
    if (cellFull[pick] === 0) {
      const w = weight(x, y)
      if (w < 1) {
        t = (((a + b) | 0) + d) | 0
        d = (d + 1) | 0
        a = b ^ (b >>> 9)
        b = (c + (c << 3)) | 0
        c = (((c << 21) | (c >>> 11)) + t) | 0
        u++
        const keep = (t >>> 0) * TWO_TO_MINUS_32
        if (keep >= w) {
          misses++
          continue
        }
        spacingSquared = radiusSquared / Math.max(w, MIN_SPACED_WEIGHT)
        looks = WITHIN_THREE
      }
    }
    const slot = (Math.floor((y - y0) * inverseCell) + PAD) * cols + Math.floor((x - x0) * inverseCell) + PAD
    if (slots[2 * slot] !== EMPTY || crowded(slots, offsets, looks, 2 * slot, x, y, spacingSquared)) {
      misses++
      continue
    }
    xs[placed] = x
    ys[placed] = y
    slots[2 * slot] = x
    slots[2 * slot + 1] = y
    placed++
    misses = 0
  }
  // The rest of the last block is dropped: the stream goes on after it.
  for (; u < BLOCK_DRAWS; u++) {
    t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (((c << 21) | (c >>> 11)) + t) | 0
  }
  WORDS[0] = a
  WORDS[1] = b
  WORDS[2] = c
  WORDS[3] = d
  rng.restore(WORDS)
  return placed
}

function copyInto(to: Float32Array<ArrayBuffer>, from: Float32Array): Float32Array<ArrayBuffer> {
  to.set(from)
  return to
}

/** The cells within two cells of one (itself left out), then those at three: 24 and 48 in all. */
const WITHIN_TWO = 24
const WITHIN_THREE = 48
/** `nearestFirst`'s last answer, and the grid width it was for. */
const offsets = new Int32Array(WITHIN_THREE)
let offsetsCols = -1

/**
 * Slot offsets (x's index in `slots`) of the cells around one, in rings of growing distance:
 * a refused dart is most often refused by a dot next to it, so looking there first finds it
 * soonest. Which dots are looked at is unchanged, so is the answer.
 */
function nearestFirst(cols: number): Int32Array {
  if (cols === offsetsCols) return offsets
  offsetsCols = cols
  let n = 0
  for (let ring = 1; ring <= 3; ring++)
    for (let dj = -ring; dj <= ring; dj++)
      for (let di = -ring; di <= ring; di++)
        if (Math.max(Math.abs(di), Math.abs(dj)) === ring) offsets[n++] = 2 * (dj * cols + di)
  return offsets
}

/** Whether a dot lies closer than the spacing to (x, y), in the first `looks` cells of `offsets` around slot index `at`. */
function crowded(
  slots: Float32Array,
  offsets: Int32Array,
  looks: number,
  at: number,
  x: number,
  y: number,
  spacingSquared: number,
): boolean {
  for (let n = 0; n < looks; n++) {
    const k = at + (offsets[n] as number)
    const dx = (slots[k] as number) - x
    const dy = (slots[k + 1] as number) - y
    if (dx * dx + dy * dy < spacingSquared) return true
  }
  return false
}
