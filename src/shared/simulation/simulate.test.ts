import { describe, expect, it } from 'vitest'
import type { Point } from '../geometry/point'
import { pointInPolygon } from '../geometry/polygon'
import { stageRadius } from './poisson-sampler'
import {
  assembleLayers,
  type DotLayer,
  type SimInput,
  type SimSession,
  type SimZone,
  simulate,
  simulateZone,
  type ZoneSimulation,
  zoneCacheKey,
} from './simulate'
import { closestPair } from './test-helpers'

// 10 px per mm: 1 cm² is 100 × 100 px.
const perCm2 = (n: number) => n / (100 * 100)
const ring = (...coords: [number, number][]): Point[] => coords.map(([x, y]) => ({ x, y }))

// In this picture the forehead is above y = 100 (y grows down) and the scalp below.
const hairlineY = 100
const band = (irregularity = 0.5): SimZone => ({
  id: 'band',
  polygon: ring([100, hairlineY], [900, hairlineY], [900, 300], [100, 300]),
  softnessPx: 20,
  hairline: { curve: ring([0, hairlineY], [1000, hairlineY]), featherPx: 40, irregularity },
})
const mid: SimZone = { id: 'mid', polygon: ring([100, 300], [900, 300], [900, 800], [100, 800]), softnessPx: 20 }

function session(id: string, dotDiameterPx: number, bandPerCm2: number, midPerCm2: number): SimSession {
  return {
    id,
    dotDiameterPx,
    treatments: [
      { zoneId: 'band', densityPerPx2: perCm2(bandPerCm2) },
      { zoneId: 'mid', densityPerPx2: perCm2(midPerCm2) },
    ],
  }
}

function design(overrides: Partial<SimInput> = {}): SimInput {
  return {
    seedKey: 'design-1',
    zones: [band(), mid],
    sessions: [session('s1', 4, 40, 30), session('s2', 3.6, 50, 40), session('s3', 3.2, 40, 30)],
    jitter: 0.15,
    ...overrides,
  }
}

function expectSameDots(a: DotLayer, b: DotLayer) {
  expect(b.x).toEqual(a.x)
  expect(b.y).toEqual(a.y)
  expect(b.r).toEqual(a.r)
  expect(b.zone).toEqual(a.zone)
}

