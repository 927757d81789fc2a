import { describe, expect, it } from 'vitest'
import { reviewSnapshot } from '../../src/main/services/review-file/review-snapshot'
import { offlineTransport, READ_ONLY_MESSAGE } from '../../src/renderer/src/bridge/offline-transport'
import { CALL_NAMES, type CallName } from '../../src/shared/bridge/contract'
import { p, validDesign, zone } from '../fixtures/designs'
import { validFields } from '../fixtures/patients'
import { session, share } from '../fixtures/plans'
import { flatJpeg } from './images'
import { photoBackendsForEachTest } from './photo-backend'
import { tempDirsForEachTest } from './temp-dir'

const backend = photoBackendsForEachTest(tempDirsForEachTest())

/** A patient with two photos (one designed, with a comment), a plan, and another patient beside them. */
async function reviewed() {
  const bed = backend()
  const patientId = bed.patients.create(validFields({ fullName: 'Lena Okafor' })).id
  bed.patients.create(validFields({ fullName: 'Someone Else' }))
  const photos = []
  for (const name of ['front.jpg', 'crown.jpg'])
    photos.push((await bed.photos.import({ patientId, name, lastModified: 0, bytes: await flatJpeg(200, 150) })).photo)
  const [designed, bare] = photos as [(typeof photos)[0], (typeof photos)[0]]
  bed.photos.addMeasurement(designed.id, { kind: 'distance', label: 'Gap', points: [p(1, 1), p(50, 1)] })
  const design = bed.designs.save(designed.id, null, validDesign([zone({ id: 'z1' })]))
  bed.plans.save(patientId, 0, {
    technique: 'permanent',
    sessions: [session({ treatments: [share(design.id, 'z1', 0.5)] })],
  })
  bed.comments.add({ designId: design.id, at: p(10, 10), author: 'Dr Bello', body: 'Check the crown.' })
  bed.pigments.retire('smp-carbon-light', true)
  const review = reviewSnapshot(bed, patientId, { now: new Date(), appVersion: '9.9.9' })
  return { bed, patientId, designed, bare, design, review, transport: offlineTransport(review) }
}

describe('the offline review file’s bridge', () => {
  it('answers each read call the review makes as main answers it', async () => {
    const { bed, patientId, designed, bare, design, transport } = await reviewed()
    const calls: [CallName, unknown][] = [
      ['photos.list', { patientId }],
      ['photos.get', { id: designed.id }],
      ['designs.list', { patientId }],
      ['designs.forPhoto', { photoId: designed.id }],
      ['designs.forPhoto', { photoId: bare.id }],
      ['designs.forPatient', { patientId }],
      ['comments.list', { designId: design.id }],
      ['plans.get', { patientId }],
      ['pigments.list', { includeRetired: true }],
      ['pigments.list', { includeRetired: false }],
      ['settings.get', {}],
    ]
    for (const [name, input] of calls) {
      const fromMain = await bed.dispatch(name, input)
      const fromFile = await transport(name, input)
      // The one difference: the imported file's name is not carried into the review file.
      const withoutNames = (result: typeof fromMain) =>
        JSON.parse(JSON.stringify(result).replace(/"originalName":"[^"]*"/g, '"originalName":""'))
      expect(withoutNames(fromFile), name).toEqual(withoutNames(fromMain))
      expect(fromMain.ok, name).toBe(true)
    }
  })

  it('knows only its one patient, found by name as the list finds it', async () => {
    const { patientId, transport } = await reviewed()
    expect(await transport('patients.list', { query: 'okaf', includeArchived: false })).toMatchObject({
      ok: true,
      value: { total: 1, patients: [{ id: patientId, fullName: 'Lena Okafor' }] },
    })
    expect(await transport('patients.list', { query: 'Someone', includeArchived: true })).toEqual({
      ok: true,
      value: { total: 0, patients: [] },
    })
    const other = await transport('patients.get', { id: '00000000-0000-4000-8000-000000000000' })
    expect(other.ok ? 'ok' : other.error.code).toBe('not_found')
    expect(await transport('app.info', {})).toEqual({
      ok: true,
      value: { version: '9.9.9', shell: 'offline', dataDir: '' },
    })
  })

  it('refuses every call that would change or export anything, as forbidden', async () => {
    const { transport } = await reviewed()
    const reads = new Set<CallName>([
      'app.info',
      'patients.list',
      'patients.get',
      'photos.list',
      'photos.get',
      'designs.list',
      'designs.forPhoto',
      'designs.forPatient',
      'comments.list',
      'settings.get',
      'pigments.list',
      'plans.get',
    ])
    const refused = CALL_NAMES.filter((name) => !reads.has(name))
    expect(refused).toEqual(expect.arrayContaining(['patients.update', 'designs.save', 'plans.save', 'comments.add']))
    for (const name of refused)
      expect(await transport(name, {}), name).toEqual({
        ok: false,
        error: { code: 'forbidden', message: READ_ONLY_MESSAGE },
      })
  })

  it('hands out copies, so a caller changing an answer cannot change the file’s data', async () => {
    const { patientId, transport, review } = await reviewed()
    const first = await transport('plans.get', { patientId })
    if (first.ok) (first.value as { sessions: unknown[] }).sessions.length = 0
    expect(review.plan.sessions).toHaveLength(1)
  })
})
