import type { DensityField } from './density-field'
import { Prng } from './prng'

/**
 * Progressive blue noise: each stage adds dots between the ones already placed, with a smaller
 * minimum spacing, until the stage's cumulative density is reached.
 *
 * Darts are thrown in uniformly random order over the field's support (not grown from a front
 * as in Bridson's method, which stopped early leaves a blob instead of an even sparse layer).
 * A dart at (x, y) is kept with probability w(x, y) and only if no dot so far lies within the
 * stage's radius r = sqrt(k / density), or more where w < 1 (see MIN_SPACED_WEIGHT). Random
 * sequential adsorption jams at ρr² ≈ 0.70 (disc coverage 0.547); k = 0.47 leaves room to reach
 * every target while keeping the spacing visibly even. Dots come out in placement order, so a stage's dots depend only on the stages
 * before it and the seed: a later session's change never moves an earlier session's dots.
 */

export const PACKING = 0.47

/** Stop a stage after this many darts in a row are refused: it is then as full as it will get. */
const MAX_MISSES = 50_000

export interface ProgressiveOptions {
  field: DensityField
  /** Cumulative densities, dots per px², one per stage, increasing. */
  stages: readonly number[]
  seed: number
}

export interface ProgressiveSamples {
  x: Float32Array
  y: Float32Array
  /** Dots of stage i are indices stageEnds[i − 1] (0 for the first) to stageEnds[i]. */
  stageEnds: Int32Array
  /** The dot count each stage aimed for: round(density × effective area). A stage ending below its target fell short. */
  stageTargets: Int32Array
}

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
 * proportional: r / √0.25 = 2r, within three cells of r/√2.
 */
const MIN_SPACED_WEIGHT = 0.25
/**
 * Darts are drawn in batches and tried in order of their grid row: the background grid of a
 * large zone is megabytes, and darts tried in drawn order would each miss the cache on it.
 * Only when two darts of one batch fall closer than r does the row order, rather than the draw,
 * decide which one stays. A dart has about 1.5 · batch / N others of its batch within r (N the
 * stage's dot count), so a batch of at most N / 64 keeps that to about 2% of darts, too few to
 * give the pattern a direction.
 */
const BATCH = 4096
const BATCH_SHARE = 64
/** A background-grid slot with no dot: so far away that the distance test needs no branch for it. */
const EMPTY = Math.fround(-1e18)
/** Empty cells around the grid, so the neighbourhood of any cell (2r at most) needs no bounds checks. */
const PAD = 3