describe('simulating a design', () => {
  it('gives one layer per session, its dots grouped by zone and inside their zones', () => {
    const input = design()
    const layers = simulate(input)
    expect(layers.map((l) => l.sessionId)).toEqual(['s1', 's2', 's3'])
    for (const layer of layers) {
      expect(layer.zoneCounts.reduce((a, b) => a + b, 0)).toBe(layer.x.length)
      expect(layer.shortfall).toBe(0)
      let at = 0
      input.zones.forEach((zone, z) => {
        for (let d = at; d < at + (layer.zoneCounts[z] as number); d++) {
          expect(layer.zone[d]).toBe(z)
          // Within the soft edge (10 px) or the hairline's scatter (40 px above the line) of its zone.
          const p = { x: layer.x[d] as number, y: layer.y[d] as number }
          const grown =
            zone.id === 'band'
              ? ring([90, 60], [910, 60], [910, 310], [90, 310])
              : ring([90, 290], [910, 290], [910, 810], [90, 810])
          expect(pointInPolygon(p, grown)).toBe(true)
        }
        at += layer.zoneCounts[z] as number
      })
    }
  })

  it('holds each session at its spacing with all earlier sessions, across the zone', () => {
    const layers = simulate(design())
    const midDots = (upTo: number) => {
      const xs: number[] = []
      const ys: number[] = []
      for (const layer of layers.slice(0, upTo + 1))
        layer.zone.forEach((z, d) => {
          if (z === 1) {
            xs.push(layer.x[d] as number)
            ys.push(layer.y[d] as number)
          }
        })
      return { xs: Float32Array.from(xs), ys: Float32Array.from(ys) }
    }
    ;[30, 70, 100].forEach((cumulative, i) => {
      const { xs, ys } = midDots(i)
      const radius = stageRadius(perCm2(cumulative))
      expect(closestPair(xs, ys, xs.length, radius)).toBeGreaterThanOrEqual(radius * (1 - 1e-9))
    })
  })

  it('is deterministic, changes with the seed key, and a later session never moves earlier ones', () => {
    const a = simulate(design())
    const b = simulate(design())
    a.forEach((layer, i) => {
      expectSameDots(layer, b[i] as DotLayer)
    })
    const reseeded = simulate(design({ seedKey: 'design-2' }))
    expect(reseeded[0]?.x).not.toEqual(a[0]?.x)
    const denserLast = simulate(
      design({ sessions: [session('s1', 4, 40, 30), session('s2', 3.6, 50, 40), session('s3', 3.2, 70, 60)] }),
    )
    expectSameDots(a[0] as DotLayer, denserLast[0] as DotLayer)
    expectSameDots(a[1] as DotLayer, denserLast[1] as DotLayer)
    expect(denserLast[2]?.x.length).toBeGreaterThan(a[2]?.x.length as number)
  })

  it('feathers a soft edge: thinner just outside, empty beyond half the softness', () => {
    const zone: SimZone = { id: 'soft', polygon: ring([200, 0], [1200, 0], [1200, 1000], [200, 1000]), softnessPx: 60 }
    const [layer] = simulate({
      seedKey: 'edge',
      zones: [zone],
      sessions: [{ id: 's', dotDiameterPx: 3, treatments: [{ zoneId: 'soft', densityPerPx2: perCm2(190) }] }],
      jitter: 0,
    }) as [DotLayer]
    // Strips 30 px wide along the left edge (x = 200), away from the corners.
    const strip = (from: number, to: number) => {
      let n = 0
      layer.x.forEach((x, d) => {
        const y = layer.y[d] as number
        if (x >= from && x < to && y > 200 && y < 800) n++
      })
      return n / ((to - from) * 600)
    }
    const full = strip(400, 1000)
    expect(strip(0, 170)).toBe(0)
    expect(strip(170, 200) / full).toBeGreaterThan(0.05)
    expect(strip(170, 200) / full).toBeLessThan(0.5)
    expect(strip(200, 230) / full).toBeGreaterThan(0.5)
    expect(strip(200, 230) / full).toBeLessThan(1)
    expect(full / perCm2(190)).toBeGreaterThan(0.95)
    expect(full / perCm2(190)).toBeLessThan(1.05)
  })

  it('puts nothing past the hairline at irregularity 0 and scatters within the feather at 1', () => {
    const aboveLine = (irregularity: number, beyond: number) => {
      const layers = simulate(design({ zones: [band(irregularity), mid] }))
      return layers.reduce((n, layer) => n + Array.from(layer.y).filter((y) => y < hairlineY - beyond).length, 0)
    }
    expect(aboveLine(0, 0)).toBe(0)
    expect(aboveLine(1, 0)).toBeGreaterThan(20)
    expect(aboveLine(1, 40)).toBe(0)
  })

  it('varies dot sizes by the jitter around each session’s size, within the clamp, without moving dots', () => {
    const jittered = simulate(design({ jitter: 0.15 }))
    const plain = simulate(design({ jitter: 0 }))
    const diameters = [4, 3.6, 3.2]
    jittered.forEach((layer, i) => {
      const mean = (diameters[i] as number) / 2
      const radii = Array.from(layer.r)
      const average = radii.reduce((a, b) => a + b, 0) / radii.length
      const sd = Math.sqrt(radii.reduce((a, b) => a + (b - average) ** 2, 0) / radii.length)
      expect(average / mean).toBeCloseTo(1, 1)
      expect(Math.abs(average / mean - 1)).toBeLessThan(0.02)
      expect(sd / (0.15 * mean)).toBeGreaterThan(0.9)
      expect(sd / (0.15 * mean)).toBeLessThan(1.1)
      expect(Array.from((plain[i] as DotLayer).r).every((r) => r === Math.fround(mean))).toBe(true)
      expect((plain[i] as DotLayer).x).toEqual(layer.x)
    })
    const wild = simulate(design({ jitter: 0.8 }))
    wild.forEach((layer, i) => {
      const mean = (diameters[i] as number) / 2
      const radii = Array.from(layer.r)
      expect(radii.every((r) => r >= Math.fround(0.4 * mean) && r <= Math.fround(1.6 * mean))).toBe(true)
      expect(radii.filter((r) => r === Math.fround(1.6 * mean)).length).toBeGreaterThan(0)
    })
  })

  it('leaves out the zones a session does not treat', () => {
    const sessions: SimSession[] = [
      session('s1', 4, 40, 30),
      { id: 'touch-up', dotDiameterPx: 3, treatments: [{ zoneId: 'band', densityPerPx2: perCm2(20) }] },
    ]
    const layers = simulate(design({ sessions }))
    expect(layers[1]?.zoneCounts[1]).toBe(0)
    expect(layers[1]?.zoneCounts[0]).toBeGreaterThan(0)
    expect(Array.from(layers[1]?.zone ?? []).every((z) => z === 0)).toBe(true)
  })
})

