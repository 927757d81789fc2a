/**
 * Deflate (RFC 1951) by Huffman coding alone, as zlib's Z_HUFFMAN_ONLY: each block's bytes are
 * coded as literals with a code built for that block, no matches are searched. Filtered photo
 * rows are small differences, which a Huffman code packs nearly as tightly as matching does,
 * at a fraction of the time: several times faster than fflate's fastest level in a worker and
 * than Chromium's own PNG encoder (`bench/layers.bench.tsx`). A block that would not shrink is
 * stored. The caller ends a part with `end`, on a byte boundary, so parts deflated apart join
 * into one stream.
 */

/** The order code-length code lengths are sent in (RFC 1951, 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
const END_OF_BLOCK = 256
const LITERALS = 257
/** Two distance codes of one bit, never used: a complete code every inflater takes (zlib writes the same). */
const DISTANCE_CODES = 2
const MAX_STORED = 65_535

/**
 * Huffman code lengths for symbols of the given counts, none longer than `limit` bits. Unused
 * symbols get none, but at least two symbols get a code, so the code is complete. Counts are
 * flattened until the longest code fits, which costs a little size on very skewed blocks only.
 */
export function codeLengths(counts: ArrayLike<number>, limit: number): Uint8Array {
  let weights = Array.from(counts)
  for (let i = 0; weights.filter((w) => w > 0).length < 2; i++) if (weights[i] === 0) weights[i] = 1
  for (;;) {
    const lengths = huffmanLengths(weights)
    if (Math.max(...lengths) <= limit) return lengths
    weights = weights.map((w) => (w === 0 ? 0 : (w >>> 1) | 1))
  }
}

/** Optimal code lengths (two queues: the leaves by weight, the merged nodes in the order made). */
function huffmanLengths(weights: readonly number[]): Uint8Array {
  const leaves = weights
    .map((weight, symbol) => ({ weight, symbol }))
    .filter((l) => l.weight > 0)
    .sort((a, b) => a.weight - b.weight)
  const count = leaves.length
  // Nodes 0..count-1 are the leaves, count.. the merged ones; parent[node] once merged.
  const weight = leaves.map((l) => l.weight)
  const parent: number[] = []
  let leaf = 0
  let merged = count
  const take = () => {
    const fromLeaves =
      leaf < count && (merged >= weight.length || (weight[leaf] as number) <= (weight[merged] as number))
    return fromLeaves ? leaf++ : merged++
  }
  for (let k = 0; k < count - 1; k++) {
    const a = take()
    const b = take()
    const node = weight.length
    weight.push((weight[a] as number) + (weight[b] as number))
    parent[a] = node
    parent[b] = node
  }
  const depth = new Array<number>(weight.length).fill(0)
  for (let node = weight.length - 2; node >= 0; node--) depth[node] = (depth[parent[node] as number] as number) + 1
  const lengths = new Uint8Array(weights.length)
  leaves.forEach((l, i) => {
    lengths[l.symbol] = depth[i] as number
  })
  return lengths
}

/** Canonical codes for the lengths (RFC 1951, 3.2.2), bit-reversed as deflate writes them, lowest bit first. */
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const perLength = new Uint16Array(16)
  for (const length of lengths) if (length) perLength[length] = (perLength[length] as number) + 1
  const next = new Uint16Array(16)
  let code = 0
  for (let bits = 1; bits < 16; bits++) {
    code = (code + (perLength[bits - 1] as number)) << 1
    next[bits] = code
  }
  const codes = new Uint16Array(lengths.length)
  lengths.forEach((length, symbol) => {
    if (!length) return
    let value = next[length] as number
    next[length] = value + 1
    let reversed = 0
    for (let b = 0; b < length; b++) {
      reversed = (reversed << 1) | (value & 1)
      value >>>= 1
    }
    codes[symbol] = reversed
  })
  return codes
}

/** A part of a deflate stream, written block by block; bits past the last whole byte wait for the next block. */
export class HuffmanDeflater {
  private bits = 0
  private bitCount = 0
  private out = new Uint8Array(0)
  private at = 0

  /** Deflates `data` as non-final blocks; returns the whole bytes written so far. */
  write(data: Uint8Array): Uint8Array {
    if (data.length === 0) return new Uint8Array(0)
    const counts = byteCounts(data)
    counts[END_OF_BLOCK] = 1
    const lengths = codeLengths(counts, 15)
    const header = blockHeader(lengths)
    let dataBits = 0
    for (let s = 0; s < LITERALS; s++) dataBits += (counts[s] as number) * (lengths[s] as number)
    const storedBits = Math.ceil(data.length / MAX_STORED) * 40 + data.length * 8 + 8
    if (3 + header.bits + dataBits >= storedBits) this.stored(data, false)
    else this.huffman(data, lengths, header, dataBits)
    return this.take()
  }

  /**
   * Ends this part: with the stream's final block (an empty stored one), or with an empty
   * non-final stored block that leaves the stream on a byte boundary for the next part to follow.
   */
  end(final: boolean): Uint8Array {
    this.stored(new Uint8Array(0), final)
    return this.take()
  }

