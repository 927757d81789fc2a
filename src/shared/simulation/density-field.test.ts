import { describe, expect, it } from 'vitest'
import { closestOnPolyline } from '../geometry/line'
import type { Point } from '../geometry/point'
import { pointInPolygon, polygonArea } from '../geometry/polygon'
import { createDensityField } from './density-field'
import { Prng } from './prng'

const ring = (...coords: [number, number][]): Point[] => coords.map(([x, y]) => ({ x, y }))
const square = ring([100, 100], [900, 100], [900, 700], [100, 700])
// A quadrilateral with no edge along the grid, so nothing lines up with the field's nodes by luck.
const slanted = ring([120, 80], [930, 140], [880, 760], [60, 690])

describe('density field of a zone', () => {
  it('is full inside, empty outside and ramps smoothly across a soft edge', () => {
    const field = createDensityField({ polygon: square, softnessPx: 40 })
    expect(field.weight(500, 400)).toBe(1)
    expect(field.weight(100 + 20.5, 400)).toBe(1)
    expect(field.weight(100 - 20.5, 400)).toBe(0)
    expect(field.weight(100, 400)).toBeCloseTo(0.5, 5)
    expect(field.weight(100 - 10, 400)).toBeCloseTo(0.15625, 5)
    const ramp = Array.from({ length: 51 }, (_, k) => field.weight(75 + k, 400))
    // Rising steadily from 0 outside to 1 inside.
    expect(ramp[0]).toBe(0)
    expect(ramp[50]).toBe(1)
    for (let k = 1; k < ramp.length; k++) expect(ramp[k] as number).toBeGreaterThanOrEqual(ramp[k - 1] as number)
  })

  it('keeps a hard edge exact when the softness is 0, whatever the edge direction', () => {
    const field = createDensityField({ polygon: slanted, softnessPx: 0 })
    // Points a hair either side of the middle of each edge.
    for (let k = 0; k < slanted.length; k++) {
      const a = slanted[k] as Point
      const b = slanted[(k + 1) % slanted.length] as Point
      const length = Math.hypot(b.x - a.x, b.y - a.y)
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
      const nx = (-(b.y - a.y) / length) * 0.01
      const ny = ((b.x - a.x) / length) * 0.01
      const left = { x: mid.x + nx, y: mid.y + ny }
      const right = { x: mid.x - nx, y: mid.y - ny }
      const [inside, outside] = pointInPolygon(left, slanted) ? [left, right] : [right, left]
      expect(field.weight(inside.x, inside.y)).toBe(1)
      expect(field.weight(outside.x, outside.y)).toBe(0)
    }
  })

  it('has an effective area equal to the polygon area when the ramp is symmetric across straight edges', () => {
    for (const softnessPx of [0, 10, 60]) {
      const field = createDensityField({ polygon: slanted, softnessPx })
      expect(field.effectiveArea / polygonArea(slanted)).toBeCloseTo(1, 2)
    }
  })

  it('agrees with the smoothstep of the exact distance to the polygon, away from its corners', () => {
    const softnessPx = 24
    const field = createDensityField({ polygon: slanted, softnessPx })
    const rng = new Prng(3)
    let checked = 0
    for (let n = 0; n < 20_000; n++) {
      const p = {
        x: field.minX + rng.next() * (field.maxX - field.minX),
        y: field.minY + rng.next() * (field.maxY - field.minY),
      }
      if (slanted.some((corner) => Math.hypot(corner.x - p.x, corner.y - p.y) < 60)) continue
      const distance = closestOnPolyline(p, slanted, true)?.distance as number
      const signed = pointInPolygon(p, slanted) ? -distance : distance
      const t = Math.min(1, Math.max(0, (softnessPx / 2 - signed) / softnessPx))
      expect(field.weight(p.x, p.y)).toBeCloseTo(t * t * (3 - 2 * t), 4)
      checked++
    }
    expect(checked).toBeGreaterThan(10_000)
  })

  it('is zero everywhere outside its support blocks and its domain', () => {
    const field = createDensityField({ polygon: slanted, softnessPx: 30 })
    const inSupport = new Set(field.support)
    for (let y = field.minY - 50; y < field.maxY + 50; y += 7.3) {
      for (let x = field.minX - 50; x < field.maxX + 50; x += 7.3) {
        const bx = Math.floor((x - field.minX) / field.blockSize)
        const by = Math.floor((y - field.minY) / field.blockSize)
        const inside = x >= field.minX && y >= field.minY && x < field.maxX && y < field.maxY
        const block = by * field.blockCols + bx
        if (!inside || !inSupport.has(block)) expect(field.weight(x, y)).toBe(0)
        const at = field.support.indexOf(block)
        if (inside && at >= 0 && field.supportFull[at] === 1) expect(field.weight(x, y)).toBe(1)
      }
    }
  })

  it('is empty for a degenerate polygon', () => {
    const field = createDensityField({ polygon: ring([0, 0], [10, 10], [20, 20]), softnessPx: 10 })
    expect(field.effectiveArea).toBe(0)
    expect(field.support.length).toBe(0)
    expect(field.weight(10, 10)).toBe(0)
  })
})

