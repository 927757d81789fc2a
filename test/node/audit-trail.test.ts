import { describe, expect, it } from 'vitest'
import type { AuditEntity, AuditEntry } from '../../src/shared/audit/audit-types'
import type { Calibration } from '../../src/shared/photos/photo'
import type { PlanDraft } from '../../src/shared/plan/plan-types'
import { p, pin, scar, validDesign, zone } from '../fixtures/designs'
import { validFields } from '../fixtures/patients'
import { session, share } from '../fixtures/plans'
import { flatJpeg } from './images'
import { photoBackendsForEachTest } from './photo-backend'
import { designedPatient } from './plan-bed'
import { refusal } from './service-refusal'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

type Bed = ReturnType<typeof backend>

/** Every entry of a patient, newest first, optionally of one kind. */
const entriesOf = (bed: Bed, patientId: string, entity: AuditEntity | null = null): AuditEntry[] =>
  bed.audit.forPatient({ patientId, entity, before: null, limit: 200 }).entries

const allEntries = (bed: Bed) => (bed.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n

/** The one entry a change wrote: fails unless exactly one was added. */
function onlyNewEntry(bed: Bed, patientId: string, change: () => unknown): AuditEntry {
  const before = allEntries(bed)
  change()
  expect(allEntries(bed)).toBe(before + 1)
  return entriesOf(bed, patientId)[0] as AuditEntry
}

/** A change that is refused writes no entry. */
function refusedWithoutEntry(bed: Bed, change: () => unknown) {
  const before = allEntries(bed)
  const error = refusal(change)
  expect(allEntries(bed)).toBe(before)
  return error
}

const RULER: Calibration = { a: p(10, 140), b: p(110, 140), lengthMm: 10 }

describe('the audit trail records patient records', () => {
  it('a new record with the fields filled in, then each edited field before → after', () => {
    const bed = backend()
    const created = bed.patients.create(validFields({ phone: '' }))
    const [first] = entriesOf(bed, created.id)
    expect(first).toMatchObject({ entity: 'patient', action: 'created', entityId: created.id, at: created.createdAt })
    expect(first?.entity === 'patient' && first.action === 'created' && first.detail.changes).toEqual(
      expect.arrayContaining([
        { field: 'fullName', before: '', after: 'Ana Ruiz' },
        { field: 'dateOfBirth', before: null, after: '1985-03-14' },
        { field: 'goals', before: [], after: ['density'] },
      ]),
    )

    const edited = onlyNewEntry(bed, created.id, () =>
      bed.patients.update(
        created.id,
        1,
        validFields({
          phone: '+39 06 1234 5678',
          medical: { ...created.medical, keloid: true },
          hairLossPattern: 'ludwig-3',
        }),
      ),
    )
    expect(edited).toMatchObject({
      entity: 'patient',
      action: 'updated',
      detail: {
        changes: [
          { field: 'phone', before: '', after: '+39 06 1234 5678' },
          { field: 'hairLossPattern', before: 'ludwig-2', after: 'ludwig-3' },
          { field: 'medical.keloid', before: false, after: true },
        ],
      },
    })
  })

  it('archive and restore; nothing for a refused edit, a save that changed nothing, or archiving twice', () => {
    const bed = backend()
    const { id } = bed.patients.create(validFields())
    expect(refusedWithoutEntry(bed, () => bed.patients.update(id, 7, validFields({ phone: 'x' }))).code).toBe(
      'conflict',
    )
    const before = allEntries(bed)
    bed.patients.update(id, 1, validFields())
    expect(allEntries(bed)).toBe(before)

    expect(onlyNewEntry(bed, id, () => bed.patients.archive(id))).toMatchObject({ action: 'archived', detail: {} })
    bed.patients.archive(id)
    expect(allEntries(bed)).toBe(before + 1)
    expect(onlyNewEntry(bed, id, () => bed.patients.restore(id))).toMatchObject({ action: 'restored' })
    expect(entriesOf(bed, id).map((e) => e.action)).toEqual(['restored', 'archived', 'created'])
  })
})

describe('the audit trail records photos', () => {
  it('import, details, calibration, measurements and deletion, naming the photo as it was', async () => {
    const bed = backend()
    const patientId = bed.patient()
    const bytes = await flatJpeg(200, 150)
    const outcome = await bed.photos.import({ patientId, name: 'crown.jpg', lastModified: null, bytes })
    const photoId = outcome.photo.id
    expect(entriesOf(bed, patientId).map((e) => e.action)).toEqual(['imported', 'created'])
    const note = { name: 'crown.jpg', view: 'other', takenAt: outcome.photo.takenAt }
    expect(entriesOf(bed, patientId)[0]).toMatchObject({
      entity: 'photo',
      action: 'imported',
      entityId: photoId,
      detail: { photo: note },
    })
    const duplicate = allEntries(bed)
    await bed.photos.import({ patientId, name: 'again.jpg', lastModified: null, bytes })
    expect(allEntries(bed)).toBe(duplicate)

    const tagged = onlyNewEntry(bed, patientId, () =>
      bed.photos.update(photoId, 1, { view: 'crown', caption: 'Before', sessionId: null }),
    )
    expect(tagged).toMatchObject({
      action: 'details-changed',
      detail: {
        photo: { ...note, view: 'crown' },
        changes: [
          { field: 'view', before: 'other', after: 'crown' },
          { field: 'caption', before: '', after: 'Before' },
        ],
      },
    })

    const calibrated = onlyNewEntry(bed, patientId, () => bed.photos.calibrate(photoId, 2, RULER))
    expect(calibrated).toMatchObject({
      action: 'calibrated',
      detail: { before: null, after: { lengthMm: 10, pxPerMm: 10 } },
    })
    refusedWithoutEntry(bed, () => bed.photos.calibrate(photoId, 3, { ...RULER, b: p(25, 140) }))

    let measurementId = ''
    const added = onlyNewEntry(bed, patientId, () => {
      measurementId = bed.photos.addMeasurement(photoId, {
        kind: 'distance',
        label: 'Strip',
        points: [p(10, 10), p(60, 10)],
      }).id
    })
    expect(added).toMatchObject({
      action: 'measurement-added',
      detail: { measurement: { kind: 'distance', label: 'Strip', size: { value: 5, unit: 'mm' } } },
    })
    expect(
      onlyNewEntry(bed, patientId, () => bed.photos.renameMeasurement(measurementId, 'FUT strip width')),
    ).toMatchObject({
      action: 'measurement-renamed',
      detail: { before: 'Strip', measurement: { label: 'FUT strip width' } },
    })
    refusedWithoutEntry(bed, () => bed.photos.renameMeasurement('no-such-measurement', 'x'))
    bed.photos.addMeasurement(photoId, { kind: 'distance', label: 'Kept', points: [p(10, 20), p(60, 20)] })
    expect(onlyNewEntry(bed, patientId, () => bed.photos.removeMeasurement(measurementId))).toMatchObject({
      action: 'measurement-deleted',
      detail: { measurement: { label: 'FUT strip width' } },
    })

    bed.designs.save(photoId, null, validDesign([zone(), pin()]))
    const before = allEntries(bed)
    await bed.photos.remove(photoId)
    expect(allEntries(bed)).toBe(before + 1)
    expect(entriesOf(bed, patientId)[0]).toMatchObject({
      entity: 'photo',
      action: 'deleted',
      entityId: photoId,
      detail: { photo: { name: 'crown.jpg', view: 'crown' }, measurements: 1, designObjects: 2 },
    })
  })
})

describe('the audit trail records designs', () => {
  it('the first save, then objects added, removed and changed by name and kind, not the whole document', async () => {
    const bed = backend()
    const photo = await bed.plainPhoto('front.jpg')
    const created = onlyNewEntry(bed, photo.patientId, () =>
      bed.designs.save(photo.id, null, validDesign([zone(), pin()])),
    )
    expect(created).toMatchObject({
      entity: 'design',
      action: 'created',
      detail: {
        photo: { name: 'front.jpg' },
        added: [
          { id: 'z1', kind: 'zone', name: 'Crown' },
          { id: 'p1', kind: 'pin', name: 'Mole' },
        ],
        removed: [],
        changed: [],
      },
    })

    const moved = [p(60, 70), p(150, 70), p(140, 130), p(60, 130)]
    const changed = onlyNewEntry(bed, photo.patientId, () =>
      bed.designs.save(photo.id, 1, validDesign([zone({ name: 'Crown fill', density: 120, points: moved }), scar()])),
    )
    expect(changed).toMatchObject({
      action: 'changed',
      detail: {
        added: [{ id: 's1', kind: 'scar', name: 'FUT strip' }],
        removed: [{ id: 'p1', kind: 'pin', name: 'Mole' }],
        changed: [
          {
            id: 'z1',
            kind: 'zone',
            name: 'Crown fill',
            changes: [
              { field: 'name', before: 'Crown', after: 'Crown fill' },
              { field: 'density', before: 140, after: 120 },
              { field: 'points', before: 4, after: 4 },
            ],
          },
        ],
        reordered: false,
      },
    })
    expect(JSON.stringify(changed.detail)).not.toContain('"x":')

    refusedWithoutEntry(bed, () => bed.designs.save(photo.id, 1, validDesign([zone()])))
    const same = allEntries(bed)
    bed.designs.save(photo.id, 2, validDesign([zone({ name: 'Crown fill', density: 120, points: moved }), scar()]))
    expect(allEntries(bed)).toBe(same)
    expect(entriesOf(bed, photo.patientId, 'design')).toHaveLength(2)
  })
})

describe('the audit trail records treatment plans', () => {
  const draft = (designId: string): PlanDraft => ({
    technique: 'permanent',
    sessions: [
      session({ id: 'first', startsAt: '2026-04-01T09:00', status: 'done', treatments: [share(designId, 'z1', 0.3)] }),
      session({ id: 'second', startsAt: '2026-04-15T13:30', treatments: [share(designId, 'z2', 0.4)] }),
    ],
  })

  it('sessions added, changed with their zone treatments before → after, and removed', async () => {
    const bed = await designedPatient(backend())
    const { plans, patientId, design } = bed
    const first = onlyNewEntry(bed, patientId, () => plans.save(patientId, 0, draft(design.id)))
    expect(first).toMatchObject({
      entity: 'plan',
      action: 'saved',
      entityId: patientId,
      detail: {
        technique: { field: 'technique', before: null, after: 'permanent' },
        removed: [],
        changed: [],
      },
    })
    expect(first.entity === 'plan' && first.detail.added.map((s) => [s.id, s.treatments])).toEqual([
      ['first', [{ zone: 'Crown', before: null, after: { unit: 'share', value: 0.3 } }]],
      ['second', [{ zone: 'Frontal', before: null, after: { unit: 'share', value: 0.4 } }]],
    ])

    const [done, second] = draft(design.id).sessions as [ReturnType<typeof session>, ReturnType<typeof session>]
    const next = {
      technique: 'permanent' as const,
      sessions: [
        {
          ...second,
          practitioner: 'Sam Lee',
          pigmentId: 'smp-carbon-medium',
          treatments: [share(design.id, 'z2', 0.5), share(design.id, 'z1', 0.2)],
        },
      ],
    }
    const changed = onlyNewEntry(bed, patientId, () => plans.save(patientId, 1, next))
    expect(changed).toMatchObject({
      detail: {
        technique: null,
        added: [],
        removed: [
          {
            id: 'first',
            startsAt: done.startsAt,
            changes: expect.arrayContaining([{ field: 'status', before: 'done', after: null }]),
          },
        ],
        changed: [
          {
            id: 'second',
            changes: [
              { field: 'practitioner', before: 'Dana Reyes', after: 'Sam Lee' },
              { field: 'pigment', before: 'SMP carbon black, dark', after: 'SMP carbon black, medium grey' },
            ],
            treatments: [
              { zone: 'Frontal', before: { unit: 'share', value: 0.4 }, after: { unit: 'share', value: 0.5 } },
              { zone: 'Crown', before: null, after: { unit: 'share', value: 0.2 } },
            ],
          },
        ],
      },
    })
  })

  it('nothing for a refused plan, nor for a save that only changed how a layer is shown', async () => {
    const bed = await designedPatient(backend())
    const { plans, patientId, design } = bed
    plans.save(patientId, 0, draft(design.id))
    refusedWithoutEntry(bed, () =>
      plans.save(patientId, 1, { technique: 'permanent', sessions: [session({ id: 'a', pigmentId: 'gone' })] }),
    )
    refusedWithoutEntry(bed, () => plans.save(patientId, 0, draft(design.id)))
    const before = allEntries(bed)
    const dimmed = draft(design.id).sessions.map((s) => ({ ...s, layer: { visible: false, opacity: 0.3 } }))
    plans.save(patientId, 1, { technique: 'permanent', sessions: dimmed })
    expect(allEntries(bed)).toBe(before)
  })
})

describe('reading the audit trail through the bridge', () => {
  it('pages a patient’s entries newest first, filters by kind, and reports the whole chain intact', async () => {
    const bed = backend()
    const ana = bed.patients.create(validFields())
    const ben = bed.patients.create(validFields({ fullName: 'Ben Okafor' }))
    for (const phone of ['1', '2', '3', '4']) {
      const { revision } = bed.patients.get(ana.id)
      bed.patients.update(ana.id, revision, validFields({ phone }))
    }
    bed.patients.archive(ana.id)

    const first = await bed.dispatch('audit.forPatient', { patientId: ana.id, entity: null, before: null, limit: 4 })
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const page = first.value as { entries: AuditEntry[]; total: number; nextBefore: number | null }
    expect(page.total).toBe(6)
    expect(page.entries.map((e) => e.action)).toEqual(['archived', 'updated', 'updated', 'updated'])
    expect(page.entries.every((e) => e.patientId === ana.id)).toBe(true)
    const rest = bed.audit.forPatient({ patientId: ana.id, entity: null, before: page.nextBefore, limit: 4 })
    expect(rest.entries.map((e) => e.action)).toEqual(['updated', 'created'])
    expect(rest.nextBefore).toBeNull()

    expect(bed.audit.forPatient({ patientId: ana.id, entity: 'photo', before: null, limit: 4 })).toEqual({
      entries: [],
      total: 0,
      nextBefore: null,
    })
    expect(entriesOf(bed, ben.id).map((e) => e.action)).toEqual(['created'])
    expect(await bed.dispatch('audit.verify', {})).toEqual({ ok: true, value: { intact: true, checked: 7 } })
  })

  it('refuses a bad page or an unknown patient with a typed error', async () => {
    const bed = backend()
    const { id } = bed.patients.create(validFields())
    expect(
      await bed.dispatch('audit.forPatient', { patientId: id, entity: 'everything', before: 0, limit: 1000 }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fieldErrors: {
          entity: 'Choose a kind of change from the list',
          before: 'The page must start at 1 or later',
          limit: 'A page holds at most 200 entries',
        },
      },
    })
    expect(
      await bed.dispatch('audit.forPatient', {
        patientId: '7d0c0e9e-3b8e-4a43-9d1a-2f7b8a9c0d11',
        entity: null,
        before: null,
        limit: 10,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
