import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { refusal } from './bridge-call'
import { pngDeclaring } from './images'
import { photoBackendsForEachTest } from './photo-backend'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)

const HEIC_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/photos/two-tone.heic')

/** The HEIC fixture with its image-extent box declaring `width` × `height`: a few hundred bytes either way. */
function heicDeclaring(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(fs.readFileSync(HEIC_FIXTURE))
  const at = Buffer.from(bytes).indexOf('ispe')
  if (at < 0) throw new Error('no ispe box')
  const view = new DataView(bytes.buffer)
  view.setUint32(at + 8, width)
  view.setUint32(at + 12, height)
  return bytes
}

/** A small JPEG whose frame header declares `side` × `side` pixels while its data holds 64 × 48. */
async function jpegLyingAbout(side: number): Promise<Uint8Array> {
  const small = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c04020' } })
    .jpeg()
    .toBuffer()
  for (let at = 2; at < small.length; at += 2 + small.readUInt16BE(at + 2)) {
    const marker = small[at + 1] as number
    if (marker >= 0xc0 && marker <= 0xc2) {
      small.writeUInt16BE(side, at + 5)
      small.writeUInt16BE(side, at + 7)
      break
    }
  }
  return new Uint8Array(small)
}

async function importRefusal(bytes: Uint8Array, name: string) {
  const bed = newBed()
  const error = await refusal(bed, 'photos.import', { patientId: bed.patient(), name, lastModified: null, bytes })
  return { error }
}

describe('a small file never costs a large amount', () => {
  it('refuses a tiny HEIC declaring 10000 × 10000 from its header, before decoding it', async () => {
    const bytes = heicDeclaring(10_000, 10_000)
    expect(bytes.byteLength).toBeLessThan(24 * 1024)
    const { error } = await importRefusal(bytes, 'bomb.heic')
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/bomb\.heic: The image declares 100 megapixels .*HEIC .* up to 25 megapixels/),
    })
  })

  it('refuses a progressive JPEG too large to decode in little memory, from its header', async () => {
    const bytes = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#808080' } })
      .jpeg({ progressive: true, quality: 10 })
      .toBuffer()
    expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024)
    const { error } = await importRefusal(new Uint8Array(bytes), 'layers.jpg')
    expect(error.message).toMatch(/64 megapixels .*progressive JPEG .* up to 50 megapixels/)
  }, 20_000)

  // 50 MP at 16 bits and four channels, read whole: 400 MB of pixels beside the file's own 40 MB
  // would take the decode process past its budget (a 212 MB one grew it by 633 MB).
  it('refuses from its header a photo whose decoding alone would hold more than a decode may', async () => {
    const bytes = pngDeclaring(7000, 7000, { bitDepth: 16, colourType: 6, interlaced: true, padding: 40 * 1024 * 1024 })
    const { error } = await importRefusal(new Uint8Array(bytes), 'scan.png')
    expect(error).toMatchObject({ code: 'invalid_input' })
    expect(error.message).toMatch(/would hold about 4\d\d MB at once .* at most 456 MB/)
    // The same picture as a plain PNG is read a band at a time: its header passes.
    const plain = pngDeclaring(7000, 7000, { bitDepth: 16, colourType: 6, padding: 40 * 1024 * 1024 })
    expect((await importRefusal(new Uint8Array(plain), 'plain.png')).error.message).not.toMatch(/at once/)
  })

  it('refuses a JPEG whose header declares more picture than its data holds, rather than importing grey', async () => {
    const { error } = await importRefusal(await jpegLyingAbout(5000), 'liar.jpg')
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/liar\.jpg: .*less picture than its header declares/),
    })
  }, 20_000)
})
