import fs from 'node:fs'
import exifReader from 'exif-reader'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { fromRaw, jpegOf, PALETTE, rawImage } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { stripLocation } from './strip-location'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '51/1 30/1 2628/100',
  GPSLongitudeRef: 'W',
  GPSLongitude: '0/1 7/1 3960/100',
}
const EXIF = {
  IFD0: { Make: 'Canon', Model: 'EOS R5' },
  IFD2: { DateTimeOriginal: '2024:05:06 07:08:09' },
  IFD3: GPS,
}

const picture = rawImage(48, 32, (x) => (x < 24 ? PALETTE.red : PALETTE.blue))
const jpegWithGps = () => jpegOf(picture, { exif: EXIF })

const exifOf = async (bytes: Uint8Array) => {
  const exif = (await sharp(bytes).metadata()).exif
  return exif ? exifReader(exif) : undefined
}

/** Where one TIFF block's GPS parts lie, read here independently of the code under test. */
function gpsParts(tiff: Buffer): Array<[number, number]> {
  const little = tiff.toString('ascii', 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd0 = u32(4)
  for (let i = 0; i < u16(ifd0); i++) {
    const entry = ifd0 + 2 + i * 12
    if (u16(entry) !== 0x8825) continue
    const gps = u32(entry + 8)
    const count = u16(gps)
    const parts: Array<[number, number]> = [
      [entry + 8, entry + 12],
      [gps, gps + 2 + count * 12 + 4],
    ]
    const sizes = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8]
    for (let j = 0; j < count; j++) {
      const field = gps + 2 + j * 12
      const size = (sizes[u16(field + 2)] ?? 1) * u32(field + 4)
      if (size > 4) parts.push([u32(field + 8), u32(field + 8) + size])
    }
    return parts
  }
  return []
}

/** The positions, in the whole file, of the bytes that make up its GPS block. */
function gpsRangesInJpeg(file: Buffer): Array<[number, number]> {
  const app1 = file.indexOf('Exif\0\0', 0, 'latin1')
  const tiffStart = app1 + 6
  return gpsParts(file.subarray(tiffStart)).map(([a, b]) => [tiffStart + a, tiffStart + b])
}

const changedAt = (a: Uint8Array, b: Uint8Array) => [...a.keys()].filter((i) => a[i] !== b[i])

