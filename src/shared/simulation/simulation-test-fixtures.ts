import type { Point } from '../geometry/point'
import type { LayerIndex } from './layer-index'
import type { SimInput } from './simulate'

const ring = (...coords: [number, number][]): Point[] => coords.map(([x, y]) => ({ x, y }))

/**
 * A small scene for tests: zone `a` (its right edge at `right`) overlapping zone `b`, a session
 * over `a` alone, one over both with another dot size, and a session with no treatment.
 */
export function twoZoneScene(seedKey: string, right = 420): SimInput {
  return {
    seedKey,
    zones: [
      { id: 'a', polygon: ring([100, 100], [right, 100], [right, 400], [100, 400]), softnessPx: 20 },
      { id: 'b', polygon: ring([300, 300], [800, 300], [800, 700], [300, 700]), softnessPx: 10 },
    ],
    sessions: [
      { id: 's1', dotDiameterPx: 4, treatments: [{ zoneId: 'a', densityPerPx2: 0.002 }] },
      {
        id: 's2',
        dotDiameterPx: 3,
        treatments: [
          { zoneId: 'a', densityPerPx2: 0.002 },
          { zoneId: 'b', densityPerPx2: 0.003 },
        ],
      },
      { id: 'untreated', dotDiameterPx: 3, treatments: [] },
    ],
    jitter: 0.15,
  }
}

/** Every field of a drawing index, for comparing two in one assertion. */
export function indexFields(index: LayerIndex) {
  const { cellPx, originX, originY, cols, rows, maxRadius, cellStart, x, y, r, zone } = index
  return { cellPx, originX, originY, cols, rows, maxRadius, cellStart, x, y, r, zone }
}
