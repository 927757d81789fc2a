import type { DensityField } from './density-field'
import { REACH_PER_RADIUS } from './unit-sampler'

/**
 * How a zone is cut into units that are sampled one after another, each on its own seed.
 *
 * Why. Sampled whole, a zone's dots all depend on one random stream: nudging one vertex moves
 * every dot, and a large zone's background grid is megabytes that every dart misses the cache
 * on. Cut into pieces that each see only their own part of the field, an edit re-samples only
 * the pieces it touches, and each piece's grid fits in the cache.
 *
 * The scheme. Square chunks of S px lie on multiples of S from the image origin. At stage a a
 * guard of g_a px either side of the chunk lines splits the plane into four kinds of unit,
 * sampled in four phases over the whole zone, every stage of a unit before the next unit:
 *   0. the core, [iS + g_a, (i+1)S − g_a) × [jS + g_a, (j+1)S − g_a);
 *   1. the vertical seam between two cores, [iS − g_a, iS + g_a) × the core's rows;
 *   2. the horizontal seam, the core's columns × [jS − g_a, jS + g_a);
 *   3. the corner where seams cross, [iS − g_a, iS + g_a) × [jS − g_a, jS + g_a).
 * Let ρ_a be the farthest a dart of stage a looks (2r_a). A unit's darts keep the spacing from
 * the dots of the earlier-phase units beside it of their own stage and earlier; units of one
 * phase lie at least min(2g_1, S − 2g_last) ≥ ρ_1 apart, so never need to. The guard grows by
 * ρ_a at each stage (g_a = g_{a−1} + ρ_a): so an earlier-phase unit's stage-a dots lie at least
 * ρ_a from a later-phase unit's dots of any earlier stage, the one pair the order above does not
 * check. Every stage thus holds its spacing across seams as within a unit, and stage a still
 * depends only on stages up to a. A unit's dots depend only on its part of the field, its seed
 * and the earlier-phase units beside it: an edit re-samples the cores whose field changed and
 * the seams and corners next to them, never a whole zone.
 *
 * Counts. A unit's region changes from stage to stage (cores shrink, seams widen), so at stage a
 * it aims for d_a × ∫ w over its stage-a region, less the dots already there, its own and its
 * earlier-phase neighbours' (no later-phase unit's earlier dots can lie there). Regions are
 * whole field cells (the field's grid lies on multiples of its cell), so ∫ w is a sum of cell
 * areas, summed over the unit's own cells only so that nothing outside it can change it.
 */

/** Aim for chunks this size, image px: large enough that seams are a small share, small enough that an edit stays local. */
const CHUNK_PX = 256
/**
 * Chunks are at least this many first-stage reaches wide, whatever the later stages: the guard
 * grows by a reach a stage, so this leaves room for some twenty sessions in one zone. Beyond
 * that the guard stops growing and a dot next to a seam may come a little closer than its
 * stage's spacing to a dot of an earlier stage.
 */
const CHUNK_REACHES = 16

export type UnitKind = 0 | 1 | 2 | 3

export interface Unit {
  kind: UnitKind
  /** The chunk. */
  ci: number
  cj: number
  /** Per stage, its region as cells of the field's grid, [i0, i1) × [j0, j1) at 4s, clipped to the grid (maybe empty). */
  regions: Int32Array
  /** Per stage, ∫ w over its region. */
  areas: Float64Array
  /** The cells of all its regions: [i0, i1) × [j0, j1). */
  i0: number
  i1: number
  j0: number
  j1: number
  /** Indices of earlier-phase units within reach. */
  neighbours: number[]
}

export interface ChunkLayout {
  /** Chunk size, in cells. */
  chunkCells: number
  /** Guard per stage, in cells. */
  guardCells: Int32Array
  /** In phase order, then by rows, then columns; units with no area are left out. */
  units: Unit[]
}