describe('photo import: location privacy', () => {
  it('removes the GPS block from a stored JPEG original, every other byte kept, and says so in the record', async () => {
    const { photos, patient, originalOf } = backend()
    const bytes = await jpegWithGps()
    expect((await exifOf(bytes))?.GPSInfo?.GPSLatitude).toEqual([51, 30, 26.28])

    const { photo } = await photos.import({ patientId: patient(), name: 'gps.jpg', lastModified: 0, bytes })
    const stored = fs.readFileSync(originalOf(photo))

    expect(stored.length).toBe(bytes.length)
    const tags = await exifOf(stored)
    expect(tags?.GPSInfo).toBeUndefined()
    expect(tags?.Image?.GPSTag ?? 0).toBe(0)
    // Everything else the camera wrote is still there.
    expect(tags?.Image?.Make).toBe('Canon')
    expect(photo.takenAt).toBe('2024-05-06T07:08:09')
    const ranges = gpsRangesInJpeg(bytes)
    const changed = changedAt(bytes, stored)
    expect(changed.length).toBeGreaterThan(0)
    for (const i of changed)
      expect(
        ranges.some(([a, b]) => i >= a && i < b),
        `byte ${i}`,
      ).toBe(true)
    // And inside the GPS block nothing is left: no figure survives.
    for (const [a, b] of ranges) expect(stored.subarray(a, b).every((x) => x === 0)).toBe(true)

    expect(photo.locationRemovedAt).toBe(photo.importedAt)
    expect(photos.get(photo.id).locationRemovedAt).toBe(photo.importedAt)
  })

  it('names the stored original by the hash of what is stored, and still dedupes the same camera file', async () => {
    const { photos, patient, storedFiles } = backend()
    const patientId = patient()
    const bytes = await jpegWithGps()
    const first = await photos.import({ patientId, name: 'a.jpg', lastModified: 0, bytes })
    const again = await photos.import({ patientId, name: 'a (copy).jpg', lastModified: 0, bytes })
    expect(again.status).toBe('duplicate')
    expect(again.photo.id).toBe(first.photo.id)
    const stored = stripLocation(bytes, 'jpeg').bytes
    const { createHash } = await import('node:crypto')
    expect(first.photo.sha256).toBe(createHash('sha256').update(stored).digest('hex'))
    expect(storedFiles().filter((f) => f.startsWith('originals'))).toHaveLength(1)
  })

  it('keeps the original byte for byte when the clinic switched removal off', async () => {
    const { photos, patient, originalOf, settings } = backend()
    const current = settings.get()
    settings.save(current.revision, { ...current.settings, removePhotoLocation: false })
    const bytes = await jpegWithGps()
    const { photo } = await photos.import({ patientId: patient(), name: 'gps.jpg', lastModified: 0, bytes })
    expect(fs.readFileSync(originalOf(photo)).equals(bytes)).toBe(true)
    expect(photo.locationRemovedAt).toBeNull()
  })

  it('records nothing removed for a photo that had no position', async () => {
    const { photos, patient, originalOf } = backend()
    const bytes = await jpegOf(picture, { exif: { IFD0: { Make: 'Canon' } } })
    const { photo } = await photos.import({ patientId: patient(), name: 'plain.jpg', lastModified: 0, bytes })
    expect(fs.readFileSync(originalOf(photo)).equals(bytes)).toBe(true)
    expect(photo.locationRemovedAt).toBeNull()
  })

  it('removes the GPS block from PNG (its chunk CRC rewritten) and WebP originals', async () => {
    const { photos, patient, originalOf } = backend()
    const patientId = patient()
    for (const [name, bytes] of [
      ['gps.png', await fromRaw(picture).png().withExif(EXIF).toBuffer()],
      ['gps.webp', await fromRaw(picture).webp().withExif(EXIF).toBuffer()],
    ] as const) {
      expect((await exifOf(bytes))?.GPSInfo?.GPSLatitude, name).toEqual([51, 30, 26.28])
      const { photo } = await photos.import({ patientId, name, lastModified: 0, bytes })
      const stored = fs.readFileSync(originalOf(photo))
      expect(stored.length, name).toBe(bytes.length)
      expect((await exifOf(stored))?.GPSInfo, name).toBeUndefined()
      expect((await exifOf(stored))?.Image?.Make, name).toBe('Canon')
      // A strict decoder still reads it: the PNG chunk's checksum matches its new bytes.
      await expect(sharp(stored, { failOn: 'warning' }).raw().toBuffer()).resolves.toBeTruthy()
      expect(photo.locationRemovedAt, name).not.toBeNull()
    }
  })
})

/** A little-endian TIFF: IFD0 holding Make and a GPS pointer, then a GPS IFD with a latitude. */
function handMadeTiff(options: { gpsAt?: number; gpsCount?: number; latitudeAt?: number } = {}) {
  const tiff = Buffer.alloc(120)
  tiff.write('II', 0, 'latin1')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(2, 8)
  // Make, ASCII × 6 at 80
  tiff.writeUInt16LE(0x010f, 10)
  tiff.writeUInt16LE(2, 12)
  tiff.writeUInt32LE(6, 14)
  tiff.writeUInt32LE(80, 18)
  // GPSInfo, LONG × 1
  tiff.writeUInt16LE(0x8825, 22)
  tiff.writeUInt16LE(4, 24)
  tiff.writeUInt32LE(1, 26)
  tiff.writeUInt32LE(options.gpsAt ?? 38, 30)
  tiff.writeUInt32LE(8, 34) // next IFD: IFD0 again, a loop
  tiff.writeUInt16LE(options.gpsCount ?? 1, 38)
  // GPSLatitude, RATIONAL × 3 at 88
  tiff.writeUInt16LE(2, 40)
  tiff.writeUInt16LE(5, 42)
  tiff.writeUInt32LE(3, 44)
  tiff.writeUInt32LE(options.latitudeAt ?? 88, 48)
  tiff.write('Canon\0', 80, 'latin1')
  for (const [i, n] of [51, 1, 30, 1, 2628, 100].entries()) tiff.writeUInt32LE(n, 88 + i * 4)
  return tiff
}

const jpegAround = (tiff: Buffer) => {
  const app1 = Buffer.alloc(4 + 6 + tiff.length)
  app1.writeUInt16BE(0xffe1, 0)
  app1.writeUInt16BE(2 + 6 + tiff.length, 2)
  app1.write('Exif\0\0', 4, 'latin1')
  tiff.copy(app1, 10)
  return (jpeg: Buffer) => Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)])
}

