import { describe, expect, it } from 'vitest'
import { containsBytes, decodeFrame, encodeFrame } from './binary-frame'

const bytesOf = (...values: number[]) => new Uint8Array(values)

/** A frame from its parts, so a test can write lengths that lie. */
function frameOf(
  json: string | Uint8Array,
  data: Uint8Array = new Uint8Array(0),
  declaredJsonLength?: number,
): Uint8Array {
  const head = typeof json === 'string' ? new TextEncoder().encode(json) : json
  const frame = new Uint8Array(4 + head.byteLength + data.byteLength)
  new DataView(frame.buffer).setUint32(0, declaredJsonLength ?? head.byteLength)
  frame.set(head, 4)
  frame.set(data, 4 + head.byteLength)
  return frame
}

describe('binary frames', () => {
  it('carries byte arrays through unchanged, next to the rest of the call', () => {
    const photo = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
    const input = {
      patientId: '0a0d8a0e-6c8e-4c52-9d8c-5f1c9a4c7b11',
      name: 'Kopf – Ansicht ü 🙂 (1).jpg',
      lastModified: 1_700_000_000_000,
      bytes: photo,
      nested: { list: [bytesOf(1, 2, 3), { deeper: bytesOf() }, null, 'text'], flag: true },
    }
    const frame = encodeFrame(input)
    // The bytes travel raw, not as JSON numbers or base64.
    expect(frame.byteLength).toBeLessThan(photo.byteLength + 1000)
    const decoded = decodeFrame(frame) as typeof input
    expect(decoded).toEqual(input)
    expect(decoded.bytes).toBeInstanceOf(Uint8Array)
    expect(decoded.nested.list[0]).toBeInstanceOf(Uint8Array)
    expect(Array.from(decoded.bytes.subarray(0, 5))).toEqual([0, 31, 62, 93, 124])
  })

  it('reads a frame that sits inside a larger buffer', () => {
    const frame = encodeFrame({ bytes: bytesOf(9, 8, 7) })
    const pooled = new Uint8Array(frame.byteLength + 20)
    pooled.set(frame, 13)
    expect(decodeFrame(pooled.subarray(13, 13 + frame.byteLength))).toEqual({ bytes: bytesOf(9, 8, 7) })
  })

  it('carries a subclass of Uint8Array (a Node Buffer) as bytes too', () => {
    class Subclass extends Uint8Array {
      toJSON() {
        return { type: 'Buffer', data: Array.from(this) }
      }
    }
    const frame = encodeFrame({ bytes: new Subclass([5, 6, 7]) })
    const decoded = decodeFrame(frame) as { bytes: Uint8Array }
    expect(decoded.bytes).toBeInstanceOf(Uint8Array)
    expect(Array.from(decoded.bytes)).toEqual([5, 6, 7])
  })

  it('tells which calls need a frame', () => {
    expect(containsBytes({ file: { bytes: bytesOf(1) } })).toBe(true)
    expect(containsBytes([null, bytesOf()])).toBe(true)
    expect(containsBytes({ name: 'a.jpg', size: 3, list: [1, 2] })).toBe(false)
    expect(containsBytes(null)).toBe(false)
  })

  it.each([
    ['an empty body', new Uint8Array(0)],
    ['a header cut short', bytesOf(0, 0, 1)],
    ['a JSON length past the end', frameOf('{"a":1}', new Uint8Array(0), 200)],
    ['a JSON length of 2^32 - 1', frameOf('{}', new Uint8Array(0), 0xffffffff)],
    ['bytes past the end', frameOf('{"bytes":{"$bytes":[0,10]}}', bytesOf(1, 2, 3))],
    ['bytes starting past the end', frameOf('{"bytes":{"$bytes":[4,0]}}', bytesOf(1, 2, 3))],
    ['JSON that does not parse', frameOf('{"bytes":', bytesOf(1))],
    ['JSON cut short by its length', frameOf('{"name":"a.jpg"}', new Uint8Array(0), 8)],
    // {"n":"<0xff>"}: a lone 0xff byte is never UTF-8.
    ['text that is not UTF-8', frameOf(bytesOf(0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d))],
  ])('returns null for %s', (_label, frame) => {
    expect(decodeFrame(frame)).toBeNull()
  })

  it('leaves look-alike markers as plain data, for validation to refuse', () => {
    for (const marker of ['{"$bytes":[0]}', '{"$bytes":[-1,1]}', '{"$bytes":[0,1],"x":1}', '{"$bytes":"0,1"}']) {
      expect(decodeFrame(frameOf(`{"bytes":${marker}}`, bytesOf(1, 2))), marker).toEqual({
        bytes: JSON.parse(marker),
      })
    }
  })

  it('decodes a frame with no bytes at all', () => {
    expect(decodeFrame(encodeFrame({ id: 'x', n: [1, 2] }))).toEqual({ id: 'x', n: [1, 2] })
  })
})
