import { createDensityField, type DensityField } from './density-field'
import { BLOCK } from './node-grid'
import { hashString } from './prng'
import type { SimZone, ZoneShape } from './simulate'

/**
 * Where zones overlap, the skin belongs to the zone on top: the one drawn later in the design
 * (listed last among the zones). A zone's weight is its own feathered w times (1 − w) of each
 * zone over it, so across a feathered overlap the two zones' weights add up to what one zone
 * alone would give: no doubled density where outlines cross, and no gap. The plan's areas
 * (`design-zones.ts`) and the sampler both read the zone through this one field, so the dots
 * placed and the impressions planned are counted from the same ∫ w.
 */

/** A zone's own field, seeded as the simulation seeds it, before any zone over it is taken off. */
export function shapeField(shape: ZoneShape, seedKey: string): DensityField {
  return createDensityField({
    polygon: shape.polygon,
    softnessPx: shape.softnessPx,
    hairline: shape.hairline,
    seed: hashString(zoneSeedKey(seedKey, shape.id), 1),
  })
}

/** A separator keeps "ab" + "c" and "a" + "bc" apart. */
export const zoneSeedKey = (seedKey: string, zoneId: string) => `${seedKey}\u0000${zoneId}`

/** The field a zone's dots are sampled from: its own, less the zones drawn over it. */
export function zoneField(zone: SimZone, seedKey: string): DensityField {
  const own = shapeField(zone, seedKey)
  return maskField(
    own,
    (zone.above ?? []).map((shape) => shapeField(shape, seedKey)),
  )
}

const MIXED = 2
/** Samples per side of a cell where a zone over it is partly present: its weight is then no longer read from nodes. */
const SUB = 4

type Cover = 'none' | 'whole' | 'partial'

/** How a zone over a cell covers it, from that zone's own cell classes (its grid may differ). */
function coverOver(field: DensityField, x0: number, y0: number, size: number): Cover {
  if (field.cellCols === 0) return 'none'
  const { cell, minX, minY, cellCols, cellRows, cellClass } = field
  const i0 = Math.floor((x0 - minX) / cell)
  const j0 = Math.floor((y0 - minY) / cell)
  const i1 = Math.ceil((x0 + size - minX) / cell) - 1
  const j1 = Math.ceil((y0 + size - minY) / cell) - 1
  if (i1 < 0 || j1 < 0 || i0 >= cellCols || j0 >= cellRows) return 'none'
  let whole = i0 >= 0 && j0 >= 0 && i1 < cellCols && j1 < cellRows
  let some = false
  for (let j = Math.max(0, j0); j <= Math.min(cellRows - 1, j1); j++) {
    for (let i = Math.max(0, i0); i <= Math.min(cellCols - 1, i1); i++) {
      const kind = cellClass[j * cellCols + i] as number
      if (kind !== 0) some = true
      if (kind !== 1) whole = false
    }
  }
  return whole ? 'whole' : some ? 'partial' : 'none'
}

const intersects = (a: DensityField, b: DensityField) =>
  a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY

/**
 * `field` with each of `covers` taken off: w · Π(1 − w_c). Cells no cover reaches keep their
 * class and area; cells a cover fills are emptied; the rest are integrated by sampling.
 */
export function maskField(field: DensityField, covers: readonly DensityField[]): DensityField {
  const over = covers.filter((c) => c.effectiveArea > 0 && intersects(field, c))
  if (over.length === 0 || field.effectiveArea === 0) return field
  const own = field.weight
  const weight = (x: number, y: number): number => {
    let w = own(x, y)
    for (let k = 0; k < over.length && w > 0; k++) w *= 1 - (over[k] as DensityField).weight(x, y)
    return w
  }
  const { cell, cellCols, cellRows, minX, minY } = field
  const cellClass = field.cellClass.slice()
  const cellArea = field.cellArea.slice()
  const step = cell / SUB
  let area = 0
  for (let j = 0; j < cellRows; j++) {
    for (let i = 0; i < cellCols; i++) {
      const k = j * cellCols + i
      if (cellClass[k] === 0) continue
      const x0 = minX + i * cell
      const y0 = minY + j * cell
      let partial = false
      let emptied = false
      for (const cover of over) {
        const how = coverOver(cover, x0, y0, cell)
        if (how === 'whole') emptied = true
        else if (how === 'partial') partial = true
      }
      if (emptied) {
        cellClass[k] = 0
        cellArea[k] = 0
        continue
      }
      if (partial) {
        let sum = 0
        for (let sy = 0; sy < SUB; sy++)
          for (let sx = 0; sx < SUB; sx++) sum += weight(x0 + (sx + 0.5) * step, y0 + (sy + 0.5) * step)
        cellClass[k] = MIXED
        cellArea[k] = (sum * cell * cell) / (SUB * SUB)
      }
      area += cellArea[k] as number
    }
  }
  const { support, supportFull } = supportOf(cellClass, cellCols, cellRows)
  return {
    ...field,
    weight,
    cellClass,
    cellArea,
    effectiveArea: area,
    support,
    supportFull,
  }
}

/** The blocks holding any cell with w > 0, and which of them are at w = 1 all over. */
function supportOf(
  cellClass: Uint8Array,
  cellCols: number,
  cellRows: number,
): { support: Int32Array; supportFull: Uint8Array } {
  const blocksX = cellCols / BLOCK
  const blocksY = cellRows / BLOCK
  const support: number[] = []
  const full: number[] = []
  for (let by = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++) {
      let active = false
      let all = true
      for (let j = by * BLOCK; j < (by + 1) * BLOCK; j++) {
        for (let i = bx * BLOCK; i < (bx + 1) * BLOCK; i++) {
          const kind = cellClass[j * cellCols + i] as number
          if (kind !== 0) active = true
          if (kind !== 1) all = false
        }
      }
      if (active) {
        support.push(by * blocksX + bx)
        full.push(all ? 1 : 0)
      }
    }
  }
  return { support: Int32Array.from(support), supportFull: Uint8Array.from(full) }
}
