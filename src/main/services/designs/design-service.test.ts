import { describe, expect, it } from 'vitest'
import { hairline, p, pin, validDesign, zone } from '../../../../test/fixtures/designs'
import { flatJpeg, PALETTE } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { refusal } from '../../../../test/node/service-refusal'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { Design } from '../../../shared/design/design-types'
import { openBackend } from '../../backend'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000'

/** A patient with one 200 × 150 photo, ready to design on. */
async function photoToDesign() {
  const bed = backend()
  const photo = await bed.plainPhoto()
  /** The design row exactly as stored, to prove a refused save changed nothing. */
  const stored = () => bed.db.prepare('SELECT * FROM designs WHERE photo_id = ?').get(photo.id)
  return { ...bed, photo, stored }
}

describe('saving and opening a design', () => {
  it('has no design before the first save, then opens the identical document, also after a restart', async () => {
    const { designs, photo, dispatch, db, dataDir } = await photoToDesign()
    expect(designs.forPhoto(photo.id)).toBeNull()
    expect(await dispatch('designs.forPhoto', { photoId: photo.id })).toEqual({ ok: true, value: null })

    const document = validDesign()
    const saved = await dispatch('designs.save', { photoId: photo.id, baseRevision: null, document })
    expect(saved).toMatchObject({
      ok: true,
      value: { photoId: photo.id, patientId: photo.patientId, revision: 1, document },
    })
    const design = saved.ok ? (saved.value as Design) : null
    expect(design?.createdAt).toBe(design?.updatedAt)
    expect(designs.forPhoto(photo.id)).toEqual(design)

    db.close()
    const restarted = openBackend({ dataDir, shell: 'web', version: '0.0.0-test' })
    expect(await restarted.dispatch('designs.forPhoto', { photoId: photo.id })).toEqual(saved)
    restarted.close()
  })

  it('saves over the revision it was opened at, bumping the revision and the time changed', async () => {
    const { designs, photo } = await photoToDesign()
    const first = designs.save(photo.id, null, validDesign([zone()]))
    const edited = validDesign([zone({ density: 180, points: [p(50, 60), p(150, 60), p(100, 140)] }), pin()])
    const second = designs.save(photo.id, first.revision, edited)

    expect(second).toMatchObject({ id: first.id, revision: 2, createdAt: first.createdAt, document: edited })
    expect(second.updatedAt > first.updatedAt).toBe(true)
    expect(designs.forPhoto(photo.id)).toEqual(second)
    expect(designs.save(photo.id, 2, validDesign()).revision).toBe(3)
  })

  it('refuses a save from a stale revision with a message to reopen, keeping the newer design', async () => {
    const { designs, photo, stored } = await photoToDesign()
    designs.save(photo.id, null, validDesign([zone()]))
    designs.save(photo.id, 1, validDesign([zone({ name: 'Crown, second pass' })]))
    const before = stored()

    const stale = refusal(() => designs.save(photo.id, 1, validDesign([zone({ name: 'Overwritten' })])))
    expect(stale.code).toBe('conflict')
    expect(stale.message).toBe('This design was changed elsewhere (revision 2); reopen it to see the latest.')
    expect(stored()).toEqual(before)
    expect(designs.forPhoto(photo.id)?.document.objects[0]?.name).toBe('Crown, second pass')
  })

  it('refuses a first save when the photo already has a design, and an update when it has none', async () => {
    const { designs, photo, stored, rowCount } = await photoToDesign()
    const missing = refusal(() => designs.save(photo.id, 1, validDesign()))
    expect(missing.code).toBe('conflict')
    expect(missing.message).toMatch(/no saved design to update/)
    expect(rowCount('designs')).toBe(0)

    designs.save(photo.id, null, validDesign([zone()]))
    const before = stored()
    const twice = refusal(() => designs.save(photo.id, null, validDesign()))
    expect(twice.code).toBe('conflict')
    expect(twice.message).toBe('This photo already has a saved design (revision 1); reopen it to see the latest.')
    expect(stored()).toEqual(before)
    expect(rowCount('designs')).toBe(1)
  })

  it("opens an archived patient's design but refuses to change it until the record is restored", async () => {
    const { designs, patients, photo, stored, dispatch } = await photoToDesign()
    designs.save(photo.id, null, validDesign([zone()]))
    patients.archive(photo.patientId)
    const before = stored()

    const result = await dispatch('designs.save', { photoId: photo.id, baseRevision: 1, document: validDesign() })
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'This patient is archived; restore the record to change designs.' },
    })
    expect(stored()).toEqual(before)
    expect(designs.forPhoto(photo.id)?.revision).toBe(1)
    expect(designs.list(photo.patientId)).toHaveLength(1)

    patients.restore(photo.patientId)
    expect(designs.save(photo.id, 1, validDesign()).revision).toBe(2)
  })

  it('answers not found for a photo or patient that does not exist', async () => {
    const { dispatch } = await photoToDesign()
    for (const [name, input] of [
      ['designs.forPhoto', { photoId: NO_SUCH_ID }],
      ['designs.save', { photoId: NO_SUCH_ID, baseRevision: null, document: validDesign() }],
      ['designs.list', { patientId: NO_SUCH_ID }],
    ] as const) {
      expect(await dispatch(name, input)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
  })
})

