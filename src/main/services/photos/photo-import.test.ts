import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  type ColourName,
  colourName,
  decode,
  flatJpeg,
  fromRaw,
  jpegOf,
  PALETTE,
  pngDeclaring,
  type Rgb,
  rawImage,
} from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { BridgeResult } from '../../../shared/bridge/errors'
import type { PhotoImportOutcome } from '../../../shared/photos/photo'
import { ServiceError } from '../service-error'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const HEIC_FIXTURE = path.resolve(import.meta.dirname, '../../../../test/fixtures/photos/two-tone.heic')
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The upright picture every orientation test expects to see: four quadrants, four colours. */
const UPRIGHT = { width: 96, height: 64 }
const QUADRANTS: Record<'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight', ColourName> = {
  topLeft: 'red',
  topRight: 'green',
  bottomLeft: 'blue',
  bottomRight: 'white',
}
const uprightColourAt = (x: number, y: number): Rgb => {
  const top = y < UPRIGHT.height / 2
  const left = x < UPRIGHT.width / 2
  return PALETTE[QUADRANTS[top ? (left ? 'topLeft' : 'topRight') : left ? 'bottomLeft' : 'bottomRight']]
}

/**
 * Where a stored pixel (sx, sy) shows once the image is turned upright, for each EXIF
 * orientation (TIFF 6.0: which visual side the stored row 0 and column 0 are), and the stored
 * image's size. Written out by hand rather than with sharp, so the test checks sharp.
 */
const ORIENTATIONS: Record<
  number,
  { stored: { width: number; height: number }; toUpright: (sx: number, sy: number) => [number, number] }
> = (() => {
  const { width: W, height: H } = UPRIGHT
  const same = { width: W, height: H }
  const swapped = { width: H, height: W }
  return {
    1: { stored: same, toUpright: (sx, sy) => [sx, sy] }, // row 0 top, column 0 left
    2: { stored: same, toUpright: (sx, sy) => [W - 1 - sx, sy] }, // row 0 top, column 0 right
    3: { stored: same, toUpright: (sx, sy) => [W - 1 - sx, H - 1 - sy] }, // row 0 bottom, column 0 right
    4: { stored: same, toUpright: (sx, sy) => [sx, H - 1 - sy] }, // row 0 bottom, column 0 left
    5: { stored: swapped, toUpright: (sx, sy) => [sy, sx] }, // row 0 left, column 0 top
    6: { stored: swapped, toUpright: (sx, sy) => [W - 1 - sy, sx] }, // row 0 right, column 0 top
    7: { stored: swapped, toUpright: (sx, sy) => [W - 1 - sy, H - 1 - sx] }, // row 0 right, column 0 bottom
    8: { stored: swapped, toUpright: (sx, sy) => [sy, H - 1 - sx] }, // row 0 left, column 0 bottom
  }
})()

/** The stored pixels a camera held sideways (or a mirror) would write, tagged with `orientation`. */
function taggedJpeg(orientation: number): Promise<Buffer> {
  const { stored, toUpright } = ORIENTATIONS[orientation] as (typeof ORIENTATIONS)[number]
  const raw = rawImage(stored.width, stored.height, (sx, sy) => uprightColourAt(...toUpright(sx, sy)))
  return jpegOf(raw, { orientation })
}

/** The colour at the centre of each quadrant: far from every edge, so compression cannot blur it. */
async function quadrantsOf(file: string) {
  const image = await decode(file)
  const at = (fx: number, fy: number) =>
    colourName(image.at(Math.floor(image.width * fx), Math.floor(image.height * fy)))
  return {
    size: { width: image.width, height: image.height },
    colours: {
      topLeft: at(0.25, 0.25),
      topRight: at(0.75, 0.25),
      bottomLeft: at(0.25, 0.75),
      bottomRight: at(0.75, 0.75),
    },
  }
}

function expectRejected(result: BridgeResult<unknown>, field: string, message: RegExp) {
  expect(result.ok, JSON.stringify(result)).toBe(false)
  if (result.ok) return
  expect(result.error.code).toBe('invalid_input')
  expect(result.error.message).toMatch(message)
  expect(result.error.fieldErrors?.[field]).toMatch(message)
}

