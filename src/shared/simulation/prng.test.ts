import { describe, expect, it } from 'vitest'
import { hashString, Prng } from './prng'

describe('seeded randomness', () => {
  it('gives the same numbers as before for the same seed text, so saved designs keep their dots', () => {
    // Pinned: a change here would move every dot of every saved design.
    expect(hashString('design-1\u0000zone-a')).toBe(PINNED_HASH)
    const rng = new Prng(hashString('design-1\u0000zone-a'))
    expect([rng.uint32(), rng.uint32(), rng.uint32()]).toEqual(PINNED_DRAWS)
  })

  it('gives unrelated streams for nearby seeds', () => {
    const a = new Prng(1)
    const b = new Prng(2)
    const same = Array.from({ length: 1000 }, () => a.uint32() === b.uint32()).filter(Boolean).length
    expect(same).toBe(0)
    expect(hashString('zone-1')).not.toBe(hashString('zone-2'))
  })

  it('draws uniform numbers in [0, 1) and standard normal ones', () => {
    const rng = new Prng(42)
    const uniform = Array.from({ length: 100_000 }, () => rng.next())
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...uniform)).toBeLessThan(1)
    const tenths = new Array(10).fill(0)
    for (const u of uniform) tenths[Math.floor(u * 10)]++
    for (const count of tenths) expect(Math.abs(count - 10_000)).toBeLessThan(500)
    const normal = Array.from({ length: 100_000 }, () => rng.gaussian())
    const mean = normal.reduce((s, v) => s + v, 0) / normal.length
    const sd = Math.sqrt(normal.reduce((s, v) => s + (v - mean) ** 2, 0) / normal.length)
    expect(Math.abs(mean)).toBeLessThan(0.02)
    expect(Math.abs(sd - 1)).toBeLessThan(0.02)
    expect(normal.filter((v) => Math.abs(v) > 1.96).length / normal.length).toBeCloseTo(0.05, 2)
  })

  it('hands its words to a loop that steps them and takes them back, the stream going on unbroken', () => {
    const plain = new Prng(hashString('words'))
    const stepped = new Prng(hashString('words'))
    const words = new Int32Array(4)
    stepped.save(words)
    // Three steps of sfc32, as the darts take them.
    let [a, b, c, d] = Array.from(words) as [number, number, number, number]
    const drawn: number[] = []
    for (let k = 0; k < 3; k++) {
      const t = (((a + b) | 0) + d) | 0
      d = (d + 1) | 0
      a = b ^ (b >>> 9)
      b = (c + (c << 3)) | 0
      c = (((c << 21) | (c >>> 11)) + t) | 0
      drawn.push((t >>> 0) / 4294967296)
    }
    stepped.restore(Int32Array.from([a, b, c, d]))
    expect(drawn).toEqual([plain.next(), plain.next(), plain.next()])
    expect(stepped.next()).toBe(plain.next())
  })
})

const PINNED_HASH = 2698484208854473
const PINNED_DRAWS = [1484252006, 252165801, 1323493516]
