import { unzlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { adler32, adler32Combine, filterRows, PNG_SIGNATURE, pngEnd, pngHeader, ZLIB_HEADER } from './png-format'

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

describe('png-format', () => {
  it('writes chunks with the CRC the PNG specification gives', () => {
    // IEND's CRC is the same in every PNG.
    expect([...pngEnd()]).toEqual([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])
    expect([...PNG_SIGNATURE]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  })

  it('writes a header of 8-bit truecolour, with alpha only when asked', () => {
    const rgb = pngHeader(3000, 2000, 3)
    expect(new DataView(rgb.buffer).getUint32(0)).toBe(13)
    expect(String.fromCharCode(...rgb.subarray(4, 8))).toBe('IHDR')
    expect(new DataView(rgb.buffer).getUint32(8)).toBe(3000)
    expect(new DataView(rgb.buffer).getUint32(12)).toBe(2000)
    expect([...rgb.subarray(16, 21)]).toEqual([8, 2, 0, 0, 0])
    expect(pngHeader(1, 1, 4)[17]).toBe(6)
  })

  it('sums Adler-32 as zlib does, and joins the sums of two runs', () => {
    expect(adler32(ascii('Wikipedia'))).toBe(0x11e60398)
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251)
    const whole = adler32(bytes)
    expect(adler32(bytes.subarray(12_345), adler32(bytes.subarray(0, 12_345)))).toBe(whole)
    expect(adler32Combine(adler32(bytes.subarray(0, 12_345)), adler32(bytes.subarray(12_345)), 20_000 - 12_345)).toBe(
      whole,
    )
    // A zlib stream's trailer, from a reference implementation.
    const lines = filterRows(new Uint8Array(4 * 5 * 3).fill(255), 5, 3, 3) ?? new Uint8Array(0)
    const trailer = new Uint8Array(4)
    new DataView(trailer.buffer).setUint32(0, adler32(lines))
    expect(
      unzlibSync(
        Uint8Array.from([...ZLIB_HEADER, 1, lines.length, 0, ~lines.length & 0xff, 0xff, ...lines, ...trailer]),
      ),
    ).toEqual(lines)
  })

  it('filters each row by Sub, dropping alpha for an opaque picture', () => {
    const rgba = Uint8Array.of(10, 20, 30, 255, 15, 18, 40, 255, 5, 5, 5, 128)
    const opaque = rgba.slice(0, 8)
    expect([...(filterRows(opaque, 2, 1, 3) ?? [])]).toEqual([1, 10, 20, 30, 5, 254, 10])
    // Three channels cannot hold a translucent pixel.
    expect(filterRows(rgba, 3, 1, 3)).toBeNull()
    expect([...(filterRows(rgba, 3, 1, 4) ?? [])]).toEqual([1, 10, 20, 30, 255, 5, 254, 10, 0, 246, 243, 221, 129])
    // Each row starts afresh: nothing is taken from the row above.
    expect([...(filterRows(Uint8Array.of(1, 2, 3, 255, 4, 5, 6, 255), 1, 2, 3) ?? [])]).toEqual([
      1, 1, 2, 3, 1, 4, 5, 6,
    ])
  })
})