describe('the designs of a patient', () => {
  it("lists one summary per designed photo with its object count, newest first, and none of another patient's", async () => {
    const { designs, photos, photo, patient } = await photoToDesign()
    const crown = await photos.import({
      patientId: photo.patientId,
      name: 'crown.jpg',
      lastModified: null,
      bytes: await flatJpeg(200, 150, PALETTE.blue),
    })
    const undesigned = await photos.import({
      patientId: photo.patientId,
      name: 'side.jpg',
      lastModified: null,
      bytes: await flatJpeg(200, 150, PALETTE.green),
    })
    const other = await photos.import({
      patientId: patient('Ben Okafor'),
      name: 'ben.jpg',
      lastModified: null,
      bytes: await flatJpeg(200, 150, PALETTE.red),
    })
    expect(designs.list(photo.patientId)).toEqual([])

    const front = designs.save(photo.id, null, validDesign())
    const top = designs.save(crown.photo.id, null, validDesign([zone(), hairline({ mirror: false })]))
    designs.save(other.photo.id, null, validDesign([pin()]))

    expect(designs.list(photo.patientId)).toEqual([
      { id: top.id, photoId: crown.photo.id, revision: 1, updatedAt: top.updatedAt, objectCount: 2 },
      { id: front.id, photoId: photo.id, revision: 1, updatedAt: front.updatedAt, objectCount: 6 },
    ])
    expect(designs.list(photo.patientId).map((d) => d.photoId)).not.toContain(undesigned.photo.id)

    const emptied = designs.save(photo.id, 1, validDesign([]))
    expect(designs.list(photo.patientId)[0]).toEqual({
      id: front.id,
      photoId: photo.id,
      revision: 2,
      updatedAt: emptied.updatedAt,
      objectCount: 0,
    })
  })

  it('deletes a design with its photo and keeps the designs of the other photos', async () => {
    const { designs, photos, photo, rowCount, dispatch } = await photoToDesign()
    const kept = await photos.import({
      patientId: photo.patientId,
      name: 'crown.jpg',
      lastModified: null,
      bytes: await flatJpeg(200, 150, PALETTE.blue),
    })
    designs.save(photo.id, null, validDesign())
    const keptDesign = designs.save(kept.photo.id, null, validDesign([zone()]))
    expect(rowCount('designs')).toBe(2)

    expect(await dispatch('photos.delete', { id: photo.id })).toMatchObject({ ok: true })
    expect(rowCount('designs')).toBe(1)
    expect(await dispatch('designs.forPhoto', { photoId: photo.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(designs.list(photo.patientId).map((d) => d.id)).toEqual([keptDesign.id])
    expect(designs.forPhoto(kept.photo.id)).toEqual(keptDesign)
  })
})