/** `radii`: the spacing of each stage (Infinity for a stage with no density). */
export function chunkLayout(field: DensityField, radii: readonly number[]): ChunkLayout {
  const { cell, cellCols, cellRows, cellArea } = field
  // A little over each stage's reach, so rounding of a dot at a unit's very edge cannot bring
  // two units within reach that the scheme keeps apart.
  const reaches = radii.map((r) => (Number.isFinite(r) ? REACH_PER_RADIUS * r * 1.001 : 0))
  const firstReach = reaches.find((r) => r > 0) ?? 0
  const chunkCells = Math.max(Math.ceil(CHUNK_PX / cell), Math.ceil((CHUNK_REACHES * firstReach) / cell))
  const guardLimit = Math.floor((chunkCells - Math.ceil(firstReach / cell)) / 2)
  const guardCells = new Int32Array(radii.length)
  let guard = 0
  reaches.forEach((reach, s) => {
    if (reach > 0)
      guard = guard === 0 ? Math.ceil(reach / 2 / cell) : Math.min(guardLimit, guard + Math.ceil(reach / cell))
    guardCells[s] = guard
  })
  const stages = radii.length
  const widest = guardCells[stages - 1] as number
  // The field's origin is a whole number of cells from the image's.
  const originI = Math.round(field.minX / cell)
  const originJ = Math.round(field.minY / cell)
  const ciFrom = Math.floor(originI / chunkCells) - 1
  const ciTo = Math.floor((originI + cellCols + widest) / chunkCells)
  const cjFrom = Math.floor(originJ / chunkCells) - 1
  const cjTo = Math.floor((originJ + cellRows + widest) / chunkCells)

  const units: Unit[] = []
  const byPlace = new Map<string, number>()
  for (let kind = 0 as UnitKind; kind < 4; kind++) {
    for (let cj = cjFrom; cj <= cjTo; cj++) {
      for (let ci = ciFrom; ci <= ciTo; ci++) {
        const regions = new Int32Array(4 * stages)
        const areas = new Float64Array(stages)
        let [i0, i1, j0, j1] = [cellCols, 0, cellRows, 0]
        for (let s = 0; s < stages; s++) {
          const g = guardCells[s] as number
          // Columns: the core's for kinds 0 and 2, the guard's for 1 and 3; rows likewise.
          const left = kind & 1 ? ci * chunkCells - g : ci * chunkCells + g
          const right = kind & 1 ? ci * chunkCells + g : (ci + 1) * chunkCells - g
          const top = kind & 2 ? cj * chunkCells - g : cj * chunkCells + g
          const bottom = kind & 2 ? cj * chunkCells + g : (cj + 1) * chunkCells - g
          const ri0 = Math.max(0, left - originI)
          const ri1 = Math.min(cellCols, right - originI)
          const rj0 = Math.max(0, top - originJ)
          const rj1 = Math.min(cellRows, bottom - originJ)
          if (ri0 >= ri1 || rj0 >= rj1) continue
          regions.set([ri0, ri1, rj0, rj1], 4 * s)
          let area = 0
          for (let j = rj0; j < rj1; j++) for (let i = ri0; i < ri1; i++) area += cellArea[j * cellCols + i] as number
          areas[s] = area
          i0 = Math.min(i0, ri0)
          i1 = Math.max(i1, ri1)
          j0 = Math.min(j0, rj0)
          j1 = Math.max(j1, rj1)
        }
        if (!areas.some((a) => a > 0)) continue
        const unit: Unit = { kind, ci, cj, regions, areas, i0, i1, j0, j1, neighbours: [] }
        for (let dj = -1; dj <= 1; dj++) {
          for (let di = -1; di <= 1; di++) {
            for (let earlier = 0; earlier < kind; earlier++) {
              const other = byPlace.get(`${earlier},${ci + di},${cj + dj}`)
              if (other !== undefined && gapCells(unit, units[other] as Unit) * cell < firstReach)
                unit.neighbours.push(other)
            }
          }
        }
        byPlace.set(`${kind},${ci},${cj}`, units.length)
        units.push(unit)
      }
    }
  }
  return { chunkCells, guardCells, units }
}

/** The distance between two units' rectangles, in cells (0 when they touch). */
function gapCells(a: Unit, b: Unit): number {
  const dx = Math.max(0, a.i0 - b.i1, b.i0 - a.i1)
  const dy = Math.max(0, a.j0 - b.j1, b.j0 - a.j1)
  return Math.sqrt(dx * dx + dy * dy)
}

/**
 * Two 32-bit hashes of everything w is read from over a unit's cells, their nodes and cell
 * classes, with one cell more on each side (rounding can put a look-up at a cell's edge in the
 * cell beside it). Equal for two fields, the unit sees the same w in both.
 */
export function unitFieldHash(field: DensityField, unit: Unit): string {
  const { cellCols, cellRows, cellClass, cellArea, nodes, nodeStride } = field
  const words = new Uint32Array(nodes.buffer, nodes.byteOffset, nodes.length)
  // A zone drawn over this one changes w only through the cells' classes and areas (`zone-field.ts`).
  const areaWords = new Uint32Array(cellArea.buffer, cellArea.byteOffset, cellArea.length)
  const nodeCols = cellCols + 1
  const i0 = Math.max(0, unit.i0 - 1)
  const i1 = Math.min(cellCols, unit.i1 + 1)
  const j0 = Math.max(0, unit.j0 - 1)
  const j1 = Math.min(cellRows, unit.j1 + 1)
  let a = 0x811c9dc5
  let b = 0x2545f491
  for (let j = j0; j <= j1; j++) {
    for (let k = (j * nodeCols + i0) * nodeStride, end = (j * nodeCols + i1 + 1) * nodeStride; k < end; k++) {
      const v = words[k] as number
      a = Math.imul(a ^ v, 0x01000193)
      b = Math.imul(b ^ v, 0x5bd1e995) ^ (b >>> 15)
    }
    if (j < j1) {
      for (let i = i0; i < i1; i++) {
        const v = cellClass[j * cellCols + i] as number
        a = Math.imul(a ^ v, 0x01000193)
        b = Math.imul(b ^ v, 0x5bd1e995) ^ (b >>> 15)
        const area = areaWords[j * cellCols + i] as number
        a = Math.imul(a ^ area, 0x01000193)
        b = Math.imul(b ^ area, 0x5bd1e995) ^ (b >>> 15)
      }
    }
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`
}
