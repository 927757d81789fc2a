import { describe, expect, it } from 'vitest'
import { validDesign, zone } from '../../../../test/fixtures/designs'
import { session, share } from '../../../../test/fixtures/plans'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { designedPatient } from '../../../../test/node/plan-bed'
import { refusal } from '../../../../test/node/service-refusal'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

/** A patient whose plan treats the Crown zone (`z1`) in two sessions and nothing in Frontal (`z2`). */
async function treatedPatient() {
  const bed = await designedPatient(backend())
  const plan = bed.plans.save(bed.patientId, 0, {
    technique: 'permanent',
    sessions: [
      session({ id: 'one', startsAt: '2026-03-10T09:00', treatments: [share(bed.design.id, 'z1', 0.3)] }),
      session({ id: 'two', startsAt: '2026-03-24T09:00', treatments: [share(bed.design.id, 'z1', 0.4)] }),
    ],
  })
  const storedDesign = () => bed.db.prepare('SELECT * FROM designs WHERE id = ?').get(bed.design.id)
  return { ...bed, plan, storedDesign }
}

describe('a design whose zones a plan treats', () => {
  it('cannot lose a treated zone: the save is refused naming the zone and its sessions, and nothing is written', async () => {
    const { dispatch, photo, design, storedDesign, designs } = await treatedPatient()
    const before = storedDesign()
    const withoutCrown = validDesign(design.document.objects.filter((o) => o.id !== 'z1'))

    const result = await dispatch('designs.save', {
      photoId: photo.id,
      baseRevision: design.revision,
      document: withoutCrown,
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'Crown is treated in the sessions of 10 Mar 2026 and 24 Mar 2026; take it out of the plan before removing it from the design.',
      },
    })
    expect(storedDesign()).toEqual(before)
    expect(designs.forPhoto(photo.id)).toEqual(design)
  })

  it('may still be redrawn, renamed, or lose a zone no session treats', async () => {
    const { designs, photo, design } = await treatedPatient()
    const reshaped = validDesign([zone({ name: 'Vertex', points: [...zone().points].reverse() })])
    expect(designs.save(photo.id, design.revision, reshaped).document).toEqual(reshaped)
  })

  it('answers a stale save with the conflict, whatever it drops', async () => {
    const { designs, photo, design } = await treatedPatient()
    designs.save(photo.id, design.revision, design.document)
    const stale = refusal(() => designs.save(photo.id, design.revision, validDesign([])))
    expect(stale.code).toBe('conflict')
  })

  it('keeps its photo: a delete is refused naming the sessions, until the plan no longer treats it', async () => {
    const { dispatch, photos, plans, patientId, photo, designs, plan } = await treatedPatient()
    const refused = await dispatch('photos.delete', { id: photo.id })
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'The design on this photo is treated in the sessions of 10 Mar 2026 and 24 Mar 2026; take its zones out of those sessions before deleting the photo.',
      },
    })
    expect(photos.get(photo.id).id).toBe(photo.id)
    expect(designs.forPhoto(photo.id)).not.toBeNull()

    plans.save(patientId, 1, { technique: 'permanent', sessions: plan.sessions.slice(0, 1) })
    await expect(photos.remove(photo.id)).rejects.toThrow(
      /the session of 10 Mar 2026; take its zones out of that session/,
    )

    plans.save(patientId, 2, { technique: 'permanent', sessions: [] })
    expect(await dispatch('photos.delete', { id: photo.id })).toMatchObject({ ok: true, value: { id: photo.id } })
  })
})

describe("a photo's session", () => {
  it('is set to a session of its patient, cleared, and kept with the photo', async () => {
    const { dispatch, photos, photo } = await treatedPatient()
    const linked = await dispatch('photos.update', {
      id: photo.id,
      revision: photo.revision,
      fields: { view: 'crown', caption: 'After session 2', sessionId: 'two' },
    })
    expect(linked).toMatchObject({ ok: true, value: { sessionId: 'two', revision: photo.revision + 1 } })
    expect(photos.list(photo.patientId)[0]?.sessionId).toBe('two')

    const cleared = photos.update(photo.id, photo.revision + 1, { view: 'crown', caption: '', sessionId: null })
    expect(cleared.sessionId).toBeNull()
    expect(photos.get(photo.id).sessionId).toBeNull()
  })

  it.each([
    ["another patient's session", 'theirs'],
    ['a session that does not exist', 'nowhere'],
  ])('refuses %s with a message on the field, and leaves the photo as it was', async (_, sessionId) => {
    const bed = await treatedPatient()
    const other = await designedPatient(bed)
    other.plans.save(other.patientId, 0, { technique: 'permanent', sessions: [session({ id: 'theirs' })] })
    const result = await bed.dispatch('photos.update', {
      id: bed.photo.id,
      revision: bed.photo.revision,
      fields: { view: 'crown', caption: 'After', sessionId },
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: "That session is not in this patient's treatment plan.",
        fieldErrors: { 'fields.sessionId': "Choose one of this patient's sessions" },
      },
    })
    expect(bed.photos.get(bed.photo.id)).toMatchObject({ view: 'other', caption: '', sessionId: null, revision: 1 })
  })
})
