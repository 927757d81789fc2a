import { describe, expect, it } from 'vitest'
import type { Point } from '../geometry/point'
import { createDensityField } from './density-field'
import { sampleProgressive, stageRadius } from './poisson-sampler'
import { closestPair, countIn } from './test-helpers'

// A realistic calibration: 10 px per mm, so 1 cm² is 100 × 100 px.
const perCm2 = (n: number) => n / (100 * 100)
const ring = (...coords: [number, number][]): Point[] => coords.map(([x, y]) => ({ x, y }))
const zone = createDensityField({ polygon: ring([0, 0], [800, 0], [800, 800], [0, 800]), softnessPx: 20 })
// Far from the zone's soft edge.
const interior = { minX: 150, minY: 150, maxX: 650, maxY: 650 }
const sessionShares = [0.3, 0.7, 1]

function stagesFor(perCm2Target: number): number[] {
  return sessionShares.map((share) => perCm2(perCm2Target) * share)
}

describe('progressive blue-noise sampling', () => {
  it.each([50, 140, 190])('reaches %i impressions/cm² within 5%% in the interior, session by session', (target) => {
    const stages = stagesFor(target)
    const dots = sampleProgressive({ field: zone, stages, seed: 7 })
    const area = (interior.maxX - interior.minX) * (interior.maxY - interior.minY)
    stages.forEach((density, i) => {
      const count = countIn(dots.x, dots.y, 0, dots.stageEnds[i] as number, interior)
      expect(count / (density * area)).toBeGreaterThan(0.95)
      expect(count / (density * area)).toBeLessThan(1.05)
    })
    expect(Array.from(dots.stageEnds)).toEqual(Array.from(dots.stageTargets))
  })

  it('keeps every stage at its minimum spacing, earlier dots included', () => {
    const stages = stagesFor(190)
    const dots = sampleProgressive({ field: zone, stages, seed: 11 })
    stages.forEach((density, i) => {
      const radius = stageRadius(density)
      expect(closestPair(dots.x, dots.y, dots.stageEnds[i] as number, radius)).toBeGreaterThanOrEqual(
        radius * (1 - 1e-9),
      )
    })
  })

  it('puts new dots between the earlier ones, never on them, closing the gaps', () => {
    const stages = stagesFor(140)
    const dots = sampleProgressive({ field: zone, stages, seed: 3 })
    const firstEnd = dots.stageEnds[0] as number
    const secondEnd = dots.stageEnds[1] as number
    let nearestToEarlier = Number.POSITIVE_INFINITY
    for (let d = firstEnd; d < secondEnd; d++) {
      for (let e = 0; e < firstEnd; e++) {
        const dist = Math.hypot(
          (dots.x[d] as number) - (dots.x[e] as number),
          (dots.y[d] as number) - (dots.y[e] as number),
        )
        nearestToEarlier = Math.min(nearestToEarlier, dist)
      }
    }
    expect(nearestToEarlier).toBeGreaterThanOrEqual(stageRadius(stages[1] as number) * (1 - 1e-9))
    // The widest empty spot in the interior shrinks with every session.
    const holes = [1, 2, 3].map((i) => widestGap(dots.x, dots.y, dots.stageEnds[i - 1] as number))
    expect(holes[1]).toBeLessThan(holes[0] as number)
    expect(holes[2]).toBeLessThan(holes[1] as number)
    stages.forEach((density, i) => {
      expect(holes[i]).toBeLessThan(2 * stageRadius(density))
    })
  })

  it('is deterministic, differs with the seed, and a later stage never moves an earlier one', () => {
    const stages = stagesFor(120)
    const a = sampleProgressive({ field: zone, stages, seed: 99 })
    const b = sampleProgressive({ field: zone, stages, seed: 99 })
    expect(b.x).toEqual(a.x)
    expect(b.y).toEqual(a.y)
    expect(b.stageEnds).toEqual(a.stageEnds)
    const other = sampleProgressive({ field: zone, stages, seed: 100 })
    expect(other.x).not.toEqual(a.x)
    const denser = sampleProgressive({
      field: zone,
      stages: [stages[0] as number, stages[1] as number, perCm2(180)],
      seed: 99,
    })
    const kept = a.stageEnds[1] as number
    expect(denser.x.subarray(0, kept)).toEqual(a.x.subarray(0, kept))
    expect(denser.y.subarray(0, kept)).toEqual(a.y.subarray(0, kept))
    expect(denser.stageEnds[2]).toBeGreaterThan(a.stageEnds[2] as number)
  })

  it('reports a shortfall when a target cannot be reached instead of looping or hiding it', () => {
    // A field claiming three times its real area (cell by cell, as the sampler reads it) asks
    // for more dots than fit at the spacing.
    const overclaimed = { ...zone, effectiveArea: zone.effectiveArea * 3, cellArea: zone.cellArea.map((a) => 3 * a) }
    const dots = sampleProgressive({ field: overclaimed, stages: [perCm2(150)], seed: 5 })
    expect(dots.stageEnds[0]).toBeLessThan(dots.stageTargets[0] as number)
    expect(dots.x.length).toBe(dots.stageEnds[0])
    expect(dots.stageEnds[0]).toBeGreaterThan(perCm2(150) * zone.effectiveArea)
  })

  it('places nothing for a field with no area', () => {
    const empty = createDensityField({ polygon: ring([0, 0], [1, 1], [2, 2]), softnessPx: 0 })
    const dots = sampleProgressive({ field: empty, stages: [perCm2(100)], seed: 1 })
    expect(dots.x.length).toBe(0)
    expect(Array.from(dots.stageEnds)).toEqual([0])
  })
})

/** The largest distance from a point of the interior (probed on a 2 px grid) to its nearest dot. */
function widestGap(xs: Float32Array, ys: Float32Array, count: number): number {
  const cell = 20
  const buckets = new Map<string, number[]>()
  for (let d = 0; d < count; d++) {
    const key = `${Math.floor((xs[d] as number) / cell)},${Math.floor((ys[d] as number) / cell)}`
    const list = buckets.get(key)
    if (list) list.push(d)
    else buckets.set(key, [d])
  }
  let widest = 0
  for (let y = interior.minY; y < interior.maxY; y += 2) {
    for (let x = interior.minX; x < interior.maxX; x += 2) {
      let nearest = Number.POSITIVE_INFINITY
      for (let reach = 1; nearest === Number.POSITIVE_INFINITY || nearest > (reach - 1) * cell; reach++) {
        const ci = Math.floor(x / cell)
        const cj = Math.floor(y / cell)
        for (let dj = -reach; dj <= reach; dj++)
          for (let di = -reach; di <= reach; di++)
            for (const d of buckets.get(`${ci + di},${cj + dj}`) ?? [])
              nearest = Math.min(nearest, Math.hypot((xs[d] as number) - x, (ys[d] as number) - y))
      }
      widest = Math.max(widest, nearest)
    }
  }
  return widest
}
