import { describe, expect, it } from 'vitest'
import { validDesign, zone } from '../../../../test/fixtures/designs'
import { session, share } from '../../../../test/fixtures/plans'
import { flatJpeg, PALETTE } from '../../../../test/node/images'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { designedPatient } from '../../../../test/node/plan-bed'
import { refusal } from '../../../../test/node/service-refusal'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { PlanDraft, Session, TreatmentPlan } from '../../../shared/plan/plan-types'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

const planned = () => designedPatient(backend())

/** Three sessions of a permanent build-up over the design's two zones, as the form would send them. */
function buildUp(designId: string): PlanDraft {
  return {
    technique: 'permanent',
    sessions: [
      session({
        id: 'first',
        startsAt: '2026-04-01T09:00',
        status: 'done',
        treatments: [share(designId, 'z2', 0.3), share(designId, 'z1', 0.3)],
      }),
      session({
        id: 'second',
        startsAt: '2026-04-15T13:30',
        practitioner: 'Sam Lee',
        pigmentId: 'smp-carbon-medium',
        needle: { config: '1RL', diameterMm: 0.2 },
        treatments: [share(designId, 'z1', 0.4), { designId, zoneId: 'z2', amount: { unit: 'perCm2', value: 60 } }],
        notes: 'Blend the crown whorl.',
        layer: { visible: false, opacity: 0.45 },
      }),
      session({ id: 'third', startsAt: '2026-06-20T10:00', treatments: [share(designId, 'z1', 0.3)] }),
    ],
  }
}

const ids = (plan: TreatmentPlan) => plan.sessions.map((s) => s.id)

