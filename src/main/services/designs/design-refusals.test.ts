import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hairline, landmark, p, pin, validDesign, zone } from '../../../../test/fixtures/designs'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

/** A 200 × 150 photo whose design has been saved twice, so a refused save has something to spoil. */
async function designedPhoto() {
  const bed = backend()
  const photo = await bed.plainPhoto()
  bed.designs.save(photo.id, null, validDesign([zone()]))
  const design = bed.designs.save(photo.id, 1, validDesign())
  const stored = () => bed.db.prepare('SELECT * FROM designs WHERE photo_id = ?').get(photo.id)
  return { ...bed, photo, design, stored }
}

const bowTie = [p(60, 70), p(140, 130), p(140, 70), p(60, 130)]

describe('designs.save refuses a document it cannot store, and keeps the saved one', () => {
  // What is sent, the field the editor should point at, and the message the person reads.
  const cases: [string, unknown, string, RegExp][] = [
    [
      'a zone whose outline crosses itself',
      validDesign([zone({ points: bowTie })]),
      'document.objects.0.points',
      /^Crown: A zone outline must not cross itself$/,
    ],
    [
      'a hairline with one point',
      validDesign([hairline({ points: [p(20, 60)] })]),
      'document.objects.0.points',
      /^Hairline: A hairline needs at least two points$/,
    ],
    [
      'an object of a kind Stipple does not know',
      { schema: 1, objects: [{ ...pin(), kind: 'tattoo' }] },
      'document.objects.0.kind',
      /^An object is a hairline, zone, scar, landmark or pin$/,
    ],
    [
      'an object with a key the format does not have',
      { schema: 1, objects: [{ ...zone(), opacity: 0.5 }] },
      'document.objects.0.opacity',
      /^Unknown field: document.objects.0.opacity$/,
    ],
    [
      'a document with a key the format does not have',
      { ...validDesign(), layers: [] },
      'document.layers',
      /^Unknown field: document.layers$/,
    ],
    [
      'two objects with one id',
      validDesign([zone(), zone({ name: 'Frontal', role: 'frontal' })]),
      'document.objects.1.id',
      /^Two objects share the id z1$/,
    ],
    [
      'two midlines',
      validDesign([landmark(), landmark({ id: 'm2', points: [p(90, 10), p(95, 140)] })]),
      'document.objects.1.role',
      /^The design has more than one midline landmark$/,
    ],
    [
      'a format version this Stipple does not write',
      { schema: 2, objects: [] },
      'document.schema',
      /^Not a design document of version 1$/,
    ],
    [
      'a coordinate that is not a number',
      validDesign([zone({ points: [p(60, 70), p(Number.NaN, 70), p(140, 130)] })]),
      'document.objects.0.points.1.x',
      /^A coordinate must be a number$/,
    ],
    [
      'a point past the right edge of the photo',
      validDesign([zone(), zone({ id: 'z2', name: 'Temples', points: [p(60, 10), p(201, 10), p(60, 40)] })]),
      'document.objects.1.points.1',
      /^Temples: point 2 lies outside the photo/,
    ],
    [
      'a point above the top of the photo',
      validDesign([pin({ points: [p(50, -0.5)] })]),
      'document.objects.0.points.0',
      /^Mole: point 1 lies outside the photo/,
    ],
  ]

  it.each(cases)('%s', async (_, document, field, message) => {
    const { dispatch, photo, design, designs, stored } = await designedPhoto()
    const before = stored()

    const result = await dispatch('designs.save', { photoId: photo.id, baseRevision: design.revision, document })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (result.ok) return
    expect(result.error.message).toMatch(message)
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual([field])

    expect(stored()).toEqual(before)
    expect(designs.forPhoto(photo.id)).toEqual(design)
  })

  it('names the object with a point off the photo, by its name or else its kind', async () => {
    const { dispatch, photo, design } = await designedPhoto()
    const named = await dispatch('designs.save', {
      photoId: photo.id,
      baseRevision: design.revision,
      document: validDesign([zone({ points: [p(60, 70), p(140, 70), p(140, 151)] })]),
    })
    expect(named).toMatchObject({
      ok: false,
      error: { message: 'Crown: point 3 lies outside the photo (200 × 150 px); move it back onto the photo.' },
    })
    const unnamed = await dispatch('designs.save', {
      photoId: photo.id,
      baseRevision: design.revision,
      document: validDesign([zone({ name: '', points: [p(-1, 70), p(140, 70), p(140, 140)] })]),
    })
    expect(unnamed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Density zone: point 1 /) } })
  })

  it('accepts points on the very edges of the photo', async () => {
    const { designs, photo, design } = await designedPhoto()
    const corners = validDesign([zone({ points: [p(0, 0), p(200, 0), p(200, 150), p(0, 150)] })])
    expect(designs.save(photo.id, design.revision, corners).document).toEqual(corners)
  })
})

describe('a stored design this version cannot read', () => {
  /** A photo whose design row holds `document` as if another Stipple had written it. */
  async function photoWithStored(document: object & { schema: number }) {
    const bed = backend()
    const photo = await bed.plainPhoto()
    bed.db
      .prepare(
        `INSERT INTO designs (id, patient_id, photo_id, document, schema_version, created_at, updated_at, revision)
         VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 3)`,
      )
      .run(randomUUID(), photo.patientId, photo.id, JSON.stringify(document), document.schema)
    const stored = () => bed.db.prepare('SELECT * FROM designs WHERE photo_id = ?').get(photo.id)
    return { ...bed, photo, stored }
  }

  it('from a newer Stipple: says to update, and refuses to overwrite it', async () => {
    const future = { schema: 99, objects: [zone(), { kind: 'brush', id: 'b1' }], layers: ['session 1'] }
    const { dispatch, designs, photo, stored } = await photoWithStored(future)
    const before = stored()

    expect(await dispatch('designs.forPhoto', { photoId: photo.id })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'This design was saved by a newer version of Stipple (format 99; this version reads up to 1). Update Stipple to open it.',
      },
    })
    for (const baseRevision of [3, null]) {
      const save = await dispatch('designs.save', { photoId: photo.id, baseRevision, document: validDesign() })
      expect(save).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/newer version of Stipple.*did not overwrite it/) },
      })
    }
    expect(stored()).toEqual(before)
    // The library still shows that the photo has a design.
    expect(designs.list(photo.patientId)).toMatchObject([{ photoId: photo.id, revision: 3, objectCount: 2 }])
  })

  it('damaged: says so rather than opening part of it, and refuses to overwrite it', async () => {
    const { dispatch, photo, stored } = await photoWithStored(validDesign([pin(), zone({ points: bowTie })]))
    const before = stored()

    expect(await dispatch('designs.forPhoto', { photoId: photo.id })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The saved design is damaged and cannot be opened (Crown: A zone outline must not cross itself).',
      },
    })
    const save = await dispatch('designs.save', { photoId: photo.id, baseRevision: 3, document: validDesign() })
    expect(save).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/did not overwrite it/) },
    })
    expect(stored()).toEqual(before)
  })
})