describe('photo import: what is stored', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('turns a photo tagged with EXIF orientation %i upright', async (orientation) => {
    const { photos, patient, originalOf } = backend()
    const bytes = await taggedJpeg(orientation)
    expect((await sharp(bytes).metadata()).orientation).toBe(orientation)

    const { status, photo } = await photos.import({
      patientId: patient(),
      name: 'scalp.jpg',
      lastModified: null,
      bytes,
    })
    expect(status).toBe('imported')
    // The record and every point on the photo use the upright size, even when the sensor's was swapped.
    expect({ width: photo.width, height: photo.height }).toEqual(UPRIGHT)

    const stored = await decode(originalOf(photo))
    expect({ width: stored.width, height: stored.height }).toEqual(ORIENTATIONS[orientation]?.stored)

    for (const variant of ['working', 'thumbnail'] as const) {
      const drawn = await quadrantsOf(photos.fileFor(photo.sha256, variant) as string)
      expect(drawn.size, variant).toEqual(UPRIGHT)
      expect(drawn.colours, variant).toEqual(QUADRANTS)
      // Upright pixels carry no orientation tag, so no viewer can turn them a second time.
      expect((await sharp(photos.fileFor(photo.sha256, variant) as string).metadata()).orientation).toBeUndefined()
    }
  })

  it('caps the working copy at 4096 px and the thumbnail at 320 px, keeping the original size in the record', async () => {
    const { photos, patient } = backend()
    const patientId = patient()
    const landscape = await flatJpeg(5000, 3000)
    const { photo } = await photos.import({ patientId, name: 'wide.jpg', lastModified: null, bytes: landscape })
    expect([photo.width, photo.height]).toEqual([5000, 3000])
    const working = await sharp(photos.fileFor(photo.sha256, 'working') as string).metadata()
    const thumbnail = await sharp(photos.fileFor(photo.sha256, 'thumbnail') as string).metadata()
    expect([working.width, working.height]).toEqual([4096, 2458])
    expect([thumbnail.width, thumbnail.height]).toEqual([320, 192])

    // A portrait straight off a phone: stored sideways, tagged to be turned a quarter.
    const portrait = await sharp(await flatJpeg(5000, 3000, PALETTE.blue))
      .withMetadata({ orientation: 6 })
      .toBuffer()
    const turned = (await photos.import({ patientId, name: 'tall.jpg', lastModified: null, bytes: portrait })).photo
    expect([turned.width, turned.height]).toEqual([3000, 5000])
    const tallWorking = await sharp(photos.fileFor(turned.sha256, 'working') as string).metadata()
    const tallThumbnail = await sharp(photos.fileFor(turned.sha256, 'thumbnail') as string).metadata()
    expect([tallWorking.width, tallWorking.height]).toEqual([2458, 4096])
    expect([tallThumbnail.width, tallThumbnail.height]).toEqual([192, 320])
  }, 20_000)

  it('stores one copy of the same file, however often and for however many patients it is imported', async () => {
    const { photos, patient, storedFiles, rowCount, dataDir } = backend()
    const bytes = await jpegOf(rawImage(64, 48, uprightColourAt))
    const ana = patient('Ana Ruiz')
    const ben = patient('Ben Okafor')

    const first = await photos.import({ patientId: ana, name: 'a.jpg', lastModified: null, bytes })
    const files = storedFiles()
    expect(files).toHaveLength(3)
    const again = await photos.import({ patientId: ana, name: 'a (copy).jpg', lastModified: null, bytes })
    expect(again.status).toBe('duplicate')
    expect(again.photo.id).toBe(first.photo.id)
    expect(again.photo.originalName).toBe('a.jpg')
    expect(photos.list(ana)).toHaveLength(1)
    expect(storedFiles()).toEqual(files)

    const forBen = await photos.import({ patientId: ben, name: 'b.jpg', lastModified: null, bytes })
    expect(forBen.status).toBe('imported')
    expect(forBen.photo.id).not.toBe(first.photo.id)
    expect(rowCount('photos')).toBe(2)
    expect(storedFiles()).toEqual(files)

    // The original is kept exactly as imported, named by its own hash.
    expect(first.photo.sha256).toBe(sha256(bytes))
    const original = path.join(dataDir, 'photos', files.find((f) => f.startsWith('originals')) as string)
    expect(path.basename(original)).toBe(`${sha256(bytes)}.jpg`)
    expect(fs.readFileSync(original).equals(bytes)).toBe(true)
  })

  it('imports the same file dropped twice at once only once', async () => {
    const { photos, patient, storedFiles } = backend()
    const patientId = patient()
    const bytes = await jpegOf(rawImage(64, 48, uprightColourAt))
    const outcomes = await Promise.all(
      ['a.jpg', 'a (1).jpg', 'a (2).jpg'].map((name) => photos.import({ patientId, name, lastModified: null, bytes })),
    )
    expect(outcomes.map((o) => o.status).sort()).toEqual(['duplicate', 'duplicate', 'imported'])
    expect(new Set(outcomes.map((o) => o.photo.id)).size).toBe(1)
    expect(photos.list(patientId)).toHaveLength(1)
    expect(storedFiles()).toHaveLength(3)
  })

  it('lists a patient’s photos newest first, by when they were taken', async () => {
    const { photos, patient } = backend()
    const patientId = patient()
    const taken = async (name: string, when: string | null, colour: Rgb) => {
      const exif = when ? { IFD2: { DateTimeOriginal: when } } : undefined
      const bytes = await jpegOf(
        rawImage(32, 32, () => colour),
        { exif },
      )
      await photos.import({ patientId, name, lastModified: new Date(2024, 0, 10, 12, 0, 0).getTime(), bytes })
    }
    await taken('middle.jpg', '2024:01:05 10:00:00', PALETTE.red)
    await taken('oldest.jpg', '2023:12:31 23:59:59', PALETTE.green)
    await taken('newest-by-file-date.jpg', null, PALETTE.blue)
    await taken('newest-by-exif.jpg', '2024:02:01 08:00:00', PALETTE.white)
    expect(photos.list(patientId).map((p) => [p.originalName, p.takenAt])).toEqual([
      ['newest-by-exif.jpg', '2024-02-01T08:00:00'],
      ['newest-by-file-date.jpg', '2024-01-10T12:00:00'],
      ['middle.jpg', '2024-01-05T10:00:00'],
      ['oldest.jpg', '2023-12-31T23:59:59'],
    ])
  })

  it('keeps no EXIF (GPS, camera, serial) in what it draws, and dates the photo by when it was taken', async () => {
    const { photos, patient, originalOf } = backend()
    const bytes = await jpegOf(rawImage(64, 48, uprightColourAt), {
      exif: {
        IFD0: { Make: 'Canon', Model: 'EOS R5', DateTime: '2025:01:02 03:04:05', Artist: 'Dr Example' },
        IFD2: { DateTimeOriginal: '2024:05:06 07:08:09', BodySerialNumber: 'SN-4242-XYZ' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '51/1 30/1 2628/100',
          GPSLongitudeRef: 'W',
          GPSLongitude: '0/1 7/1 3960/100',
        },
      },
    })
    const exif = (await sharp(bytes).metadata()).exif as Buffer
    expect(exif.includes('SN-4242-XYZ')).toBe(true)

    const { photo } = await photos.import({ patientId: patient(), name: 'gps.jpg', lastModified: 0, bytes })
    expect(photo.takenAt).toBe('2024-05-06T07:08:09')
    expect(photo.takenAtSource).toBe('exif')

    for (const variant of ['working', 'thumbnail'] as const) {
      const file = photos.fileFor(photo.sha256, variant) as string
      const metadata = await sharp(file).metadata()
      expect(metadata.exif, variant).toBeUndefined()
      expect(metadata.xmp, variant).toBeUndefined()
      const written = fs.readFileSync(file)
      for (const secret of ['Exif', 'GPS', 'Canon', 'EOS R5', 'SN-4242-XYZ', 'Dr Example', '2024:05:06'])
        expect(written.includes(secret), `${variant} contains ${secret}`).toBe(false)
    }
    // The original keeps the camera's make and model but not its position (photo-location.test.ts)
    // nor the body's serial number, which names the clinic's camera.
    const original = fs.readFileSync(originalOf(photo))
    expect(original.length).toBe(bytes.length)
    expect(original.includes('EOS R5')).toBe(true)
    expect(original.includes('SN-4242-XYZ')).toBe(false)
    expect(photo.locationRemovedAt).not.toBeNull()
  })

  it('dates a photo without an EXIF date by the file’s modification time, on this machine’s clock', async () => {
    const { photos, patient } = backend()
    const bytes = await jpegOf(rawImage(64, 48, uprightColourAt))
    expect((await sharp(bytes).metadata()).exif).toBeUndefined()
    const lastModified = new Date(2023, 2, 4, 5, 6, 7).getTime()
    const { photo } = await photos.import({ patientId: patient(), name: 'scan.jpg', lastModified, bytes })
    expect(photo.takenAt).toBe('2023-03-04T05:06:07')
    expect(photo.takenAtSource).toBe('file')
  })

  it('imports PNG with transparency (over neutral grey), WebP and HEIC', async () => {
    const { photos, patient, storedFiles } = backend()
    const patientId = patient()

    const halfClear = rawImage(80, 60, (x) => (x < 40 ? [...PALETTE.red, 255] : [0, 0, 0, 0]), 4)
    const png = await fromRaw(halfClear).png().toBuffer()
    const pngPhoto = (await photos.import({ patientId, name: 'cutout.png', lastModified: null, bytes: png })).photo
    expect(pngPhoto).toMatchObject({ format: 'png', width: 80, height: 60 })
    const pngWorking = await decode(photos.fileFor(pngPhoto.sha256, 'working') as string)
    expect([pngWorking.width, pngWorking.height]).toEqual([80, 60])
    expect(colourName(pngWorking.at(20, 30))).toBe('red')
    expect(colourName(pngWorking.at(60, 30))).toBe('grey')

    const halves = rawImage(80, 60, (_x, y) => (y < 30 ? PALETTE.green : PALETTE.blue))
    const webp = await fromRaw(halves).webp({ quality: 90 }).toBuffer()
    const webpPhoto = (await photos.import({ patientId, name: 'web.webp', lastModified: null, bytes: webp })).photo
    expect(webpPhoto).toMatchObject({ format: 'webp', width: 80, height: 60 })
    const webpWorking = await decode(photos.fileFor(webpPhoto.sha256, 'working') as string)
    expect(colourName(webpWorking.at(40, 15))).toBe('green')
    expect(colourName(webpWorking.at(40, 45))).toBe('blue')

    // 96 × 64, left half red (220, 30, 30), right half blue (30, 60, 220): see test/fixtures/photos/README.md.
    const heic = fs.readFileSync(HEIC_FIXTURE)
    const heicPhoto = (await photos.import({ patientId, name: 'IMG_0001.HEIC', lastModified: null, bytes: heic })).photo
    expect(heicPhoto).toMatchObject({ format: 'heic', width: 96, height: 64 })
    const heicWorking = await decode(photos.fileFor(heicPhoto.sha256, 'working') as string)
    expect([heicWorking.width, heicWorking.height]).toEqual([96, 64])
    expect(colourName(heicWorking.at(24, 32))).toBe('red')
    expect(colourName(heicWorking.at(72, 32))).toBe('blue')
    expect((await sharp(photos.fileFor(heicPhoto.sha256, 'thumbnail') as string).metadata()).format).toBe('jpeg')

    // Originals keep their own format's extension; what is drawn is always JPEG.
    expect(
      storedFiles()
        .filter((f) => f.startsWith('originals'))
        .map((f) => path.extname(f)),
    ).toEqual(expect.arrayContaining(['.png', '.webp', '.heic']))
    expect(storedFiles().filter((f) => !f.startsWith('originals') && !f.endsWith('.jpg'))).toEqual([])
  })
})