describe('treatment plans', () => {
  it('start empty and permanent, at revision 0, before the first save', async () => {
    const { plans, patientId } = await planned()
    expect(plans.get(patientId)).toEqual({
      patientId,
      technique: 'permanent',
      sessions: [],
      revision: 0,
      updatedAt: null,
    })
  })

  it('are saved whole and read back: sessions in date order, treatments in their order, layer display', async () => {
    const { dispatch, plans, patientId, design } = await planned()
    const draft = buildUp(design.id)
    const [first, second, third] = draft.sessions as [Session, Session, Session]
    // Sent out of order, as a form might while a date is being typed.
    const result = await dispatch('plans.save', {
      patientId,
      baseRevision: 0,
      draft: { technique: 'permanent', sessions: [third, first, second] },
    })
    expect(result).toEqual({
      ok: true,
      value: { patientId, ...draft, revision: 1, updatedAt: expect.any(String) },
    })
    expect(plans.get(patientId)).toEqual(result.ok && result.value)

    const retimed = { technique: 'temporary' as const, sessions: [first, { ...third, startsAt: '2026-07-01T08:00' }] }
    const again = plans.save(patientId, 1, retimed)
    expect(again).toMatchObject({ technique: 'temporary', revision: 2, sessions: retimed.sessions })
    expect(plans.get(patientId)).toEqual(again)
  })

  it('drop the sessions a save leaves out, with their treatments, and unlink the photos taken at them', async () => {
    const { plans, photos, patientId, design, photo, db } = await planned()
    plans.save(patientId, 0, buildUp(design.id))
    const { photo: later } = await photos.import({
      patientId,
      name: 'crown-after.jpg',
      lastModified: null,
      bytes: await flatJpeg(200, 150, PALETTE.red),
    })
    photos.update(photo.id, photo.revision, { view: 'top', caption: '', sessionId: 'first' })
    photos.update(later.id, later.revision, { view: 'crown', caption: '', sessionId: 'second' })
    const createdAt = () => db.prepare("SELECT created_at FROM sessions WHERE id = 'first'").pluck().get()
    const firstCreated = createdAt()

    const [first, , third] = buildUp(design.id).sessions as [Session, Session, Session]
    const saved = plans.save(patientId, 1, { technique: 'permanent', sessions: [first, third] })

    expect(ids(saved)).toEqual(['first', 'third'])
    expect(db.prepare('SELECT DISTINCT session_id FROM session_treatments ORDER BY 1').pluck().all()).toEqual([
      'first',
      'third',
    ])
    expect(photos.get(later.id).sessionId).toBeNull()
    // A session the save keeps is the same session: its photos stay with it.
    expect(photos.get(photo.id).sessionId).toBe('first')
    expect(createdAt()).toBe(firstCreated)

    expect(plans.save(patientId, 2, { technique: 'permanent', sessions: [] }).sessions).toEqual([])
    expect(db.prepare('SELECT count(*) FROM session_treatments').pluck().get()).toBe(0)
    expect(photos.get(photo.id).sessionId).toBeNull()
  })

  describe('refuse a plan with a problem, naming the field, and leave the stored plan exactly as it was', () => {
    // After the done session, so the only problem is the one each case is about.
    const LATE = '2026-05-20T09:00'
    type Case = [string, (designId: string, otherDesignId: string) => Session, string, RegExp]
    const cases: Case[] = [
      [
        'a session dated before the record was created',
        () => session({ id: 'early', startsAt: '2026-02-20T09:00', status: 'skipped' }),
        'sessions.early.startsAt',
        /dated before the patient's record was created on 1 Mar 2026/,
      ],
      [
        'a session marked done that has not started',
        () => session({ id: 'ahead', startsAt: '2026-07-01T09:00', status: 'done' }),
        'sessions.ahead.status',
        /cannot be done before it starts/,
      ],
      [
        'a session marked done after an earlier one still planned',
        () => session({ id: 'jumped', startsAt: '2026-05-20T09:00', status: 'done' }),
        'sessions.jumped.status',
        /the earlier session on 15 Apr 2026 is still planned/,
      ],
      [
        'a pigment that is not in the catalogue',
        () => session({ id: 'odd-ink', startsAt: LATE, pigmentId: 'no-such-pigment' }),
        'sessions.odd-ink.pigmentId',
        /not in the catalogue/,
      ],
      [
        'a zone its design does not have',
        (designId) => session({ id: 'lost', startsAt: LATE, treatments: [share(designId, 'z9', 0.3)] }),
        'sessions.lost.treatments.{design}:z9',
        /no longer in its design/,
      ],
      [
        "a zone of another patient's design",
        (_, otherDesignId) => session({ id: 'stray', startsAt: LATE, treatments: [share(otherDesignId, 'z1', 0.3)] }),
        'sessions.stray.treatments.{other}:z1',
        /no longer in its design/,
      ],
      [
        'dots so dense they would run together',
        (designId) =>
          session({
            id: 'blob',
            startsAt: LATE,
            needle: { config: '1RL', diameterMm: 1.2 },
            treatments: [{ designId, zoneId: 'z2', amount: { unit: 'perCm2', value: 500 } }],
          }),
        'sessions.blob.treatments.{design}:z2',
        /they would run together/,
      ],
    ]

    it.each(cases)('%s', async (_, bad, field, message) => {
      const bed = await planned()
      const other = await designedPatient(bed)
      const draft = buildUp(bed.design.id)
      bed.plans.save(bed.patientId, 0, draft)
      const before = bed.dump()

      const sessions = [...draft.sessions, bad(bed.design.id, other.design.id)]
      const result = await bed.dispatch('plans.save', {
        patientId: bed.patientId,
        baseRevision: 1,
        draft: { ...draft, sessions },
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      if (result.ok) return
      const key = field.replace('{design}', bed.design.id).replace('{other}', other.design.id)
      expect(result.error.fieldErrors).toEqual({ [key]: expect.stringMatching(message) })
      expect(result.error.message).toMatch(/^The plan was not saved: /)
      expect(bed.dump()).toEqual(before)
    })

    it('sums up several problems, the first in full', async () => {
      const { plans, patientId } = await planned()
      const problem = refusal(() =>
        plans.save(patientId, 0, {
          technique: 'permanent',
          sessions: [session({ id: 'a', pigmentId: 'gone' }), session({ id: 'b', startsAt: '2020-01-01T09:00' })],
        }),
      )
      expect(Object.keys(problem.fieldErrors ?? {}).sort()).toEqual(['sessions.a.pigmentId', 'sessions.b.startsAt'])
      expect(problem.message).toMatch(
        /^The plan was not saved: 2 things need attention, each shown beside its session\. The first: /,
      )
    })

    it("a session that is another patient's", async () => {
      const bed = await planned()
      const other = await designedPatient(bed)
      other.plans.save(other.patientId, 0, { technique: 'permanent', sessions: [session({ id: 'theirs' })] })
      const before = bed.dump()
      const taken = refusal(() =>
        bed.plans.save(bed.patientId, 0, { technique: 'permanent', sessions: [session({ id: 'theirs' })] }),
      )
      expect(taken.fieldErrors).toEqual({ 'sessions.theirs.id': expect.stringMatching(/another plan/) })
      expect(bed.dump()).toEqual(before)
      expect(ids(other.plans.get(other.patientId))).toEqual(['theirs'])
    })

    it('a draft that is not a plan, at the door', async () => {
      const { dispatch, patientId, dump } = await planned()
      const before = dump()
      const result = await dispatch('plans.save', {
        patientId,
        baseRevision: 0,
        draft: { technique: 'permanent', sessions: [{ ...session(), durationMin: 5 }] },
      })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fieldErrors: { 'draft.sessions.0.durationMin': expect.any(String) } },
      })
      expect(dump()).toEqual(before)
    })
  })

  it('refuse a done session of a patient with a scalp condition or chemotherapy until its clearance is recorded', async () => {
    const { plans, patientId, design, db } = await planned()
    db.prepare('UPDATE patients SET scalp_condition = 1, chemotherapy = 1 WHERE id = ?').run(patientId)
    const draft = buildUp(design.id)
    const problem = refusal(() => plans.save(patientId, 0, draft))
    expect(problem.fieldErrors).toEqual({
      'sessions.first.status':
        'This patient has an active scalp condition and a history of chemotherapy: record who gave medical clearance for this session, when and why, before marking it done.',
    })
    const clearance = { by: 'Dr Okafor', on: '2026-03-20', reason: 'Scalp clear; last chemotherapy ended in 2024' }
    const saved = plans.save(patientId, 0, {
      ...draft,
      sessions: draft.sessions.map((s) => (s.id === 'first' ? { ...s, clearance } : s)),
    })
    expect(saved.sessions.find((s) => s.id === 'first')?.clearance).toEqual(clearance)
  })

  it('refuse a save made from a stale copy, keeping the newer plan', async () => {
    const { plans, patientId, design, dump } = await planned()
    plans.save(patientId, 0, buildUp(design.id))
    const before = dump()
    const stale = refusal(() => plans.save(patientId, 0, { technique: 'temporary', sessions: [] }))
    expect(stale.code).toBe('conflict')
    expect(stale.message).toMatch(/changed elsewhere \(revision 1\)/)
    expect(dump()).toEqual(before)
  })

  it("refuse to change an archived patient's plan, which can still be read", async () => {
    const { plans, patients, patientId, design, dump } = await planned()
    const saved = plans.save(patientId, 0, buildUp(design.id))
    patients.archive(patientId)
    const before = dump()
    const archived = refusal(() => plans.save(patientId, 1, { technique: 'permanent', sessions: [] }))
    expect(archived.code).toBe('conflict')
    expect(archived.message).toMatch(/archived/)
    expect(dump()).toEqual(before)
    expect(plans.get(patientId)).toEqual(saved)
  })

  it('answer an unknown patient as not found', async () => {
    const { plans } = await planned()
    const unknown = '7d0c0e9e-3b8e-4a43-9d1a-2f7b8a9c0d11'
    expect(refusal(() => plans.get(unknown)).code).toBe('not_found')
    expect(refusal(() => plans.save(unknown, 0, { technique: 'permanent', sessions: [] })).code).toBe('not_found')
  })

  it("check zones against every one of the patient's designs, drawn on any photo", async () => {
    const { plans, photos, designs, patientId, design } = await planned()
    const { photo: crown } = await photos.import({
      patientId,
      name: 'crown.jpg',
      lastModified: null,
      bytes: await flatJpeg(200, 150, PALETTE.blue),
    })
    const crownDesign = designs.save(crown.id, null, validDesign([zone({ id: 'vertex', name: 'Vertex' })]))
    const sessions = [session({ treatments: [share(design.id, 'z1', 0.3), share(crownDesign.id, 'vertex', 0.3)] })]
    expect(plans.save(patientId, 0, { technique: 'permanent', sessions }).sessions).toEqual(sessions)
  })
})
