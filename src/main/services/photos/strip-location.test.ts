import fs from 'node:fs'
import exifReader from 'exif-reader'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { flatJpeg, fromRaw, PALETTE, rawImage } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { stripLocation } from './strip-location'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const picture = rawImage(48, 32, (x) => (x < 24 ? PALETTE.red : PALETTE.blue))

/** XMP as a phone or Lightroom writes it: GPS and a serial as attributes, IPTC location as elements, and a title. */
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/"
 exif:GPSLatitude="51,30.438N" exif:GPSLongitude="0,7.66W" aux:SerialNumber="CAM-0042-7731" GPano:PosePitchDegrees="-80.5">
 <photoshop:City>London</photoshop:City>
 <photoshop:Country>United Kingdom</photoshop:Country>
 <Iptc4xmpExt:LocationCreated><rdf:Bag><rdf:li rdf:parseType="Resource"><Iptc4xmpExt:Sublocation>Harley Street</Iptc4xmpExt:Sublocation></rdf:li></rdf:Bag></Iptc4xmpExt:LocationCreated>
 <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Front before session 1</rdf:li></rdf:Alt></dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>`
const PLACES = ['51,30.438N', '0,7.66W', 'CAM-0042-7731', 'London', 'United Kingdom', 'Harley Street']

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text, 0, 'utf8')
const xmpOf = async (bytes: Uint8Array) => (await sharp(bytes).metadata()).xmp?.toString('utf8') ?? ''

/** The XMP's tags in order, each opening and closing: well-formed when every close matches its open. */
function balanced(xml: string): boolean {
  const open: string[] = []
  for (const [, close, name, self] of xml.matchAll(/<(\/?)([\w:.-]+)[^<>]*?(\/?)>/g)) {
    if (self) continue
    if (!close) open.push(name as string)
    else if (open.pop() !== name) return false
  }
  return open.length === 0
}

/** A JPEG APP13 "Photoshop 3.0" segment holding one IPTC block of record-2 datasets. */
function app13(datasets: [number, string][]): Buffer {
  const iptc = Buffer.concat(
    datasets.map(([dataset, text]) => {
      const value = Buffer.from(text, 'utf8')
      const head = Buffer.from([0x1c, 2, dataset, value.length >> 8, value.length & 0xff])
      return Buffer.concat([head, value])
    }),
  )
  const padded = Buffer.concat([iptc, Buffer.alloc(iptc.length % 2)])
  const resource = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), Buffer.alloc(4), padded])
  resource.writeUInt32BE(iptc.length, 8)
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource])
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xffed, 0)
  segment.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([segment, payload])
}
const withSegment = (jpeg: Buffer, segment: Buffer) => Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)])

/** A little-endian TIFF whose IFD0 points to an Exif IFD holding a body serial and a maker note. */
function tiffWithMakerNote(makerNote: Buffer): Buffer {
  const tiff = Buffer.alloc(64 + makerNote.length)
  tiff.write('II', 0, 'latin1')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(1, 8)
  tiff.writeUInt16LE(0x8769, 10) // Exif IFD pointer, LONG × 1
  tiff.writeUInt16LE(4, 12)
  tiff.writeUInt32LE(1, 14)
  tiff.writeUInt32LE(26, 18)
  tiff.writeUInt16LE(2, 26)
  tiff.writeUInt16LE(0xa431, 28) // BodySerialNumber, ASCII × 8 at 56
  tiff.writeUInt16LE(2, 30)
  tiff.writeUInt32LE(8, 32)
  tiff.writeUInt32LE(56, 36)
  tiff.writeUInt16LE(0x927c, 40) // MakerNote, UNDEFINED at 64
  tiff.writeUInt16LE(7, 42)
  tiff.writeUInt32LE(makerNote.length, 44)
  tiff.writeUInt32LE(64, 48)
  tiff.write('4471002\0', 56, 'latin1')
  makerNote.copy(tiff, 64)
  return tiff
}
function app1Exif(tiff: Buffer): Buffer {
  const segment = Buffer.alloc(10)
  segment.writeUInt16BE(0xffe1, 0)
  segment.writeUInt16BE(8 + tiff.length, 2)
  segment.write('Exif\0\0', 4, 'latin1')
  return Buffer.concat([segment, tiff])
}

describe('stripLocation: XMP, IPTC and serials', () => {
  it('blanks the XMP location, GPS and serial of a JPEG, keeping its length, the title and the camera pitch', async () => {
    const file = await fromRaw(picture).jpeg().withXmp(XMP).toBuffer()
    for (const place of PLACES) expect(has(file, place), place).toBe(true)

    const { bytes, removed } = stripLocation(file, 'jpeg')
    expect(removed).toBe(true)
    expect(bytes.length).toBe(file.length)
    for (const place of PLACES) expect(has(bytes, place), place).toBe(false)
    const xmp = await xmpOf(bytes)
    expect(xmp).toContain('Front before session 1')
    expect(xmp).toContain('GPano:PosePitchDegrees="-80.5"')
    expect(xmp).toMatch(/exif:GPSLatitude=" +"/)
    expect(xmp).toMatch(/<photoshop:City> +<\/photoshop:City>/)
    expect(balanced(xmp)).toBe(true)
    await expect(sharp(bytes, { failOn: 'warning' }).raw().toBuffer()).resolves.toBeTruthy()
  })

  it('blanks the XMP of a WebP in place, and of a PNG, whose compressed XMP chunk is written again', async () => {
    for (const [format, file] of [
      ['png', await fromRaw(picture).png().withXmp(XMP).toBuffer()],
      ['webp', await fromRaw(picture).webp().withXmp(XMP).toBuffer()],
    ] as const) {
      expect(await xmpOf(file), format).toContain('Harley Street')
      const { bytes, removed } = stripLocation(file, format)
      expect(removed, format).toBe(true)
      if (format === 'webp') expect(bytes.length).toBe(file.length)
      const xmp = await xmpOf(bytes)
      for (const place of PLACES) expect(xmp.includes(place) || has(bytes, place), `${format} ${place}`).toBe(false)
      expect(xmp, format).toContain('Front before session 1')
      expect(balanced(xmp), format).toBe(true)
      // A strict decoder still reads it: every chunk's checksum matches its bytes.
      await expect(sharp(bytes, { failOn: 'warning' }).raw().toBuffer(), format).resolves.toBeTruthy()
    }
  })

  it('blanks the IPTC city, sub-location and country of a JPEG, keeping its caption', async () => {
    const file = withSegment(
      await flatJpeg(40, 30),
      app13([
        [90, 'London'],
        [92, 'Harley Street'],
        [101, 'United Kingdom'],
        [120, 'Front view before session 1'],
      ]),
    )
    expect((await sharp(file).metadata()).iptc).toBeDefined()
    const { bytes, removed } = stripLocation(file, 'jpeg')
    expect(removed).toBe(true)
    expect(bytes.length).toBe(file.length)
    for (const place of ['London', 'Harley Street', 'United Kingdom']) expect(has(bytes, place), place).toBe(false)
    expect(has(bytes, 'Front view before session 1')).toBe(true)
    const iptc = (await sharp(bytes).metadata()).iptc
    expect(iptc && Buffer.from(iptc).includes('Front view before session 1')).toBe(true)
    await expect(sharp(bytes, { failOn: 'warning' }).raw().toBuffer()).resolves.toBeTruthy()
  })

  it("blanks the EXIF body and lens serials and the owner's name, keeping the make", async () => {
    const file = await fromRaw(picture)
      .jpeg()
      .withExif({
        IFD0: { Make: 'Canon' },
        IFD2: { BodySerialNumber: '0123456789', LensSerialNumber: 'L-556677', CameraOwnerName: 'Dr Ana Ruiz' },
      })
      .toBuffer()
    const before = exifReader((await sharp(file).metadata()).exif as Buffer)
    expect(before.Photo?.BodySerialNumber).toBe('0123456789')
    const { bytes, removed } = stripLocation(file, 'jpeg')
    expect(removed).toBe(true)
    expect(bytes.length).toBe(file.length)
    for (const text of ['0123456789', 'L-556677', 'Dr Ana Ruiz']) expect(has(bytes, text), text).toBe(false)
    const after = exifReader((await sharp(bytes).metadata()).exif as Buffer)
    expect(after.Image?.Make).toBe('Canon')
  })

  it("blanks a maker's note, where cameras keep their serial, but keeps Apple's, which holds none", async () => {
    const jpeg = await flatJpeg(40, 30)
    const canon = withSegment(jpeg, app1Exif(tiffWithMakerNote(Buffer.from('Canon SN 4471002233 \0', 'latin1'))))
    const stripped = stripLocation(canon, 'jpeg')
    expect(stripped.removed).toBe(true)
    expect(has(stripped.bytes, '4471002233')).toBe(false)
    expect(has(stripped.bytes, '4471002\0')).toBe(false)

    const apple = withSegment(
      jpeg,
      app1Exif(tiffWithMakerNote(Buffer.from('Apple iOS\0\0\x01MMacceleration', 'latin1'))),
    )
    const kept = stripLocation(apple, 'jpeg')
    expect(has(kept.bytes, 'Apple iOS\0\0\x01MMacceleration')).toBe(true)
    // The body serial beside it goes all the same.
    expect(has(kept.bytes, '4471002\0')).toBe(false)
  })

  it('leaves a file with none of it as it was, and crafted lengths inside the file', async () => {
    const titled = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
 <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Front before session 1</rdf:li></rdf:Alt></dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>`
    const plain = await fromRaw(picture).jpeg().withXmp(titled).toBuffer()
    const clean = await flatJpeg(40, 30)
    expect(stripLocation(clean, 'jpeg').bytes).toBe(clean)
    const lying = withSegment(clean, app13([[90, 'London']]))
    // The IPTC block claims 60000 bytes for its city.
    lying.writeUInt16BE(60000, lying.indexOf('London') - 2)
    expect(() => stripLocation(lying, 'jpeg')).not.toThrow()
    expect(stripLocation(lying, 'jpeg').bytes.length).toBe(lying.length)
    expect(stripLocation(plain, 'jpeg').removed).toBe(false)
  })

  it('blanks in a scratch copy as it would in a fresh one, giving back bytes of their own', async () => {
    const files = [
      ['jpeg', await fromRaw(picture).jpeg().withXmp(XMP).toBuffer()],
      ['png', await fromRaw(picture).png().withXmp(XMP).toBuffer()],
      ['webp', await fromRaw(picture).webp().withXmp(XMP).toBuffer()],
      ['jpeg', await flatJpeg(40, 30)],
    ] as const
    const size = Math.max(...files.map(([, file]) => file.length)) + 16
    // A Node Buffer too, whose `slice` would be a view of the scratch rather than bytes of their own.
    for (const scratch of [new Uint8Array(size).fill(7), Buffer.alloc(size, 7)])
      for (const [format, file] of files) {
        const fresh = stripLocation(file, format)
        const reused = stripLocation(file, format, scratch)
        expect(reused.removed, format).toBe(fresh.removed)
        expect(Buffer.from(reused.bytes).equals(Buffer.from(fresh.bytes)), format).toBe(true)
        if (!reused.removed) expect(reused.bytes, format).toBe(file)
        else expect(reused.bytes.buffer, format).not.toBe(scratch.buffer)
      }
  })
})

describe('photo import: XMP and IPTC locations', () => {
  it('stores the original without its XMP or IPTC location, and says so in the record', async () => {
    const { photos, patient, originalOf } = backend()
    const bytes = withSegment(await fromRaw(picture).jpeg().withXmp(XMP).toBuffer(), app13([[90, 'Leith']]))
    const { photo } = await photos.import({ patientId: patient(), name: 'front.jpg', lastModified: 0, bytes })
    const stored = fs.readFileSync(originalOf(photo))
    expect(stored.length).toBe(bytes.length)
    for (const place of [...PLACES, 'Leith']) expect(has(stored, place), place).toBe(false)
    expect(has(stored, 'Front before session 1')).toBe(true)
    expect(photo.locationRemovedAt).toBe(photo.importedAt)
  })
})