describe('stripLocation: hand-made and hostile EXIF', () => {
  it('blanks the GPS IFD and the values it points to, leaving the rest', async () => {
    const jpeg = await jpegOf(picture)
    const file = jpegAround(handMadeTiff())(jpeg)
    const { bytes, removed } = stripLocation(file, 'jpeg')
    expect(removed).toBe(true)
    const tiffAt = 2 + 10
    const changed = changedAt(file, bytes).map((i) => i - tiffAt)
    expect(changed.every((i) => (i >= 30 && i < 34) || (i >= 38 && i < 56) || (i >= 88 && i < 112))).toBe(true)
    expect(bytes.subarray(tiffAt + 88, tiffAt + 112).every((x) => x === 0)).toBe(true)
    expect(Buffer.from(bytes).includes('Canon\0')).toBe(true)
    expect(file.length).toBe(bytes.length)
  })

  it('blanks the GPS block of a second picture a phone stored after the first (a depth map, a burst)', async () => {
    const first = await jpegOf(picture, { exif: { IFD0: { Make: 'Canon' } } })
    const second = await jpegWithGps()
    const file = Buffer.concat([first, second])
    const { bytes, removed } = stripLocation(file, 'jpeg')
    expect(removed).toBe(true)
    expect(bytes.length).toBe(file.length)
    expect(Buffer.from(bytes).subarray(0, first.length).equals(first)).toBe(true)
    const tail = Buffer.from(bytes).subarray(first.length)
    expect((await exifOf(tail))?.GPSInfo).toBeUndefined()
    expect((await exifOf(tail))?.Image?.Make).toBe('Canon')
  })

  it.each([
    ['a GPS pointer outside the block', { gpsAt: 0xfffffff0 }],
    ['a GPS pointer back at IFD0', { gpsAt: 8 }],
    ['a GPS IFD claiming 65535 entries', { gpsCount: 0xffff }],
    ['a value offset outside the block', { latitudeAt: 0xffffff00 }],
  ])('handles %s safely, leaving no pointer to a position', async (_what, options) => {
    const jpeg = await jpegOf(picture)
    const file = jpegAround(handMadeTiff(options))(jpeg)
    const { bytes } = stripLocation(file, 'jpeg')
    expect(bytes.length).toBe(file.length)
    const exif = (await sharp(bytes).metadata()).exif
    const tags = exif ? exifReader(exif) : undefined
    expect(tags?.GPSInfo?.GPSLatitude).toBeUndefined()
  })

  it('imports a photo whose GPS block points outside its EXIF, storing it with no pointer to a position', async () => {
    const { photos, patient, originalOf } = backend()
    const bytes = jpegAround(handMadeTiff({ gpsAt: 0xfffffff0 }))(await jpegOf(picture))
    const { photo } = await photos.import({ patientId: patient(), name: 'crafted.jpg', lastModified: 0, bytes })
    const stored = fs.readFileSync(originalOf(photo))
    expect(stored.length).toBe(bytes.length)
    expect((await exifOf(stored))?.Image?.GPSTag ?? 0).toBe(0)
    expect(photo.locationRemovedAt).not.toBeNull()
  })

  it('leaves files whose EXIF is cut short or whose segments run past the end as they were', async () => {
    const jpeg = await jpegOf(picture)
    const tiff = handMadeTiff()
    const truncated = jpegAround(tiff)(jpeg).subarray(0, 2 + 10 + 20)
    expect(() => stripLocation(truncated, 'jpeg')).not.toThrow()
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), Buffer.from('Exif\0\0II*\0')])
    expect(stripLocation(garbage, 'jpeg').bytes).toBe(garbage)
    for (const format of ['png', 'webp', 'heic'] as const) expect(stripLocation(garbage, format).bytes).toBe(garbage)
  })

  it('finds the EXIF of a HEIC by its "Exif" header', () => {
    const heic = Buffer.concat([
      Buffer.from('\0\0\0\x18ftypheic'),
      Buffer.alloc(40),
      Buffer.from('Exif\0\0'),
      handMadeTiff(),
    ])
    const { bytes, removed } = stripLocation(heic, 'heic')
    expect(removed).toBe(true)
    expect(bytes.length).toBe(heic.length)
    const tiffAt = heic.indexOf('Exif\0\0', 0, 'latin1') + 6
    expect(bytes.subarray(tiffAt + 88, tiffAt + 112).every((x) => x === 0)).toBe(true)
  })
})
