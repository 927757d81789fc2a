import { describe, expect, it } from 'vitest'
import { indexLayer, indexSessions, type LayerIndex, rangesNear } from './layer-index'
import { assembleLayers, type DotLayer, type SimInput, simulateZone, type ZoneSimulation } from './simulate'
import { indexFields, twoZoneScene } from './simulation-test-fixtures'

/** A 10 × 7 grid of dots 60 px apart from (300, 200), radius 2, zones alternating. */
function gridLayer(): DotLayer {
  const xs: number[] = []
  const ys: number[] = []
  for (let j = 0; j < 7; j++) {
    for (let i = 0; i < 10; i++) {
      xs.push(300 + i * 60)
      ys.push(200 + j * 60)
    }
  }
  const n = xs.length
  return {
    sessionId: 's',
    x: Float32Array.from(xs),
    y: Float32Array.from(ys),
    r: new Float32Array(n).fill(2),
    zone: Uint16Array.from({ length: n }, (_, d) => d % 2),
    zoneCounts: Int32Array.from([35, 35]),
    shortfall: 0,
  }
}

/** The dots of the ranges, as "x,y,zone" strings. */
function dotsIn(index: ReturnType<typeof indexLayer>, ranges: Int32Array): string[] {
  const found: string[] = []
  for (let k = 0; k < ranges.length; k += 2)
    for (let d = ranges[k] as number; d < (ranges[k + 1] as number); d++)
      found.push(`${index.x[d]},${index.y[d]},${index.zone[d]}`)
  return found
}

describe('layer index', () => {
  const layer = gridLayer()
  const index = indexLayer(layer)
  const all = Array.from(layer.x, (x, d) => `${x},${layer.y[d]},${layer.zone[d]}`)

  it('holds every dot of the layer once, with its radius and zone', () => {
    expect(dotsIn(index, Int32Array.from([0, index.x.length])).sort()).toEqual([...all].sort())
    expect(Array.from(index.r).every((r) => r === 2)).toBe(true)
  })

  it('finds every dot that can touch a rectangle', () => {
    const touching = all.filter((_, d) => {
      const x = layer.x[d] as number
      const y = layer.y[d] as number
      return x >= 400 - 2 && x <= 700 + 2 && y >= 250 - 2 && y <= 420 + 2
    })
    expect(touching.length).toBeGreaterThan(0)
    expect(dotsIn(index, rangesNear(index, 400, 250, 700, 420))).toEqual(expect.arrayContaining(touching))
  })

  it('finds nothing for rectangles beside, above, below or beyond the dots', () => {
    for (const [x0, y0, x1, y1] of [
      [1300, 250, 1900, 700],
      [0, 250, 100, 700],
      [400, 0, 700, 50],
      [400, 900, 700, 1400],
      [1300, 900, 1900, 1400],
    ] as const) {
      expect(rangesNear(index, x0, y0, x1, y1).length).toBe(0)
    }
  })
})

describe('indexing sessions straight from the zones', () => {
  const scene = (right: number): SimInput => twoZoneScene('index', right)
  const sample = (input: SimInput, previous: ZoneSimulation[] = []) =>
    input.zones.map((zone, z) => simulateZone(zone, input.sessions, input.seedKey, input.jitter, previous[z]))
  const expectSame = (got: LayerIndex, want: LayerIndex) => {
    expect(indexFields(got)).toEqual(indexFields(want))
  }

  it('gives what indexing the assembled layers gives, an empty session included', () => {
    const input = scene(600)
    const results = sample(input)
    const { layers, indexes } = indexSessions(input.sessions, results)
    const assembled = assembleLayers(input.sessions, results)
    expect(indexes).toHaveLength(3)
    assembled.forEach((layer, s) => {
      expectSame(indexes[s] as LayerIndex, indexLayer(layer))
      expect(layers[s]).toEqual({
        sessionId: layer.sessionId,
        zoneCounts: layer.zoneCounts,
        shortfall: layer.shortfall,
      })
    })
    expect(indexes[2]?.x).toHaveLength(0)
  })

  it('writes into the previous indexes where they have room, and gives the same indexes as a fresh build', () => {
    const before = scene(600)
    const first = sample(before)
    const old = indexSessions(before.sessions, first).indexes
    const buffers = old.map((index) => index.x.buffer)
    // A smaller zone a has fewer dots: they fit in the old buffers.
    const after = scene(560)
    const results = sample(after, first)
    const { indexes } = indexSessions(after.sessions, results, old)
    expect(indexes[0]?.x.buffer).toBe(buffers[0])
    expect(indexes[0]?.x.length).toBeLessThan(buffers[0]?.byteLength as number)
    assembleLayers(after.sessions, results).forEach((layer, s) => {
      expectSame(indexes[s] as LayerIndex, indexLayer(layer))
    })
  })
})
