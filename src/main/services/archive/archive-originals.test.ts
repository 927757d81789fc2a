import { createHash } from 'node:crypto'
import exifReader from 'exif-reader'
import { unzipSync } from 'fflate'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import type { Bed } from '../../../../test/node/archive-bed'
import { recordsOf, storedBytes } from '../../../../test/node/archive-bed'
import { call, importArchive } from '../../../../test/node/bridge-call'
import { jpegWithGps } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><photoshop:City>Leith</photoshop:City>
</rdf:Description></rdf:RDF></x:xmpmeta>`

/** The JPEG with an APP1 XMP segment put after its start marker, its EXIF untouched. */
function withXmpSegment(jpeg: Buffer): Buffer {
  const payload = Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP}`, 'utf8')
  const head = Buffer.alloc(4)
  head.writeUInt16BE(0xffe1, 0)
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), head, payload, jpeg.subarray(2)])
}

const setRemoval = (bed: Bed, removePhotoLocation: boolean) => {
  const current = bed.settings.get()
  bed.settings.save(current.revision, { ...current.settings, removePhotoLocation })
}
const gpsOf = async (bytes: Uint8Array) => {
  const exif = (await sharp(bytes).metadata()).exif
  return exif ? exifReader(exif).GPSInfo : undefined
}
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text)

/** A patient whose photo was imported while the clinic kept locations: its stored original has them. */
async function patientWithLocatedPhoto(bed: Bed) {
  setRemoval(bed, false)
  const patient = bed.patients.create(validFields({ fullName: 'Ana Ruiz' }))
  const bytes = withXmpSegment(await jpegWithGps(64, 48))
  const { photo } = await bed.photos.import({ patientId: patient.id, name: 'front.jpg', lastModified: 0, bytes })
  const stored = storedBytes(bed, `originals/${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`)
  expect((await gpsOf(stored))?.GPSLatitude).toEqual([51, 30, 26.28])
  expect(has(stored, 'Leith')).toBe(true)
  return { patientId: patient.id, photo }
}

describe('a patient archive’s photo originals', () => {
  it('leave without their GPS block or XMP location, renamed by their new hash, and import elsewhere', async () => {
    const source = newBed()
    const { patientId, photo } = await patientWithLocatedPhoto(source)
    setRemoval(source, true)

    const archive = await call(source, 'archives.export', { patientId })
    const entries = unzipSync(archive.bytes)
    const records = JSON.parse(new TextDecoder().decode(entries['records.json'])) as {
      photos: { sha256: string; location_removed_at: string | null; byte_size: number }[]
    }
    const [record] = records.photos
    expect(record?.sha256).not.toBe(photo.sha256)
    expect(record?.location_removed_at).not.toBeNull()
    const original = entries[`photos/originals/${record?.sha256}.jpg`] as Uint8Array
    expect(createHash('sha256').update(original).digest('hex')).toBe(record?.sha256)
    expect(original.length).toBe(record?.byte_size)
    expect(await gpsOf(original)).toBeUndefined()
    expect(has(original, 'Leith')).toBe(false)
    expect(Object.keys(entries).filter((e) => e.includes(photo.sha256))).toEqual([])

    const target = newBed()
    expect((await importArchive(target, archive.bytes, 'copy')).status).toBe('imported')
    const [arrived] = recordsOf(target, patientId)?.photos ?? []
    const kept = storedBytes(target, `originals/${arrived?.sha256.slice(0, 2)}/${arrived?.sha256}.jpg`)
    expect(await gpsOf(kept)).toBeUndefined()
    // The clinic's own copy is not touched by exporting it.
    expect(
      (await gpsOf(storedBytes(source, `originals/${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`)))?.GPSLatitude,
    ).toBeDefined()
  })

  it('keep their location when the clinic keeps locations', async () => {
    const source = newBed()
    const { patientId, photo } = await patientWithLocatedPhoto(source)
    const entries = unzipSync((await call(source, 'archives.export', { patientId })).bytes)
    const original = entries[`photos/originals/${photo.sha256}.jpg`] as Uint8Array
    expect((await gpsOf(original))?.GPSLatitude).toEqual([51, 30, 26.28])
  })
})
