import { describe, expect, it } from 'vitest'
import type { Point } from '../geometry/point'
import { dotTone, dotTraits, freshLook, toneAt } from './dot-coverage'
import { indexLayer } from './layer-index'
import { type LayerStyle, type RasterTarget, rasterize, rasterizeTile } from './rasterize'
import { type DotLayer, simulate } from './simulate'

function layerOf(dots: { x: number; y: number; r: number; zone?: number }[], zones = 1): DotLayer {
  const zoneCounts = new Int32Array(zones)
  for (const d of dots) zoneCounts[d.zone ?? 0] = (zoneCounts[d.zone ?? 0] as number) + 1
  return {
    sessionId: 's',
    x: Float32Array.from(dots, (d) => d.x),
    y: Float32Array.from(dots, (d) => d.y),
    r: Float32Array.from(dots, (d) => d.r),
    zone: Uint16Array.from(dots, (d) => d.zone ?? 0),
    zoneCounts,
    shortfall: 0,
  }
}

function style(colours: [number, number, number, number][], opacity = 1, visible = true): LayerStyle {
  return { visible, opacity, zoneColours: Float32Array.from(colours.flat()) }
}

function target(width: number, height: number, originX = 0, originY = 0, scale = 1): RasterTarget {
  return { width, height, originX, originY, scale, data: new Uint8ClampedArray(width * height * 4) }
}

/** A dot seen in a square around (x, y): its darkness in pixel areas, how elongated it is, its grey levels and its spread. */
function measureDot(t: RasterTarget, x: number, y: number, half: number) {
  let darkness = 0
  let [mx, my, sxx, syy, sxy] = [0, 0, 0, 0, 0]
  const levels = new Set<number>()
  for (let j = Math.round(y - half); j < y + half; j++) {
    for (let i = Math.round(x - half); i < x + half; i++) {
      const v = 1 - (pixel(t, i, j)[0] as number) / 255
      if (v <= 0) continue
      if (v < 0.95) levels.add(Math.round(v * 255))
      darkness += v
      mx += v * (i + 0.5)
      my += v * (j + 0.5)
    }
  }
  mx /= darkness
  my /= darkness
  for (let j = Math.round(y - half); j < y + half; j++) {
    for (let i = Math.round(x - half); i < x + half; i++) {
      const v = 1 - (pixel(t, i, j)[0] as number) / 255
      const [dx, dy] = [i + 0.5 - mx, j + 0.5 - my]
      sxx += v * dx * dx
      syy += v * dy * dy
      sxy += v * dx * dy
    }
  }
  const mean = (sxx + syy) / 2
  const diff = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy * sxy)
  return {
    darkness,
    aspect: Math.sqrt((mean + diff) / (mean - diff)),
    levels: levels.size,
    spread: Math.sqrt((sxx + syy) / darkness),
  }
}

function pixel(t: { width: number; data: Uint8ClampedArray }, i: number, j: number): number[] {
  const o = (j * t.width + i) * 4
  return Array.from(t.data.subarray(o, o + 4))
}

const WHITE = [255, 255, 255, 255]