export function sampleProgressive({ field, stages, seed }: ProgressiveOptions): ProgressiveSamples {
  const stageTargets = Int32Array.from(stages, (d) => (d > 0 ? Math.round(d * field.effectiveArea) : 0))
  const capacity = stageTargets.reduce((most, t) => Math.max(most, t), 0)
  const xs = new Float32Array(capacity)
  const ys = new Float32Array(capacity)
  const stageEnds = new Int32Array(stages.length)
  const rng = new Prng(seed)
  const darts = new DartBatch(field)
  const { minX, minY, weight } = field
  let placed = 0

  for (let stage = 0; stage < stages.length; stage++) {
    const target = stageTargets[stage] as number
    if (target > placed && field.support.length > 0) {
      const radius = stageRadius(stages[stage] as number)
      const radiusSquared = radius * radius
      // A little under r/√2, so a cell's diagonal is shorter than r and no cell holds two dots;
      // then every dot closer than r is within two cells, closer than 2r within three.
      const cell = radius * Math.SQRT1_2 * 0.9999
      const inverseCell = 1 / cell
      const cols = Math.floor((field.maxX - minX) * inverseCell) + 1 + 2 * PAD
      const rows = Math.floor((field.maxY - minY) * inverseCell) + 1 + 2 * PAD
      // The dot in each cell, x and y side by side: the test reads positions without an indirection.
      const slots = new Float32Array(2 * cols * rows).fill(EMPTY)
      const slotOf = (x: number, y: number) =>
        (Math.floor((y - minY) * inverseCell) + PAD) * cols + Math.floor((x - minX) * inverseCell) + PAD
      for (let d = 0; d < placed; d++) {
        const k = 2 * slotOf(xs[d] as number, ys[d] as number)
        slots[k] = xs[d] as number
        slots[k + 1] = ys[d] as number
      }

      const batchLimit = Math.max(1, Math.min(BATCH, Math.floor(target / BATCH_SHARE)))
      let misses = 0
      while (placed < target && misses < MAX_MISSES) {
        // A batch never holds more darts than dots still wanted, so it is always used whole and
        // its row order cannot favour the top of the zone when the stage ends.
        const batch = Math.min(batchLimit, target - placed)
        darts.draw(rng, batch, inverseCell, rows)
        for (let n = 0; n < batch && misses < MAX_MISSES; n++) {
          const k = darts.order[n] as number
          const x = darts.x[k] as number
          const y = darts.y[k] as number
          let spacingSquared = radiusSquared
          let reach = 2
          if (darts.full[k] === 0) {
            const w = weight(x, y)
            if (w < 1) {
              if ((darts.keep[k] as number) >= w) {
                misses++
                continue
              }
              spacingSquared = radiusSquared / Math.max(w, MIN_SPACED_WEIGHT)
              reach = 3
            }
          }
          const slot = slotOf(x, y)
          if (slots[2 * slot] !== EMPTY || crowded(slots, cols, slot, reach, x, y, spacingSquared)) {
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
      }
    }
    stageEnds[stage] = placed
  }
  return { x: xs.slice(0, placed), y: ys.slice(0, placed), stageEnds, stageTargets }
}

/** Darts uniform over a field's support, each with its uniform draw for the weight test, ordered by grid row. */
class DartBatch {
  readonly x = new Float32Array(BATCH)
  readonly y = new Float32Array(BATCH)
  readonly keep = new Float64Array(BATCH)
  /** 1 where the dart's block has weight 1 throughout. */
  readonly full = new Uint8Array(BATCH)
  /** Dart indices in row order. */
  readonly order = new Int32Array(BATCH)
  private readonly row = new Int32Array(BATCH)
  private rowStart = new Int32Array(0)
  private readonly blockX: Float64Array
  private readonly blockY: Float64Array

  constructor(private readonly field: DensityField) {
    const { minX, minY, blockCols, blockSize, support } = field
    this.blockX = Float64Array.from(support, (b) => minX + (b % blockCols) * blockSize)
    this.blockY = Float64Array.from(support, (b) => minY + Math.floor(b / blockCols) * blockSize)
  }

  /** Draws `count` darts and orders them (a counting sort) by row of the stage's grid, PAD rows above. */
  draw(rng: Prng, count: number, inverseCell: number, rows: number): void {
    const { support, supportFull, blockSize, minY } = this.field
    if (this.rowStart.length !== rows + 1) this.rowStart = new Int32Array(rows + 1)
    const rowStart = this.rowStart
    rowStart.fill(0)
    for (let k = 0; k < count; k++) {
      const pick = Math.floor(rng.next() * support.length)
      const x = Math.fround((this.blockX[pick] as number) + rng.next() * blockSize)
      const y = Math.fround((this.blockY[pick] as number) + rng.next() * blockSize)
      this.x[k] = x
      this.y[k] = y
      this.keep[k] = rng.next()
      this.full[k] = supportFull[pick] as number
      const row = Math.floor((y - minY) * inverseCell) + PAD
      this.row[k] = row
      rowStart[row + 1] = (rowStart[row + 1] as number) + 1
    }
    for (let row = 0; row < rows; row++) rowStart[row + 1] = (rowStart[row + 1] as number) + (rowStart[row] as number)
    for (let k = 0; k < count; k++) {
      const row = this.row[k] as number
      this.order[rowStart[row] as number] = k
      rowStart[row] = (rowStart[row] as number) + 1
    }
  }
}

/** Whether a dot lies closer than the spacing to (x, y), looking `reach` cells each way from its cell. */
function crowded(
  slots: Float32Array,
  cols: number,
  slot: number,
  reach: number,
  x: number,
  y: number,
  spacingSquared: number,
): boolean {
  for (let row = slot - reach * cols - reach, end = slot + reach * cols - reach; row <= end; row += cols) {
    for (let k = 2 * row, last = 2 * (row + 2 * reach); k <= last; k += 2) {
      const dx = (slots[k] as number) - x
      const dy = (slots[k + 1] as number) - y
      if (dx * dx + dy * dy < spacingSquared) return true
    }
  }
  return false
}
