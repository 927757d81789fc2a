import fs from 'node:fs'
import path from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  editRecords,
  footprint,
  patientWithEverything,
  tamper,
  withPhotoRecord,
} from '../../../../test/node/archive-bed'
import { call, importArchive, refusal } from '../../../../test/node/bridge-call'
import { colourName, decode, flatJpeg, PALETTE } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)

async function exported() {
  const source = newBed()
  const made = await patientWithEverything(source)
  const { bytes } = await call(source, 'archives.export', { patientId: made.patientId })
  return { ...made, bytes }
}

/** Sets every central-directory entry's declared uncompressed size, as a forger would. */
function declareSizes(zip: Uint8Array, size: (name: string) => number | null): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(zip)
  const view = new DataView(out.buffer)
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue
    const nameLength = view.getUint16(at + 28, true)
    const name = new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength))
    const declared = size(name)
    if (declared !== null) view.setUint32(at + 24, declared, true)
  }
  return out
}

describe('an archive’s drawn copies are never trusted', () => {
  it('makes the working copy and thumbnail again from the original, whatever the archive carries', async () => {
    const { bytes, front } = await exported()
    const attacker = new Uint8Array(await flatJpeg(200, 150, PALETTE.red))
    const crafted = tamper(
      bytes,
      (entries) => {
        entries[`photos/working/${front.sha256}.jpg`] = attacker
        entries[`photos/thumbnails/${front.sha256}.jpg`] = attacker
      },
      { resign: true },
    )
    const target = newBed()
    expect((await importArchive(target, crafted, 'copy')).status).toBe('imported')
    for (const folder of ['working', 'thumbnails']) {
      const file = path.join(target.dataDir, 'photos', folder, front.sha256.slice(0, 2), `${front.sha256}.jpg`)
      expect(Buffer.compare(fs.readFileSync(file), Buffer.from(attacker))).not.toBe(0)
      expect(colourName((await decode(file)).at(10, 10))).toBe('grey')
    }
  })

  it('refuses an original whose real pixel size is not the one its record gives', async () => {
    const { bytes } = await exported()
    const resized = withPhotoRecord(bytes, 'front.jpg', (photo) => {
      photo.width = 400
      photo.height = 300
    })
    const target = newBed()
    const before = footprint(target)
    const error = await refusal(target, 'archives.inspect', { bytes: resized })
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/front\.jpg” is 200 × 150 pixels, but its record says 400 × 300/),
    })
    expect(footprint(target)).toEqual(before)
  })
})

describe('an archive’s history is dated as it happened', () => {
  it('refuses a history entry backdated to before the patient’s record existed', async () => {
    const { bytes } = await exported()
    const backdated = tamper(
      bytes,
      (entries) =>
        editRecords(entries, (records) => {
          const entry = records.audit.at(-1)
          if (!entry) throw new Error('no history')
          entry.at = '2001-01-01T09:00:00.000Z'
        }),
      { resign: true },
    )
    const error = await refusal(newBed(), 'archives.inspect', { bytes: backdated })
    expect(error.message).toMatch(
      /history entry \d+ is dated 2001-01-01T09:00:00\.000Z, before the patient’s record was created/,
    )
  })
})

describe('a crafted container is refused before it costs anything', () => {
  it('refuses entries claiming far more than the file holds, before inflating any', async () => {
    const entries: Record<string, Uint8Array> = {}
    for (let i = 0; i < 30; i++) entries[`photos/originals/${String(i).padStart(64, '0')}.jpg`] = new Uint8Array(10)
    const bomb = declareSizes(zipSync(entries, { level: 0 }), () => 150 * 1024 * 1024)
    const error = await refusal(newBed(), 'archives.inspect', { bytes: bomb })
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/claim .* in all/) })
  })

  it('stops a stream that inflates past its declared size, and names it', async () => {
    const zip = zipSync({ 'manifest.json': new Uint8Array(40 * 1024 * 1024) }, { level: 9 })
    const lying = declareSizes(zip, () => 1000)
    const error = await refusal(newBed(), 'archives.inspect', { bytes: lying })
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/manifest\.json cannot be read \(it inflates to more than its declared size\)/),
    })
  })

  it('gives a typed refusal, never “internal”, for a deflate stream that is garbage', async () => {
    const zip = zipSync({ 'manifest.json': new TextEncoder().encode('{"format":"x"}'.repeat(50)) }, { level: 9 })
    const broken = new Uint8Array(zip)
    const dataAt = 30 + 'manifest.json'.length
    for (let i = 0; i < 12; i++) broken[dataAt + i] = 0xff - i
    const error = await refusal(newBed(), 'archives.inspect', { bytes: broken })
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/manifest\.json cannot be read/),
    })
  })
})
