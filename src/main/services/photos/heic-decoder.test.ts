import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeHeic } from './heic-decoder'

const TWO_TONE = path.resolve(import.meta.dirname, '../../../../test/fixtures/photos/two-tone.heic')

describe('a HEIC decoded in a worker of its own', () => {
  it('gives the picture from a file lying inside a larger buffer, and leaves that buffer as it was', async () => {
    const file = fs.readFileSync(TWO_TONE)
    const buffer = Buffer.alloc(file.byteLength + 4096, 7)
    file.copy(buffer, 1024)
    const view = buffer.subarray(1024, 1024 + file.byteLength)
    const { width, height, data } = await decodeHeic(view)
    expect({ width, height }).toEqual({ width: 96, height: 64 })
    expect(data.byteLength).toBe(96 * 64 * 4)
    // Left half red, right half blue (two-tone.png), within the codec's loss.
    expect([...data.subarray(0, 3)].map((v) => Math.round(v / 20))).toEqual([11, 2, 2])
    expect(buffer.byteLength).toBe(file.byteLength + 4096)
    expect(buffer.subarray(1024, 1024 + file.byteLength).equals(file)).toBe(true)
    expect(buffer[0]).toBe(7)
  })

  it('refuses what libheif cannot decode', async () => {
    const cut = fs.readFileSync(TWO_TONE).subarray(0, 200)
    await expect(decodeHeic(cut)).rejects.toThrow()
  })
})