describe('rasterising dot layers', () => {
  it('gives a small dot the tone its traits give it, without working out its shape', () => {
    for (let k = 0; k < 5000; k++) {
      const x = Math.fround(((k * 7919) % 6000) + k / 5000)
      const y = Math.fround(((k * 104729) % 4000) + 0.37 * k)
      expect(toneAt(x, y)).toBe(dotTone(dotTraits(x, y)[2]))
    }
  })

  it('multiplies a big dot’s colour at its alpha into white at its centre, and leaves the rest white', () => {
    const t = target(100, 80)
    rasterize(t, [layerOf([{ x: 40, y: 30, r: 10 }])], [style([[0.2, 0.4, 0.6, 0.8]])])
    // Each dot's tone varies a little around its layer's ink, fixed by where it lies.
    const tone = dotTone(dotTraits(40, 30)[2])
    const expected = [0.2, 0.4, 0.6].map((c) => 255 * (1 - 0.8 * tone * (1 - c)))
    const centre = pixel(t, 40, 30)
    expected.forEach((value, c) => {
      expect(Math.abs((centre[c] as number) - value)).toBeLessThanOrEqual(0.5)
    })
    expect(pixel(t, 40, 30)[3]).toBe(255)
    expect(pixel(t, 40, 52)).toEqual(WHITE)
    expect(pixel(t, 60, 30)).toEqual(WHITE)
    // The rim is lighter than the centre but not white.
    const rim = pixel(t, 49, 30)[0] as number
    expect(rim).toBeGreaterThan(pixel(t, 40, 30)[0] as number)
    expect(rim).toBeLessThan(255)
  })

  it('draws a healed dot round to slightly oval with a soft edge, its darkness its area’s, and a fresh one larger and darker', () => {
    const dots = [
      { x: 30, y: 30, r: 8 },
      { x: 90, y: 30, r: 8.5 },
      { x: 30, y: 90, r: 7.5 },
      { x: 90, y: 90, r: 8 },
    ]
    const healed = target(120, 120)
    rasterize(healed, [layerOf(dots)], [style([[0, 0, 0, 1]])])
    dots.forEach((dot) => {
      const { darkness, aspect, levels } = measureDot(healed, dot.x, dot.y, 20)
      // Black at full strength can get no darker: a darker tone stops at black.
      const tone = Math.min(1, dotTone(dotTraits(dot.x, dot.y)[2]))
      expect(darkness / (Math.PI * dot.r * dot.r * tone)).toBeGreaterThan(0.95)
      expect(darkness / (Math.PI * dot.r * dot.r * tone)).toBeLessThan(1.05)
      expect(aspect).toBeGreaterThanOrEqual(1)
      expect(aspect).toBeLessThan(1.3)
      // Soft: across the edge many grey levels, not one anti-aliased pixel.
      expect(levels).toBeGreaterThan(12)
    })
    const shapes = dots.map((dot) => measureDot(healed, dot.x, dot.y, 20).aspect)
    expect(new Set(shapes.map((a) => a.toFixed(3))).size).toBeGreaterThan(1)

    const fresh = target(120, 120)
    rasterize(fresh, [layerOf(dots)], [{ ...style([[0.3, 0.3, 0.3, 0.6]]), look: freshLook(1.7) }])
    const light = target(120, 120)
    rasterize(light, [layerOf(dots)], [style([[0.3, 0.3, 0.3, 0.6]])])
    const [f, h] = [measureDot(fresh, 30, 30, 29), measureDot(light, 30, 30, 29)]
    expect(f.darkness).toBeGreaterThan(h.darkness * 1.7 * 1.7)
    expect(f.spread).toBeGreaterThan(h.spread * 1.5)
  })

  it('places dots through the view’s origin and scale', () => {
    const t = target(200, 200, 100, 50, 4)
    rasterize(t, [layerOf([{ x: 120, y: 70, r: 1 }])], [style([[0, 0, 0, 1]])])
    // Image (120, 70) is target (80, 80); the dot is 8 px across there.
    expect(pixel(t, 80, 80).slice(0, 3)).toEqual([0, 0, 0])
    expect(pixel(t, 80, 86)).toEqual(WHITE)
    expect(pixel(t, 20, 20)).toEqual(WHITE)
  })

  it('shows one dark blob per dot of a sparse simulated layer', () => {
    const polygon: Point[] = [
      { x: 20, y: 20 },
      { x: 380, y: 40 },
      { x: 360, y: 280 },
      { x: 30, y: 260 },
    ]
    const [layer] = simulate({
      seedKey: 'blobs',
      zones: [{ id: 'z', polygon, softnessPx: 0 }],
      sessions: [{ id: 's', dotDiameterPx: 4, treatments: [{ zoneId: 'z', densityPerPx2: 0.002 }] }],
      jitter: 0.1,
    }) as [DotLayer]
    expect(layer.x.length).toBeGreaterThan(100)
    const t = target(400, 300)
    rasterize(t, [layer], [style([[0.1, 0.1, 0.1, 1]])])
    expect(countBlobs(t, 250)).toBe(layer.x.length)
  })

  it('keeps a layer’s overall darkness when zoomed out until dots are under a pixel', () => {
    const dots = Array.from({ length: 400 }, (_, k) => ({
      x: 10 + (k % 20) * 19.3,
      y: 10 + Math.floor(k / 20) * 17.9,
      r: 1.5,
    }))
    const layer = layerOf(dots)
    const faint = style([[0, 0, 0, 0.15]])
    const ink = (scale: number) => {
      const t = target(Math.ceil(400 * scale), Math.ceil(400 * scale), 0, 0, scale)
      rasterize(t, [layer], [faint])
      let darkness = 0
      for (let o = 0; o < t.data.length; o += 4) darkness += 255 - (t.data[o] as number)
      return darkness / (scale * scale)
    }
    const near = ink(4)
    for (const scale of [1, 0.5, 0.25]) {
      expect(ink(scale) / near).toBeGreaterThan(0.93)
      expect(ink(scale) / near).toBeLessThan(1.07)
    }
  })

  it('leaves white for a hidden layer, a layer at opacity 0 or a zone of strength 0', () => {
    const layer = layerOf([{ x: 20, y: 20, r: 5 }])
    for (const s of [style([[0, 0, 0, 1]], 1, false), style([[0, 0, 0, 1]], 0), style([[0, 0, 0, 0]])]) {
      const t = target(40, 40)
      rasterize(t, [layer], [s])
      expect(t.data.every((v) => v === 255)).toBe(true)
    }
  })

  it('multiplies two layers: darker where both lie than under either', () => {
    const one = layerOf([{ x: 20, y: 20, r: 8 }])
    const two = layerOf([{ x: 20, y: 20, r: 8 }])
    const first = style([[0.5, 0.2, 0.2, 1]])
    const second = style([[0.2, 0.2, 0.8, 1]])
    const render = (layers: DotLayer[], styles: LayerStyle[]) => {
      const t = target(40, 40)
      rasterize(t, layers, styles)
      return pixel(t, 20, 20)
    }
    const a = render([one], [first])
    const b = render([two], [second])
    const both = render([one, two], [first, second])
    for (let c = 0; c < 3; c++) {
      expect(both[c]).toBeLessThanOrEqual(Math.min(a[c] as number, b[c] as number))
      expect(Math.abs((both[c] as number) - ((a[c] as number) * (b[c] as number)) / 255)).toBeLessThanOrEqual(1)
    }
    expect(both[0]).toBeLessThan(a[0] as number)
  })

  it('draws a tile exactly as the same pixels of a full render', () => {
    const polygon: Point[] = [
      { x: 0, y: 0 },
      { x: 300, y: 10 },
      { x: 280, y: 220 },
      { x: 10, y: 200 },
    ]
    const layers = simulate({
      seedKey: 'tiles',
      zones: [
        { id: 'a', polygon, softnessPx: 30 },
        { id: 'b', polygon: polygon.map((p) => ({ x: p.x + 60, y: p.y + 40 })), softnessPx: 10 },
      ],
      sessions: [
        {
          id: 's1',
          dotDiameterPx: 3,
          treatments: [
            { zoneId: 'a', densityPerPx2: 0.01 },
            { zoneId: 'b', densityPerPx2: 0.005 },
          ],
        },
        { id: 's2', dotDiameterPx: 2.5, treatments: [{ zoneId: 'a', densityPerPx2: 0.008 }] },
      ],
      jitter: 0.2,
    })
    const styles = [
      style(
        [
          [0.3, 0.25, 0.2, 0.9],
          [0.1, 0.1, 0.3, 0.6],
        ],
        0.8,
      ),
      style(
        [
          [0.2, 0.2, 0.2, 1],
          [0, 0, 0, 1],
        ],
        0.6,
      ),
    ]
    const indexes = layers.map((l) => indexLayer(l))
    let blank = 0
    for (const scale of [1.7, 0.6]) {
      const full = target(Math.ceil(380 * scale), Math.ceil(280 * scale), -3.3, 2.9, scale)
      rasterize(full, layers, styles)
      const size = 64
      for (let ty = 0; ty < full.height; ty += size) {
        for (let tx = 0; tx < full.width; tx += size) {
          const width = Math.min(size, full.width - tx)
          const height = Math.min(size, full.height - ty)
          const tile = { x: tx, y: ty, width, height, data: new Uint8ClampedArray(width * height * 4) }
          const dotted = rasterizeTile(full, tile, styles, indexes)
          // A tile it says no dot reached is white (the worker sends it as one white pixel).
          if (!dotted) expect(tile.data.every((v) => v === 255)).toBe(true)
          blank += dotted ? 0 : 1
          for (let j = 0; j < height; j++) {
            const fromFull = full.data.subarray(
              ((ty + j) * full.width + tx) * 4,
              ((ty + j) * full.width + tx + width) * 4,
            )
            expect(tile.data.subarray(j * width * 4, (j + 1) * width * 4)).toEqual(fromFull)
          }
        }
      }
    }
    // A tile beside every dot is white, and said to be.
    const away = { x: 5000, y: 5000, width: 16, height: 16, data: new Uint8ClampedArray(16 * 16 * 4) }
    expect(rasterizeTile({ originX: 0, originY: 0, scale: 1 }, away, styles, indexes)).toBe(false)
    expect(away.data.every((v) => v === 255)).toBe(true)
    expect(blank).toBeGreaterThan(0)
  })
})

/** Connected groups (8-neighbour) of pixels whose red is below the threshold. */
function countBlobs(t: RasterTarget, threshold: number): number {
  const seen = new Uint8Array(t.width * t.height)
  let blobs = 0
  const stack: number[] = []
  for (let start = 0; start < seen.length; start++) {
    if (seen[start] || (t.data[start * 4] as number) >= threshold) continue
    blobs++
    seen[start] = 1
    stack.push(start)
    while (stack.length > 0) {
      const p = stack.pop() as number
      const i = p % t.width
      const j = Math.floor(p / t.width)
      for (let dj = -1; dj <= 1; dj++) {
        for (let di = -1; di <= 1; di++) {
          const ni = i + di
          const nj = j + dj
          if (ni < 0 || nj < 0 || ni >= t.width || nj >= t.height) continue
          const n = nj * t.width + ni
          if (seen[n] || (t.data[n * 4] as number) >= threshold) continue
          seen[n] = 1
          stack.push(n)
        }
      }
    }
  }
  return blobs
}