  private reserve(bits: number): void {
    this.out = new Uint8Array(Math.ceil((this.bitCount + bits) / 8) + 8)
    this.at = 0
  }

  private put(value: number, count: number): void {
    this.bits |= value << this.bitCount
    this.bitCount += count
    while (this.bitCount >= 8) {
      this.out[this.at++] = this.bits & 0xff
      this.bits >>>= 8
      this.bitCount -= 8
    }
  }

  private take(): Uint8Array {
    const whole = this.out.subarray(0, this.at)
    this.out = new Uint8Array(0)
    this.at = 0
    return whole
  }

  private stored(data: Uint8Array, final: boolean): void {
    const blocks = Math.max(1, Math.ceil(data.length / MAX_STORED))
    this.reserve(blocks * 48 + data.length * 8)
    for (let k = 0; k < blocks; k++) {
      const piece = data.subarray(k * MAX_STORED, (k + 1) * MAX_STORED)
      this.put(final && k === blocks - 1 ? 1 : 0, 1)
      this.put(0, 2)
      if (this.bitCount > 0) this.put(0, 8 - this.bitCount)
      this.put(piece.length & 0xff, 8)
      this.put(piece.length >>> 8, 8)
      this.put(~piece.length & 0xff, 8)
      this.put((~piece.length >>> 8) & 0xff, 8)
      this.out.set(piece, this.at)
      this.at += piece.length
    }
  }

  private huffman(data: Uint8Array, lengths: Uint8Array, header: BlockHeader, dataBits: number): void {
    this.reserve(3 + header.bits + dataBits)
    this.put(0, 1)
    this.put(2, 2)
    header.write((value, count) => this.put(value, count))
    const codes = canonicalCodes(lengths)
    // Each symbol's code and length in one entry; the hot loop keeps its bits in locals and
    // writes two bytes at a time.
    const table = new Uint32Array(LITERALS)
    for (let symbol = 0; symbol < LITERALS; symbol++)
      table[symbol] = (codes[symbol] as number) | ((lengths[symbol] as number) << 16)
    const out = this.out
    let at = this.at
    let bits = this.bits
    let count = this.bitCount
    for (let i = 0; i < data.length; i++) {
      const entry = table[data[i] as number] as number
      bits |= (entry & 0xffff) << count
      count += entry >>> 16
      if (count >= 16) {
        out[at++] = bits & 0xff
        out[at++] = (bits >>> 8) & 0xff
        bits >>>= 16
        count -= 16
      }
    }
    this.at = at
    this.bits = bits
    this.bitCount = count
    this.put(codes[END_OF_BLOCK] as number, lengths[END_OF_BLOCK] as number)
  }
}

/**
 * How often each byte value occurs, counted into four tables in turn and summed: filtered rows
 * repeat a few values, and one table would make each count wait for the last.
 */
function byteCounts(data: Uint8Array): Uint32Array {
  const c0 = new Uint32Array(256)
  const c1 = new Uint32Array(256)
  const c2 = new Uint32Array(256)
  const c3 = new Uint32Array(256)
  const whole = data.length & ~3
  for (let i = 0; i < whole; i += 4) {
    const v0 = data[i] as number
    c0[v0] = (c0[v0] as number) + 1
    const v1 = data[i + 1] as number
    c1[v1] = (c1[v1] as number) + 1
    const v2 = data[i + 2] as number
    c2[v2] = (c2[v2] as number) + 1
    const v3 = data[i + 3] as number
    c3[v3] = (c3[v3] as number) + 1
  }
  for (let i = whole; i < data.length; i++) {
    const v = data[i] as number
    c0[v] = (c0[v] as number) + 1
  }
  const counts = new Uint32Array(LITERALS)
  for (let v = 0; v < 256; v++)
    counts[v] = (c0[v] as number) + (c1[v] as number) + (c2[v] as number) + (c3[v] as number)
  return counts
}

interface BlockHeader {
  bits: number
  write(put: (value: number, count: number) => void): void
}

/** A dynamic block's header after its type: the code lengths, sent with a code of their own, one symbol per length. */
function blockHeader(lengths: Uint8Array): BlockHeader {
  const all = [...lengths, ...new Array<number>(DISTANCE_CODES).fill(1)]
  const counts = new Uint32Array(19)
  for (const length of all) counts[length] = (counts[length] as number) + 1
  const lengthLengths = codeLengths(counts, 7)
  const lengthCodes = canonicalCodes(lengthLengths)
  let bits = 5 + 5 + 4 + 19 * 3
  for (const length of all) bits += lengthLengths[length] as number
  return {
    bits,
    write(put) {
      put(LITERALS - 257, 5)
      put(DISTANCE_CODES - 1, 5)
      put(19 - 4, 4)
      for (const symbol of CODE_LENGTH_ORDER) put(lengthLengths[symbol] as number, 3)
      for (const length of all) put(lengthCodes[length] as number, lengthLengths[length] as number)
    },
  }
}