describe('regenerating one zone', () => {
  it('assembles the same layers from per-zone results as a full simulation', () => {
    const input = design()
    const perZone = input.zones.map((zone) => simulateZone(zone, input.sessions, input.seedKey, input.jitter))
    const assembled = assembleLayers(input.sessions, perZone)
    simulate(input).forEach((layer, i) => {
      expectSameDots(layer, assembled[i] as DotLayer)
      expect(assembled[i]?.zoneCounts).toEqual(layer.zoneCounts)
    })
  })

  it('changes only the edited zone’s dots and cache key', () => {
    const before = design()
    const movedMid: SimZone = { ...mid, polygon: ring([120, 300], [900, 300], [880, 820], [100, 800]) }
    const after = design({ zones: [band(), movedMid] })
    const key = (input: SimInput, z: number) =>
      zoneCacheKey(input.zones[z] as SimZone, input.sessions, input.seedKey, input.jitter)
    expect(key(after, 0)).toBe(key(before, 0))
    expect(key(after, 1)).not.toBe(key(before, 1))
    const a = simulate(before)
    const b = simulate(after)
    a.forEach((layer, i) => {
      const other = b[i] as DotLayer
      const bandCount = layer.zoneCounts[0] as number
      expect(other.zoneCounts[0]).toBe(bandCount)
      expect(other.x.subarray(0, bandCount)).toEqual(layer.x.subarray(0, bandCount))
      expect(other.x.subarray(bandCount)).not.toEqual(layer.x.subarray(bandCount))
    })
  })

  it('reuses the unchanged part of an edited zone and places exactly the dots a fresh sampling would', () => {
    const long: SimZone = { id: 'mid', polygon: ring([0, 0], [3000, 0], [3000, 600], [0, 600]), softnessPx: 20 }
    const sessions = [session('s1', 4, 0, 20), session('s2', 3.6, 0, 20)]
    const old = simulateZone(long, sessions, 'design-1', 0.15)
    const moved: SimZone = { ...long, polygon: ring([0, 0], [3000, 0], [3000, 600], [30, 570]) }
    const fresh = simulateZone(moved, sessions, 'design-1', 0.15)
    const reused = simulateZone(moved, sessions, 'design-1', 0.15, old)
    expect(reused.x).toEqual(fresh.x)
    expect(reused.y).toEqual(fresh.y)
    expect(reused.r).toEqual(fresh.r)
    expect(reused.stageEnds).toEqual(fresh.stageEnds)
    expect(fresh.x).not.toEqual(old.x)
  })

  it('writes into the arrays it is given up where they have room, the dots the same as on new memory', () => {
    const input = design()
    const sample = (zone: SimZone, previous?: ZoneSimulation) =>
      simulateZone(zone, input.sessions, input.seedKey, input.jitter, previous, previous)
    const smaller: SimZone = { ...mid, polygon: ring([100, 300], [880, 300], [880, 800], [100, 800]) }
    const old = sample(mid)
    const buffers = [old.x.buffer, old.y.buffer, old.r.buffer]
    const fresh = simulateZone(smaller, input.sessions, input.seedKey, input.jitter)
    const reused = sample(smaller, old)
    expect([reused.x.buffer, reused.y.buffer, reused.r.buffer]).toEqual(buffers)
    expect(reused.x).toEqual(fresh.x)
    expect(reused.y).toEqual(fresh.y)
    expect(reused.r).toEqual(fresh.r)
    // Too small for a larger zone: new memory, the same dots.
    const larger: SimZone = { ...mid, polygon: ring([100, 300], [990, 300], [990, 990], [100, 990]) }
    const grown = sample(larger, reused)
    expect(grown.x.buffer).not.toBe(buffers[0])
    expect(grown.x).toEqual(simulateZone(larger, input.sessions, input.seedKey, input.jitter).x)
  })

  it('gives the same dots whatever was sampled before, and later samplings never touch a result', () => {
    // The sampler and the density field reuse working memory from zone to zone; a far larger
    // zone in between makes it grow.
    const input = design()
    const sample = (zone: SimZone) => simulateZone(zone, input.sessions, input.seedKey, input.jitter)
    const first = sample(band())
    const kept = { x: first.x.slice(), y: first.y.slice(), r: first.r.slice() }
    const large: SimZone = { ...band(), polygon: ring([0, hairlineY], [2400, hairlineY], [2400, 1600], [0, 1600]) }
    expect(sample(large).x.length).toBeGreaterThan(5 * first.x.length)
    sample(mid)
    expect(first.x).toEqual(kept.x)
    expect(first.y).toEqual(kept.y)
    expect(first.r).toEqual(kept.r)
    const again = sample(band())
    expect(again.x).toEqual(first.x)
    expect(again.y).toEqual(first.y)
    expect(again.r).toEqual(first.r)
    expect(again.units).toEqual(first.units)
  })
})
