import { inflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { concatBytes as joined } from '../../../../shared/files/concat-bytes'
import { canonicalCodes, codeLengths, HuffmanDeflater } from './png-deflate'

/** Each part deflated by its own deflater, ended, and the parts' bytes joined. */
function deflated(parts: Uint8Array[][]): Uint8Array {
  return joined(
    parts.flatMap((blocks, k) => {
      const deflater = new HuffmanDeflater()
      return [...blocks.map((block) => deflater.write(block)), deflater.end(k === parts.length - 1)]
    }),
  )
}

/** Small differences around zero, as Sub-filtered photo rows are. */
function residuals(length: number, seed: number): Uint8Array {
  let s = seed
  return Uint8Array.from({ length }, () => {
    s = (s * 1_103_515_245 + 12_345) >>> 0
    return ((s >>> 16) % 9) - 4
  })
}

describe('Huffman-only deflate', () => {
  it('builds complete codes within the length limit, even for very skewed counts', () => {
    const counts = Array.from({ length: 257 }, (_, i) => (i < 40 ? 2 ** Math.min(30, i) : 0))
    const lengths = codeLengths(counts, 15)
    expect(Math.max(...lengths)).toBeLessThanOrEqual(15)
    // Kraft's sum is exactly 1 for a complete code.
    expect([...lengths].filter((l) => l > 0).reduce((sum, l) => sum + 2 ** -l, 0)).toBe(1)
    expect([...codeLengths([0, 0, 5, 0], 7)].filter((l) => l > 0)).toEqual([1, 1])
    // RFC 1951's example: lengths (3, 3, 3, 3, 3, 2, 4, 4) give 010, 011, …, 00, 1110, 1111 (bits reversed here).
    const codes = canonicalCodes(Uint8Array.of(3, 3, 3, 3, 3, 2, 4, 4))
    expect([...codes]).toEqual([0b010, 0b110, 0b001, 0b101, 0b011, 0b00, 0b0111, 0b1111])
  })

  it('writes a stream a reference inflater reads back, parts joined after their ends', () => {
    const blocks = [residuals(100_000, 1), residuals(70_000, 2), new Uint8Array(5000).fill(7)]
    const more = [residuals(30_001, 3)]
    const bytes = deflated([blocks, more])
    const expected = joined([...blocks, ...more])
    expect(inflateSync(bytes)).toEqual(expected)
    // Residuals of 9 values take about 3.2 bits each.
    expect(bytes.length).toBeLessThan(0.45 * expected.length)
  })

  it('stores blocks that would not shrink, and writes a stream of no bytes', () => {
    let s = 7
    const noise = Uint8Array.from({ length: 200_000 }, () => {
      s = (s * 1_103_515_245 + 12_345) >>> 0
      return s >>> 24
    })
    const bytes = deflated([[noise]])
    expect(inflateSync(bytes)).toEqual(noise)
    expect(bytes.length).toBeLessThan(noise.length + 40)
    expect(inflateSync(deflated([[]]))).toEqual(new Uint8Array(0))
  })
})
