import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { call } from '../../../../test/node/bridge-call'
import { flatJpeg, fromRaw, jpegOf, PALETTE, rawImage } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { appleAcceleration, viewHintFromMetadata } from './view-hint'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const picture = rawImage(48, 32, (x) => (x < 24 ? PALETTE.red : PALETTE.blue))

/** A panorama-style XMP giving the camera's pitch, degrees above the horizon. */
const pitchXmp = (degrees: number) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/" GPano:PosePitchDegrees="${degrees}"/></rdf:RDF></x:xmpmeta>`

/** An iPhone's maker note holding only its acceleration vector, in g (Apple's layout: big-endian, offsets from the note). */
function appleNote([x, y, z]: [number, number, number]): Buffer {
  const note = Buffer.alloc(32 + 24)
  note.write('Apple iOS\0', 0, 'latin1')
  note.writeUInt16BE(1, 10)
  note.write('MM', 12, 'latin1')
  note.writeUInt16BE(1, 14)
  note.writeUInt16BE(0x0008, 16)
  note.writeUInt16BE(10, 18)
  note.writeUInt32BE(3, 20)
  note.writeUInt32BE(32, 24)
  for (const [i, g] of [x, y, z].entries()) {
    note.writeInt32BE(Math.round(g * 10000), 32 + i * 8)
    note.writeInt32BE(10000, 36 + i * 8)
  }
  return note
}

/** A JPEG whose EXIF holds the maker note, written segment by segment as a phone does. */
async function iphoneJpeg(note: Buffer): Promise<Buffer> {
  const tiff = Buffer.alloc(48 + note.length)
  tiff.write('MM\0*', 0, 'latin1')
  tiff.writeUInt32BE(8, 4)
  tiff.writeUInt16BE(1, 8)
  tiff.writeUInt16BE(0x8769, 10) // Exif IFD pointer
  tiff.writeUInt16BE(4, 12)
  tiff.writeUInt32BE(1, 14)
  tiff.writeUInt32BE(26, 18)
  tiff.writeUInt16BE(1, 26)
  tiff.writeUInt16BE(0x927c, 28) // MakerNote, UNDEFINED at 48
  tiff.writeUInt16BE(7, 30)
  tiff.writeUInt32BE(note.length, 32)
  tiff.writeUInt32BE(48, 36)
  note.copy(tiff, 48)
  const head = Buffer.alloc(10)
  head.writeUInt16BE(0xffe1, 0)
  head.writeUInt16BE(8 + tiff.length, 2)
  head.write('Exif\0\0', 4, 'latin1')
  const jpeg = await flatJpeg(40, 30)
  return Buffer.concat([jpeg.subarray(0, 2), head, tiff, jpeg.subarray(2)])
}

const hintOf = async (bytes: Buffer) => {
  const { exif, xmp } = await sharp(bytes).metadata()
  return viewHintFromMetadata({ exif, xmp })
}

describe('the view a photo’s own metadata points to', () => {
  it('is the top when the camera pointed down at the head, by its XMP pitch', async () => {
    expect(await hintOf(await fromRaw(picture).jpeg().withXmp(pitchXmp(-85)).toBuffer())).toEqual({
      view: 'top',
      reason: 'the camera pointed down at 85° (its XMP pitch)',
    })
    expect(await hintOf(await fromRaw(picture).jpeg().withXmp(pitchXmp(-62.5)).toBuffer())).toMatchObject({
      view: 'top',
    })
  })

  it('is nothing for a camera held about level: front, sides and back look the same to it', async () => {
    expect(await hintOf(await fromRaw(picture).jpeg().withXmp(pitchXmp(-10)).toBuffer())).toBeNull()
    expect(await hintOf(await fromRaw(picture).jpeg().withXmp(pitchXmp(-45)).toBuffer())).toBeNull()
  })

  it("is the top when an iPhone's motion sensor says it was held flat, whichever way round", async () => {
    const flat = await iphoneJpeg(appleNote([0.02, -0.05, -0.99]))
    expect(appleAcceleration(appleNote([0.02, -0.05, -0.99]))?.[2]).toBeCloseTo(-0.99, 4)
    expect(await hintOf(flat)).toEqual({
      view: 'top',
      reason: 'the phone was held flat over the head (its motion sensor)',
    })
    expect(await hintOf(await iphoneJpeg(appleNote([0.9, 0.1, -0.42]))))
      // Turned a quarter to landscape and tilted 25° from upright: level enough to be any side.
      .toBeNull()
    expect(await hintOf(await iphoneJpeg(appleNote([0, -0.98, -0.17])))).toBeNull()
  })

  it('is nothing from the orientation or the shape alone, nor from no metadata at all', async () => {
    for (const orientation of [1, 3, 6, 8])
      expect(await hintOf(await jpegOf(picture, { orientation })), `orientation ${orientation}`).toBeNull()
    expect(await hintOf(await flatJpeg(30, 60))).toBeNull()
    expect(viewHintFromMetadata({})).toBeNull()
    expect(appleAcceleration(Buffer.from('Canon maker note'))).toBeNull()
  })

  it('is asked of main for a stored photo, whose original keeps the pitch and Apple’s note', async () => {
    const bed = backend()
    const patientId = bed.patient()
    const down = await bed.photos.import({
      patientId,
      name: 'IMG_4410.jpg',
      lastModified: 0,
      bytes: await iphoneJpeg(appleNote([0.01, 0.03, -1])),
    })
    const level = await bed.photos.import({
      patientId,
      name: 'IMG_4411.jpg',
      lastModified: 0,
      bytes: await fromRaw(picture).jpeg().withXmp(pitchXmp(-5)).toBuffer(),
    })
    expect(await call(bed, 'photos.viewHint', { id: down.photo.id })).toMatchObject({ view: 'top' })
    expect(await call(bed, 'photos.viewHint', { id: level.photo.id })).toBeNull()
  })
})