describe('photo import: what is refused', () => {
  async function expectRefusedAndNothingStored(
    bytes: Uint8Array,
    message: RegExp,
    name = 'bad.jpg',
  ): Promise<ServiceError> {
    const { photos, patient, rowCount, storedFiles } = backend()
    const error = await photos.import({ patientId: patient(), name, lastModified: null, bytes }).catch((e) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.code).toBe('invalid_input')
    // The message names the file, so a batch's summary says which one failed and why.
    expect(error.message).toMatch(new RegExp(`^${name.replace(/[.()]/g, '\\$&')}: `))
    expect(error.message).toMatch(message)
    expect(error.fieldErrors?.bytes).toMatch(message)
    expect(rowCount('photos')).toBe(0)
    expect(storedFiles()).toEqual([])
    return error
  }

  it('refuses a file that is not an image', async () => {
    await expectRefusedAndNothingStored(
      new TextEncoder().encode('Patient notes\nNot a photo at all.\n'),
      /not an image Stipple can read/,
      'notes.jpg',
    )
  })

  it('refuses a JPEG cut short', async () => {
    const whole = await sharp(await jpegOf(rawImage(256, 256, (x, y) => [x, y, (x * y) % 256])))
      .jpeg({ quality: 90 })
      .toBuffer()
    await expectRefusedAndNothingStored(whole.subarray(0, whole.length >> 1), /damaged or incomplete/)
  })

  it.each([
    ['GIF', 'gif', /GIF is not supported; use JPEG, PNG, WebP or HEIC/],
    ['TIFF', 'tiff', /TIFF or camera RAW is not supported; use JPEG, PNG, WebP or HEIC/],
  ] as const)('refuses a real %s, naming the format', async (_label, format, message) => {
    const bytes = await fromRaw(rawImage(32, 32, uprightColourAt))
      .toFormat(format)
      .toBuffer()
    await expectRefusedAndNothingStored(bytes, message, `scan.${format}`)
  })

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = pngDeclaring(20000, 20000)
    expect(bomb.length).toBeLessThan(1000)
    await expectRefusedAndNothingStored(
      bomb,
      /declares 400 megapixels \(20000 × 20000\).*up to 100 megapixels/,
      'bomb.png',
    )
  })

  it('says by how much a photo just over the limit is over', async () => {
    // 10000 × 10001 is 100.01 MP: "declares 100 megapixels; … up to 100" would contradict itself.
    await expectRefusedAndNothingStored(
      pngDeclaring(10000, 10001),
      /declares 101 megapixels \(10000 × 10001\)/,
      'big.png',
    )
  })

  it('refuses photos for an archived patient', async () => {
    const { photos, patients, patient, rowCount, storedFiles } = backend()
    const patientId = patient()
    patients.archive(patientId)
    const bytes = await jpegOf(rawImage(32, 32, uprightColourAt))
    await expect(photos.import({ patientId, name: 'a.jpg', lastModified: null, bytes })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/archived; restore the record/),
    })
    expect(rowCount('photos')).toBe(0)
    expect(storedFiles()).toEqual([])
  })

  it('refuses an empty file at the bridge, before the service sees it', async () => {
    const { dispatch, patient, rowCount, storedFiles } = backend()
    const result = await dispatch('photos.import', {
      patientId: patient(),
      name: 'empty.jpg',
      lastModified: null,
      bytes: new Uint8Array(0),
    })
    expectRejected(result, 'bytes', /empty \(0 bytes\)/)
    expect(rowCount('photos')).toBe(0)
    expect(storedFiles()).toEqual([])
  })

  it('refuses a file name holding a path or control characters', async () => {
    const { dispatch, patient, rowCount, storedFiles } = backend()
    const patientId = patient()
    const bytes = await jpegOf(rawImage(32, 32, uprightColourAt))
    for (const name of [
      '..',
      '../../stipple.sqlite3',
      'photos/scalp.jpg',
      'C:\\Users\\x\\scalp.jpg',
      'scalp\u0000.jpg',
      'scalp\n.jpg',
      'scalp\u001b[31m.jpg',
      'a\u007f.jpg',
    ]) {
      const result = await dispatch('photos.import', { patientId, name, lastModified: null, bytes })
      expectRejected(result, 'name', /holds a path or control characters/)
    }
    expect(rowCount('photos')).toBe(0)
    expect(storedFiles()).toEqual([])
  })

  it('keeps an unusual but valid file name exactly as given', async () => {
    const { dispatch, patient, photos } = backend()
    const patientId = patient()
    const bytes = await jpegOf(rawImage(32, 32, uprightColourAt))
    const name = 'Kopf – Ansicht ü 🙂 (1).jpg'
    // The same name with a decomposed ü (u + combining diaeresis), as macOS file systems give it.
    const decomposed = name.normalize('NFD')
    expect(decomposed).not.toBe(name)

    const result = (await dispatch('photos.import', {
      patientId,
      name,
      lastModified: null,
      bytes,
    })) as BridgeResult<PhotoImportOutcome>
    expect(result).toMatchObject({ ok: true, value: { status: 'imported', photo: { originalName: name } } })
    const other = await jpegOf(rawImage(32, 32, () => PALETTE.green))
    await dispatch('photos.import', { patientId, name: decomposed, lastModified: null, bytes: other })
    expect(
      photos
        .list(patientId)
        .map((p) => p.originalName)
        .sort(),
    ).toEqual([name, decomposed].sort())
  })

  it('imports the good files of a batch around a bad one', async () => {
    const { dispatch, patient, photos, storedFiles } = backend()
    const patientId = patient()
    const file = (name: string, bytes: Uint8Array) =>
      dispatch('photos.import', { patientId, name, lastModified: null, bytes })
    const [first, bad, last] = await Promise.all([
      file('front.jpg', await jpegOf(rawImage(32, 32, () => PALETTE.red))),
      file('notes.txt', new TextEncoder().encode('hello')),
      file(
        'crown.png',
        await fromRaw(rawImage(32, 32, () => PALETTE.blue))
          .png()
          .toBuffer(),
      ),
    ])
    expect(first).toMatchObject({ ok: true, value: { status: 'imported' } })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^notes\.txt: /) },
    })
    expect(last).toMatchObject({ ok: true, value: { status: 'imported' } })
    expect(
      photos
        .list(patientId)
        .map((p) => p.originalName)
        .sort(),
    ).toEqual(['crown.png', 'front.jpg'])
    expect(storedFiles()).toHaveLength(6)
  })
})
