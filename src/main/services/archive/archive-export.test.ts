import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import type { Bed } from '../../../../test/node/archive-bed'
import { recordsOf, storedBytes } from '../../../../test/node/archive-bed'
import { call, refusal } from '../../../../test/node/bridge-call'
import { flatJpeg, jpegWithGps } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { ArchiveManifest } from '../../../shared/archive/archive-format'
import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { decoding } from '../isolation/decoding'
import { stripLocation } from '../photos/strip-location'
import { photoEntries } from './archive-check-photos'
import { countsOf } from './archive-check-records'
import { sha256Of, writeArchive } from './archive-zip'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)
afterEach(() => {
  vi.restoreAllMocks()
})

const setRemoval = (bed: Bed, removePhotoLocation: boolean) => {
  const current = bed.settings.get()
  bed.settings.save(current.revision, { ...current.settings, removePhotoLocation })
}

/**
 * A patient with a photo imported while the clinic kept locations (its stored original has its
 * GPS block), one whose location was removed at import, and one that never had any.
 */
async function patientWithThreePhotos(bed: Bed) {
  const patientId = bed.patients.create(validFields({ fullName: 'Ana Ruiz' })).id
  const add = async (name: string, bytes: Buffer) =>
    (await bed.photos.import({ patientId, name, lastModified: 0, bytes })).photo
  setRemoval(bed, false)
  const kept = await add('kept.jpg', await jpegWithGps(64, 48))
  setRemoval(bed, true)
  const stripped = await add('stripped.jpg', await jpegWithGps(80, 60))
  await add('plain.jpg', await flatJpeg(96, 72))
  expect(recordsOf(bed, patientId)?.photos.find((p) => p.id === stripped.id)?.location_removed_at).not.toBeNull()
  expect(recordsOf(bed, patientId)?.photos.find((p) => p.id === kept.id)?.location_removed_at).toBeNull()
  return patientId
}

/**
 * The archive as an export made it before its photos went to the packing by path: each stored
 * file read, each original stripped as an import strips it (renamed by its new hash, dated when
 * stripped) when the clinic removes locations, all of it zipped by `writeArchive`.
 */
function archiveMadeByHand(bed: Bed, patientId: string, manifest: ArchiveManifest, removeLocation: boolean) {
  const records = recordsOf(bed, patientId)
  if (!records) throw new Error('no such patient')
  const files: [string, Uint8Array][] = []
  const photos = records.photos.map((stored) => {
    const extension = path.extname(photoEntries(stored).original)
    const read = (folder: string, ext: string) =>
      storedBytes(bed, `${folder}/${stored.sha256.slice(0, 2)}/${stored.sha256}${ext}`)
    const original = read('originals', extension)
    const stripped = removeLocation ? stripLocation(original, stored.format as PhotoFormat) : null
    const photo = stripped?.removed
      ? {
          ...stored,
          sha256: sha256Of(stripped.bytes),
          location_removed_at: stored.location_removed_at ?? manifest.createdAt,
        }
      : stored
    const entries = photoEntries(photo)
    files.push(
      [entries.original, stripped?.removed ? stripped.bytes : original],
      [entries.working, read('working', '.jpg')],
      [entries.thumbnail, read('thumbnails', '.jpg')],
    )
    return photo
  })
  const chunks: Uint8Array[] = []
  writeArchive(
    {
      appVersion: manifest.appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      createdAt: manifest.createdAt,
      patient: manifest.patient,
      counts: countsOf(records),
      records: { ...records, photos },
      files,
    },
    (chunk) => chunks.push(chunk),
  )
  return Buffer.concat(chunks)
}

/** Exports the patient, noting the decode jobs it ran and every file main read whole meanwhile. */
async function exported(bed: Bed, patientId: string) {
  const jobs: string[] = []
  const run = decoding.run.bind(decoding)
  vi.spyOn(decoding, 'run').mockImplementation((name, input, limits) => {
    jobs.push(name)
    return run(name, input, limits)
  })
  const readWhole: string[] = []
  const readFile = fs.promises.readFile.bind(fs.promises)
  vi.spyOn(fs.promises, 'readFile').mockImplementation(((file: fs.PathLike, options?: unknown) => {
    readWhole.push(String(file))
    return readFile(file, options as undefined)
  }) as typeof fs.promises.readFile)
  const archive = await call(bed, 'archives.export', { patientId })
  vi.restoreAllMocks()
  const manifest = JSON.parse(new TextDecoder().decode(unzipSync(archive.bytes)['manifest.json'])) as ArchiveManifest
  const photosDir = path.join(bed.dataDir, 'photos')
  return {
    bytes: Buffer.from(archive.bytes),
    manifest,
    jobs,
    photoFilesRead: readWhole.filter((f) => f.startsWith(photosDir)),
  }
}

describe('exporting a patient', () => {
  it('packs the stored photo files by path in one decode job, stripping the originals there, byte for byte as before', async () => {
    const bed = newBed()
    const patientId = await patientWithThreePhotos(bed)

    const archive = await exported(bed, patientId)

    expect(archive.bytes.equals(archiveMadeByHand(bed, patientId, archive.manifest, true))).toBe(true)
    expect(archive.jobs).toEqual(['packArchive'])
    expect(archive.photoFilesRead).toEqual([])
    // The photo kept with its location leaves without it, under its new hash; the others as stored.
    const renamed = recordsOf(bed, patientId)?.photos.filter(
      (stored) => !archive.manifest.entries.some((entry) => entry.path === photoEntries(stored).original),
    )
    expect(renamed?.map((photo) => photo.original_name)).toEqual(['kept.jpg'])
  }, 60_000)

  it('packs the originals as stored when the clinic keeps locations', async () => {
    const bed = newBed()
    const patientId = await patientWithThreePhotos(bed)
    setRemoval(bed, false)

    const archive = await exported(bed, patientId)

    expect(archive.bytes.equals(archiveMadeByHand(bed, patientId, archive.manifest, false))).toBe(true)
    expect(archive.jobs).toEqual(['packArchive'])
    expect(archive.photoFilesRead).toEqual([])
  }, 60_000)

  it('is refused, naming the photo, when one of its files is missing from the photo folder', async () => {
    const bed = newBed()
    const patientId = await patientWithThreePhotos(bed)
    const photo = recordsOf(bed, patientId)?.photos.find((p) => p.original_name === 'plain.jpg')
    fs.rmSync(path.join(bed.dataDir, 'photos', 'working', photo?.sha256.slice(0, 2) ?? '', `${photo?.sha256}.jpg`))

    expect(await refusal(bed, 'archives.export', { patientId })).toEqual({
      code: 'conflict',
      message:
        'A file of photo “plain.jpg” is missing from this machine’s photo folder, so the archive was not made. Remove the photo or restore a backup, then export again.',
    })
  })
})
