import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import { call } from '../../../../test/node/bridge-call'
import { flatJpeg, PALETTE } from '../../../../test/node/images'
import { filesUnder, photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { openBackend } from '../../backend'
import { ServiceError } from '../service-error'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const photoFile = (sha256: string) => `/photos/working/${sha256}.jpg`

describe('deleting photos', () => {
  it('keeps the files while another record uses them, removes them with the last one, and takes measurements along', async () => {
    const { photos, patient, storedFiles, rowCount } = backend()
    const bytes = await flatJpeg(200, 100, PALETTE.blue)
    const ana = await photos.import({ patientId: patient('Ana Ruiz'), name: 'a.jpg', lastModified: null, bytes })
    const ben = await photos.import({ patientId: patient('Ben Okafor'), name: 'b.jpg', lastModified: null, bytes })
    const files = storedFiles()
    expect(files).toHaveLength(3)
    photos.addMeasurement(ana.photo.id, {
      kind: 'distance',
      label: 'Temple gap',
      points: [
        { x: 10, y: 10 },
        { x: 60, y: 10 },
      ],
    })
    photos.addMeasurement(ben.photo.id, {
      kind: 'area',
      label: 'Crown',
      points: [
        { x: 10, y: 10 },
        { x: 60, y: 10 },
        { x: 60, y: 60 },
      ],
    })
    expect(rowCount('photo_measurements')).toBe(2)

    expect(await photos.remove(ana.photo.id)).toEqual({ id: ana.photo.id, filesRemoved: false })
    expect(() => photos.get(ana.photo.id)).toThrow(ServiceError)
    expect(rowCount('photo_measurements')).toBe(1)
    expect(storedFiles()).toEqual(files)
    // Ben's photo still draws.
    expect(fs.existsSync(photos.fileFor(ben.photo.sha256, 'working') as string)).toBe(true)
    expect(photos.get(ben.photo.id).measurements).toHaveLength(1)

    expect(await photos.remove(ben.photo.id)).toEqual({ id: ben.photo.id, filesRemoved: true })
    expect(storedFiles()).toEqual([])
    expect(rowCount('photo_measurements')).toBe(0)
    expect(photos.fileFor(ben.photo.sha256, 'working')).toBeNull()
    await expect(photos.remove(ben.photo.id)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('leaves the files in place when the same photo is being imported for someone else at that moment', async () => {
    const { photos, patient, storedFiles } = backend()
    const bytes = await flatJpeg(300, 200, PALETTE.green)
    const ana = await photos.import({ patientId: patient('Ana Ruiz'), name: 'a.jpg', lastModified: null, bytes })
    const benImport = photos.import({ patientId: patient('Ben Okafor'), name: 'b.jpg', lastModified: null, bytes })
    // The delete may come before the import has hashed the file (in a worker) or after: either
    // way the import finds or writes whole files once the delete is done.
    await photos.remove(ana.photo.id)
    const ben = await benImport
    expect(ben.status).toBe('imported')
    expect(storedFiles()).toHaveLength(3)
    expect(fs.existsSync(photos.fileFor(ben.photo.sha256, 'thumbnail') as string)).toBe(true)
  })

  it('sweeps files no record uses and temp files left by a crash, keeping those in use', async () => {
    const { photos, patient, storedFiles, dataDir } = backend()
    const kept = await photos.import({
      patientId: patient(),
      name: 'kept.jpg',
      lastModified: null,
      bytes: await flatJpeg(64, 64, PALETTE.red),
    })
    const inUse = storedFiles()
    const orphan = 'ab'.repeat(32)
    const planted = [
      `originals/ab/${orphan}.jpg`,
      `working/ab/${orphan}.jpg`,
      `thumbnails/ab/${orphan}.jpg`,
      // A write cut off between the temp file and its rename, for the photo that is in use too.
      `working/${kept.photo.sha256.slice(0, 2)}/${kept.photo.sha256}.jpg.0123456789ab.tmp`,
      `originals/cd/${'cd'.repeat(32)}.heic.ba9876543210.tmp`,
    ]
    for (const file of planted) {
      const full = path.join(dataDir, 'photos', file)
      fs.mkdirSync(path.dirname(full), { recursive: true })
      fs.writeFileSync(full, 'leftover')
    }
    expect(storedFiles()).toHaveLength(inUse.length + planted.length)

    expect(photos.sweepUnusedFiles()).toBe(planted.length)
    expect(storedFiles()).toEqual(inUse)
    expect(photos.get(kept.photo.id).sha256).toBe(kept.photo.sha256)
    expect(photos.sweepUnusedFiles()).toBe(0)
  })

  it('sweeps leftovers when the app starts, so the photo folder never fills with debris', async () => {
    const dataDir = tempDir()
    const first = openBackend({ dataDir, shell: 'web', version: 'test' })
    const patient = await call(first, 'patients.create', { fields: validFields() })
    const { sha256 } = (
      await call(first, 'photos.import', {
        patientId: patient.id,
        name: 'a.jpg',
        lastModified: null,
        bytes: new Uint8Array(await flatJpeg(64, 64)),
      })
    ).photo
    first.close()

    const photosDir = path.join(dataDir, 'photos')
    const inUse = filesUnder(photosDir)
    const leftover = path.join(photosDir, 'working', 'ef', `${'ef'.repeat(32)}.jpg`)
    fs.mkdirSync(path.dirname(leftover), { recursive: true })
    fs.writeFileSync(leftover, 'half an import')

    const second = openBackend({ dataDir, shell: 'web', version: 'test' })
    try {
      expect(filesUnder(photosDir)).toEqual(inUse)
      expect(second.photoFile(photoFile(sha256))).not.toBeNull()
      expect(second.photoFile(photoFile('ef'.repeat(32)))).toBeNull()
    } finally {
      second.close()
    }
  })
})