describe('density field along a hairline', () => {
  // The scalp is below y = 100 in this picture (y grows down), the forehead above it.
  const zone = ring([100, 100], [900, 100], [900, 500], [100, 500])
  const line = ring([0, 100], [1000, 100])
  const hairline = (irregularity: number, curve = line) => ({ curve, featherPx: 40, irregularity })

  it('keeps full density right up to the line on the scalp side', () => {
    const plain = createDensityField({ polygon: zone, softnessPx: 20 })
    const lined = createDensityField({ polygon: zone, softnessPx: 20, hairline: hairline(0) })
    expect(lined.hairlineApplies).toBe(true)
    expect(plain.weight(500, 101)).toBeLessThan(0.8)
    expect(lined.weight(500, 101)).toBe(1)
    expect(lined.weight(500, 100.01)).toBe(1)
    // Elsewhere the zone's own soft edge still applies.
    expect(lined.weight(500, 500)).toBeCloseTo(0.5, 5)
    expect(lined.weight(100, 300)).toBeCloseTo(0.5, 5)
  })

  it('gives nothing past the line at irregularity 0 (a hard edge-up)', () => {
    const field = createDensityField({ polygon: zone, softnessPx: 20, hairline: hairline(0) })
    for (let x = 50; x <= 950; x += 3.7) for (let y = 0; y < 100; y += 0.9) expect(field.weight(x, y)).toBe(0)
  })

  it('scatters past the line at irregularity 1, thinning out and never beyond the feather', () => {
    const field = createDensityField({ polygon: zone, softnessPx: 20, hairline: hairline(1) })
    const near = field.weight(500, 99)
    expect(near).toBeGreaterThan(0.3)
    let beyond = 0
    let inFeather = 0
    for (let x = 120; x <= 880; x += 1.3) {
      for (let y = 20; y < 100; y += 0.7) {
        const w = field.weight(x, y)
        if (y < 60) beyond += w
        else inFeather += w
      }
    }
    expect(beyond).toBe(0)
    expect(inFeather).toBeGreaterThan(0)
    // Half-way into the feather there is less than right at the line.
    let atLine = 0
    let halfWay = 0
    for (let x = 120; x <= 880; x += 1.3) {
      atLine += field.weight(x, 98)
      halfWay += field.weight(x, 80)
    }
    expect(halfWay).toBeLessThan(atLine)
  })

  it('works out the forehead side from where the zone lies, whichever way the curve runs', () => {
    for (const curve of [line, [...line].reverse()]) {
      const hard = createDensityField({ polygon: zone, softnessPx: 20, hairline: hairline(0, curve) })
      expect(hard.weight(500, 101)).toBe(1)
      expect(hard.weight(500, 99)).toBe(0)
      const broken = createDensityField({ polygon: zone, softnessPx: 20, hairline: hairline(1, curve) })
      expect(broken.weight(500, 99)).toBeGreaterThan(0)
      expect(broken.weight(500, 101)).toBe(1)
      expect(broken.weight(500, 50)).toBe(0)
    }
  })

  it('follows a curved hairline and clips a zone drawn over the forehead', () => {
    // An arch: the forehead is under it, and the zone overlaps the arch's top.
    const arch = Array.from({ length: 41 }, (_, k) => {
      const angle = Math.PI * (k / 40)
      return { x: 500 - 400 * Math.cos(angle), y: 500 - 300 * Math.sin(angle) }
    })
    const cap = ring([100, 100], [900, 100], [900, 300], [100, 300])
    const field = createDensityField({ polygon: cap, softnessPx: 10, hairline: hairline(0, arch) })
    expect(field.weight(500, 150)).toBe(1)
    expect(field.weight(500, 210)).toBe(0)
    // Right under the arch's top, at its side, above and below the curve.
    const top = { x: 500 - 400 * Math.cos(Math.PI * 0.3), y: 500 - 300 * Math.sin(Math.PI * 0.3) }
    expect(field.weight(top.x, top.y - 5)).toBe(1)
    expect(field.weight(top.x, top.y + 5)).toBe(0)
  })

  it('leaves a zone alone when the hairline passes far from it', () => {
    const far = ring([0, 2000], [1000, 2000])
    const field = createDensityField({ polygon: zone, softnessPx: 20, hairline: hairline(1, far) })
    const plain = createDensityField({ polygon: zone, softnessPx: 20 })
    expect(field.hairlineApplies).toBe(false)
    expect(field.effectiveArea).toBeCloseTo(plain.effectiveArea, 6)
  })
})
