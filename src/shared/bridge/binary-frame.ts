/**
 * How a bridge call carrying file bytes travels over HTTP without base64: a 4-byte big-endian
 * JSON length, the JSON (each byte array replaced by `{"$bytes":[offset,length]}`), then the
 * bytes themselves. IPC needs none of this; structured clone carries byte arrays as they are.
 */

import { concatBytes } from '../files/concat-bytes'
export const FRAME_CONTENT_TYPE = 'application/vnd.stipple.frame'

const isMarker = (value: unknown): value is { $bytes: [number, number] } =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  Array.isArray((value as { $bytes?: unknown }).$bytes) &&
  (value as { $bytes: unknown[] }).$bytes.length === 2 &&
  (value as { $bytes: unknown[] }).$bytes.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)

export function containsBytes(value: unknown, depth = 0): boolean {
  if (value instanceof Uint8Array) return true
  if (typeof value !== 'object' || value === null || depth > 8) return false
  return Object.values(value).some((v) => containsBytes(v, depth + 1))
}

/**
 * A frame as its parts, in order: the length and JSON, then each byte array as it is (not
 * copied), so a sender can write a large file's bytes without first copying them into one frame.
 */
export function encodeFrameParts(value: unknown): Uint8Array[] {
  const blobs: Uint8Array[] = []
  let offset = 0
  // Read the holder's own value: by the time a replacer sees a Node Buffer, its toJSON has
  // already turned it into {type, data}, and the bytes would travel as a JSON array of numbers.
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const own = this[key]
    if (!(own instanceof Uint8Array)) return v
    blobs.push(own)
    const marker = { $bytes: [offset, own.byteLength] }
    offset += own.byteLength
    return marker
  })
  const json8 = new TextEncoder().encode(json)
  const head = new Uint8Array(4 + json8.byteLength)
  new DataView(head.buffer).setUint32(0, json8.byteLength)
  head.set(json8, 4)
  return [head, ...blobs]
}

export function encodeFrame(value: unknown): Uint8Array {
  return concatBytes(encodeFrameParts(value))
}

/** The call's input, or null when the frame is malformed (lengths that do not add up, bad JSON). */
export function decodeFrame(frame: Uint8Array): unknown {
  if (frame.byteLength < 4) return null
  const jsonLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0)
  if (4 + jsonLength > frame.byteLength) return null
  const data = frame.subarray(4 + jsonLength)
  return decodeFrameJson(frame.subarray(4, 4 + jsonLength), (start, length) =>
    start + length > data.byteLength ? null : data.subarray(start, start + length),
  )
}

/**
 * The call's input from a frame's JSON alone, each byte array given by `take` from its place in
 * the bytes after it (for a receiver that keeps those bytes elsewhere), or null when the JSON is
 * bad or `take` finds no bytes at a place.
 */
export function decodeFrameJson(json: Uint8Array, take: (start: number, length: number) => unknown): unknown {
  let broken = false
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json), (_key, v: unknown) => {
      if (!isMarker(v)) return v
      const bytes = take(...v.$bytes)
      if (bytes === null) broken = true
      return bytes
    })
    return broken ? null : value
  } catch {
    return null
  }
}
