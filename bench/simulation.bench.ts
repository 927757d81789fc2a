import { expect, it } from 'vitest'
import type { Point } from '../src/shared/geometry/point'
import { createDensityField } from '../src/shared/simulation/density-field'
import { indexLayer } from '../src/shared/simulation/layer-index'
import { sampleProgressive } from '../src/shared/simulation/poisson-sampler'
import { Prng } from '../src/shared/simulation/prng'
import { type LayerStyle, rasterize, rasterizeTile } from '../src/shared/simulation/rasterize'
import type { DotLayer } from '../src/shared/simulation/simulate'

/**
 * The simulation's hot paths at the sizes the editor meets: one zone of 100,000 dots in three
 * sessions, a million density look-ups, and 500,000 dots of about 4 px composited into a
 * 4096 × 2730 filter bitmap. Prints min / median / max wall time and the process's CPU time
 * (a busy machine inflates wall time); asserts only that the work was done.
 */

const RUNS = 7

function time(label: string, run: () => void): void {
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const startCpu = process.cpuUsage()
    const start = performance.now()
    run()
    wall.push(performance.now() - start)
    const used = process.cpuUsage(startCpu)
    cpu.push((used.user + used.system) / 1000)
  }
  const figures = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b)
    return `${sorted[0]?.toFixed(1)} / ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} / ${sorted[sorted.length - 1]?.toFixed(1)}`
  }
  console.log(`${label}: wall ${figures(wall)} ms, cpu ${figures(cpu)} ms (min / median / max of ${RUNS})`)
}

// An irregular crown-like blob about 3200 × 2700 px, 100,000 dots at ~150/cm² at 10 px/mm.
const blob: Point[] = Array.from({ length: 96 }, (_, k) => {
  const a = (2 * Math.PI * k) / 96
  const wobble = 1 + 0.08 * Math.sin(5 * a) + 0.05 * Math.cos(9 * a)
  return { x: 2048 + 1550 * wobble * Math.cos(a), y: 1365 + 1300 * wobble * Math.sin(a) }
})
const hairline = {
  curve: Array.from({ length: 120 }, (_, k) => ({ x: 200 + k * 32, y: 250 - 180 * Math.sin((Math.PI * k) / 119) })),
  featherPx: 40,
  irregularity: 0.6,
}

it('density field: build and a million look-ups', () => {
  time('field build (96-gon, softness 20 px)', () => {
    createDensityField({ polygon: blob, softnessPx: 20 })
  })
  time('field build with a bordering hairline', () => {
    expect(createDensityField({ polygon: blob, softnessPx: 20, hairline }).hairlineApplies).toBe(true)
  })
  const field = createDensityField({ polygon: blob, softnessPx: 20, hairline })
  const rng = new Prng(1)
  const xs = Float64Array.from({ length: 1e6 }, () => field.minX + rng.next() * (field.maxX - field.minX))
  const ys = Float64Array.from({ length: 1e6 }, () => field.minY + rng.next() * (field.maxY - field.minY))
  // Read once, as the sampler does: a property load per look-up would be measured too.
  const weight = field.weight
  let sum = 0
  time('1,000,000 weight look-ups (hairline field)', () => {
    for (let i = 0; i < xs.length; i++) sum += weight(xs[i] as number, ys[i] as number)
  })
  expect(sum).toBeGreaterThan(0)
})

it('sampling: 100,000 dots in one zone', () => {
  const field = createDensityField({ polygon: blob, softnessPx: 20 })
  const density = 100_000 / field.effectiveArea
  console.log(`zone: ${(field.effectiveArea / 1e4).toFixed(0)} cm² at 10 px/mm, ${(density * 1e4).toFixed(0)} dots/cm²`)
  let placed = 0
  time('100,000 dots, three sessions (30% / 70% / 100%)', () => {
    placed = sampleProgressive({ field, stages: [0.3 * density, 0.7 * density, density], seed: 42 }).x.length
  })
  expect(placed).toBe(100_000)
  time('100,000 dots, one session', () => {
    placed = sampleProgressive({ field, stages: [density], seed: 42 }).x.length
  })
  expect(placed).toBe(100_000)
})

it('rasterising: 500,000 dots of ~4 px into 4096 × 2730', () => {
  const width = 4096
  const height = 2730
  const count = 500_000
  const rng = new Prng(7)
  const layer: DotLayer = {
    sessionId: 's',
    x: Float32Array.from({ length: count }, () => rng.next() * width),
    y: Float32Array.from({ length: count }, () => rng.next() * height),
    r: Float32Array.from({ length: count }, () => 2 * (1 + 0.15 * rng.gaussian())),
    zone: Uint16Array.from({ length: count }, (_, i) => i % 3),
    zoneCounts: new Int32Array(3),
    shortfall: 0,
  }
  const style: LayerStyle = {
    visible: true,
    opacity: 0.9,
    zoneColours: Float32Array.from([0.2, 0.2, 0.25, 0.9, 0.25, 0.2, 0.2, 0.8, 0.15, 0.15, 0.15, 1]),
  }
  const data = new Uint8ClampedArray(width * height * 4)
  const target = { width, height, data, originX: 0, originY: 0, scale: 1 }
  let index = indexLayer(layer)
  time('full render at 1:1, index kept', () => rasterize(target, [layer], [style], [index]))
  time('full render at 1:1, index built inside', () => rasterize(target, [layer], [style]))
  expect(data.some((v) => v < 255)).toBe(true)
  const zoomedOut = {
    width: 1024,
    height: 683,
    data: new Uint8ClampedArray(1024 * 683 * 4),
    originX: 0,
    originY: 0,
    scale: 0.25,
  }
  time('full render at 1:4 (dots under a pixel)', () => rasterize(zoomedOut, [layer], [style], [index]))
  time('layer index (64 px buckets)', () => {
    index = indexLayer(layer)
  })
  const tile = { x: 1024, y: 1024, width: 512, height: 512, data: new Uint8ClampedArray(512 * 512 * 4) }
  time('one 512 × 512 tile at 1:1', () => rasterizeTile(target, tile, [style], [index]))
})
