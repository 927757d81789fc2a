import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it, vi } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import { withPhotoRecord } from '../../../../test/node/archive-bed'
import { call } from '../../../../test/node/bridge-call'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { openArchive } from './archive-open'
import { fileSource, type ZipSource } from './zip-entries'

/**
 * Every remake's start and end, by the size of the original it was given and the SHA-256 of its
 * bytes when it started and when it ended; and originals whose remake is refused.
 */
const remakes = vi.hoisted(() => ({
  log: [] as { bytes: number; start: number; end: number; sha256: string; sha256AtEnd: string }[],
  refuse: new Set<number>(),
}))

// Each remake lasts at least 150 ms, so two that run at once are seen to overlap whatever the machine's speed.
vi.mock('../photos/image-pipeline', async (importOriginal) => {
  const real = await importOriginal<typeof import('../photos/image-pipeline')>()
  return {
    ...real,
    async prepareImage(bytes: Uint8Array, format: Parameters<typeof real.prepareImage>[1]) {
      const start = performance.now()
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      try {
        await new Promise((resolve) => setTimeout(resolve, 150))
        if (remakes.refuse.has(bytes.byteLength)) throw new real.ImageRejected('The image data is damaged.')
        return await real.prepareImage(bytes, format)
      } finally {
        const sha256AtEnd = createHash('sha256').update(bytes).digest('hex')
        remakes.log.push({ bytes: bytes.byteLength, start, end: performance.now(), sha256, sha256AtEnd })
      }
    },
  }
})

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)

const source = (bytes: Uint8Array): ZipSource => ({
  byteLength: bytes.byteLength,
  read: (offset, length) => bytes.subarray(offset, offset + length),
})

/** A flat-coloured JPEG: cheap to make and decode at any size, read band by band unless progressive. */
const jpeg = async (width: number, height: number, progressive: boolean, chromaSubsampling = '4:2:0') =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#a07050' } })
      .jpeg({ quality: 50, progressive, chromaSubsampling })
      .toBuffer(),
  )

/** An archive of a patient with these photos, exported by Stipple, and the remakes log cleared. */
async function archiveOf(photos: { name: string; bytes: Uint8Array }[]) {
  const bed = newBed()
  const patient = bed.patients.create(validFields())
  for (const photo of photos)
    await bed.photos.import({ patientId: patient.id, name: photo.name, lastModified: null, bytes: photo.bytes })
  const { bytes } = await call(bed, 'archives.export', { patientId: patient.id })
  remakes.log.length = 0
  remakes.refuse.clear()
  return bytes
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end

/** The most remakes that were running at one moment (at some remake's start). */
const mostAtOnce = () =>
  Math.max(
    ...remakes.log.map(({ start }) => remakes.log.filter((other) => other.start <= start && start < other.end).length),
  )

describe('an archive’s photos are remade two at a time where memory allows', () => {
  it('remakes a progressive JPEG (decoded whole) beside a large baseline one (read band by band)', async () => {
    const progressive = await jpeg(6000, 6000, true)
    const baseline = await jpeg(4000, 3000, false)
    const archive = await archiveOf([
      { name: 'layers.jpg', bytes: progressive },
      { name: 'camera.jpg', bytes: baseline },
    ])
    const opened = await openArchive(source(archive), LATEST_SCHEMA_VERSION)
    expect(opened.fileSets).toHaveLength(2)
    expect(remakes.log).toHaveLength(2)
    const [a, b] = remakes.log as [(typeof remakes.log)[0], (typeof remakes.log)[0]]
    expect(overlap(a, b)).toBe(true)
  }, 60_000)

  it('never remakes two progressive JPEGs at once whose coefficients together pass the paired bytes', async () => {
    // At full colour each pixel keeps three 2-byte coefficients: 216 MB and 72 MB.
    const archive = await archiveOf([
      { name: 'first.jpg', bytes: await jpeg(6000, 6000, true, '4:4:4') },
      { name: 'second.jpg', bytes: await jpeg(4000, 3000, true, '4:4:4') },
    ])
    await openArchive(source(archive), LATEST_SCHEMA_VERSION)
    expect(remakes.log).toHaveLength(2)
    expect(mostAtOnce()).toBe(1)
  }, 60_000)

  it('remakes at most two at once', async () => {
    const archive = await archiveOf(
      await Promise.all(
        [1, 2, 3, 4].map(async (n) => ({ name: `small-${n}.jpg`, bytes: await jpeg(400 + n, 300, false) })),
      ),
    )
    const opened = await openArchive(source(archive), LATEST_SCHEMA_VERSION)
    expect(opened.fileSets).toHaveLength(4)
    expect(remakes.log).toHaveLength(4)
    expect(mostAtOnce()).toBe(2)
  }, 60_000)

  it('refuses with the first bad photo in the records’ order, though a later one’s check failed while it was remade', async () => {
    const first = await jpeg(4000, 3000, false)
    const archive = await archiveOf([
      { name: 'first.jpg', bytes: first },
      { name: 'second.jpg', bytes: await jpeg(3000, 2000, false) },
    ])
    const lying = withPhotoRecord(archive, 'second.jpg', (photo) => {
      photo.width = 2999
    })
    remakes.refuse.add(first.byteLength)
    await expect(openArchive(source(lying), LATEST_SCHEMA_VERSION)).rejects.toThrow(
      /The original of photo “first\.jpg” cannot be imported: The image data is damaged\./,
    )
    // The second's original was checked (and refused) while the first was remade; it was never remade itself.
    expect(remakes.log.map((each) => each.bytes)).toEqual([first.byteLength])
  }, 60_000)
})

describe('originals read from an archive held in a file', () => {
  it('reach each remake whole and unchanged while one photo’s buffer is reused for the next', async () => {
    // Larger, smaller, between, larger again: later originals are read into buffers earlier ones used.
    const photos = [
      { name: 'a.jpg', bytes: await jpeg(3000, 2000, false) },
      { name: 'b.jpg', bytes: await jpeg(400, 300, true) },
      { name: 'c.jpg', bytes: await jpeg(1200, 900, false) },
      { name: 'd.jpg', bytes: await jpeg(3200, 2400, true) },
      { name: 'e.jpg', bytes: await jpeg(640, 480, false) },
    ]
    const archive = await archiveOf(photos)
    const file = path.join(tempDir(), 'patient.stipple')
    fs.writeFileSync(file, archive)
    const fd = fs.openSync(file, 'r')
    try {
      const opened = await openArchive(fileSource(fd), LATEST_SCHEMA_VERSION)
      const expected = photos.map(({ bytes }) => createHash('sha256').update(bytes).digest('hex')).sort()
      expect(remakes.log.map((each) => each.sha256).sort()).toEqual(expected)
      expect(remakes.log.map((each) => each.sha256AtEnd).sort()).toEqual(expected)
      expect(opened.fileSets.map((set) => set.sha256).sort()).toEqual(expected)
      expect(mostAtOnce()).toBe(2)
    } finally {
      fs.closeSync(fd)
    }
  })
})
