/**
 * Seeded randomness for the simulation. A design must show the same dots on every machine and
 * after every reload, so nothing here touches Math.random: integer steps use Math.imul and
 * 32-bit wrap-around, which JavaScript defines exactly. The gaussian needs Math.log and
 * Math.sqrt; sqrt is exact by IEEE 754 and V8 computes log with its own portable fdlibm code, so
 * the app (always V8) gets the same bits everywhere.
 */

/** A 53-bit hash of a string (cyrb53): cheap, well mixed, fine for seeding, not for security. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt
  let h2 = 0x41c6ce57 ^ salt
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** One splitmix32 step: spreads a seed's few set bits over a whole word. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** The sfc32 generator: four 32-bit words of state, passes PractRand, a few integer ops a draw. */
export class Prng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spareGaussian = Number.NaN

  /** Any integer up to 2^53 (a `hashString` result) seeds it; nearby seeds give unrelated streams. */
  constructor(seed: number) {
    const lo = seed >>> 0
    const hi = Math.floor(seed / 4294967296) >>> 0
    this.a = splitmix32(lo)
    this.b = splitmix32(hi ^ 0x6a09e667)
    this.c = splitmix32(lo ^ 0xbb67ae85)
    this.d = splitmix32(hi ^ 0x3c6ef372)
    // sfc32 mixes its state slowly at first; the usual warm-up.
    for (let i = 0; i < 12; i++) this.uint32()
  }

  uint32(): number {
    const a = this.a
    const b = this.b
    const c = this.c
    const d = this.d
    const t = (((a + b) | 0) + d) | 0
    this.d = (d + 1) | 0
    this.a = b ^ (b >>> 9)
    this.b = (c + (c << 3)) | 0
    const rotated = (c << 21) | (c >>> 11)
    this.c = (rotated + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /**
   * The generator's four words, for a hot loop to step it in locals (as `uint32` does) and hand
   * them back with `restore`: the same stream as `next()`, without a call a draw.
   */
  save(into: Int32Array): void {
    into[0] = this.a
    into[1] = this.b
    into[2] = this.c
    into[3] = this.d
  }

  restore(from: Int32Array): void {
    this.a = from[0] as number
    this.b = from[1] as number
    this.c = from[2] as number
    this.d = from[3] as number
  }

  /** Standard normal (mean 0, sd 1), by Marsaglia's polar form of Box–Muller: no trigonometry. */
  gaussian(): number {
    if (!Number.isNaN(this.spareGaussian)) {
      const spare = this.spareGaussian
      this.spareGaussian = Number.NaN
      return spare
    }
    let u: number
    let v: number
    let s: number
    do {
      u = 2 * this.next() - 1
      v = 2 * this.next() - 1
      s = u * u + v * v
    } while (s >= 1 || s === 0)
    const factor = Math.sqrt((-2 * Math.log(s)) / s)
    this.spareGaussian = v * factor
    return u * factor
  }
}
