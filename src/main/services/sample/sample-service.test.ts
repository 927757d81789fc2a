import { describe, expect, it } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { CHART_SIZE } from '../../../shared/charts/head-chart'
import { pxPerMm } from '../../../shared/photos/calibration'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import { verifyChain } from '../audit/audit-verify'
import { readContents } from '../backups/backup-contents'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

describe('head charts', () => {
  it('draws a chart as a calibrated photo flagged as a chart, with its landmarks placed, once per view', async () => {
    const bed = backend()
    const patientId = bed.patient()
    const chart = await bed.charts.add(patientId, 'front')
    expect(chart).toMatchObject({ chart: 'front', view: 'front', width: CHART_SIZE.width, height: CHART_SIZE.height })
    expect(pxPerMm(chart.calibration)).toBeCloseTo(4, 6)
    expect(chart.caption).toContain('drawn by Stipple')
    const design = bed.designs.forPhoto(chart.id)
    expect(design?.document.objects.map((o) => o.kind === 'landmark' && o.role)).toEqual([
      'midline',
      'glabella',
      'temple-left',
      'temple-right',
      'vertex',
    ])
    const again = await bed.charts.add(patientId, 'front')
    expect(again.id).toBe(chart.id)
    expect(bed.photos.list(patientId)).toHaveLength(1)
    const side = await bed.charts.add(patientId, 'left')
    expect(side.id).not.toBe(chart.id)
    expect(bed.storedFiles().length).toBeGreaterThanOrEqual(6)
  })

  it('hands a chart design over to a later photo by its landmarks, and refuses one without them', async () => {
    const bed = backend()
    const { patientId } = await bed.sample.open()
    const front = bed.photos.list(patientId).find((p) => p.chart === 'front')
    if (!front) throw new Error('no front chart')
    const photo = (
      await bed.photos.import({ patientId, name: 'front.jpg', lastModified: null, bytes: await flatJpegOf(bed) })
    ).photo
    expect(() => bed.charts.takeOver(front.id, photo.id)).toThrow(/at least two of the same landmarks/)
    const marks = bed.designs.forPhoto(front.id)?.document.objects.filter((o) => o.kind === 'landmark') ?? []
    // The photo shows the head at a fifth of the chart's size.
    const placed = marks
      .filter((o) => o.kind === 'landmark' && o.role !== 'midline')
      .map((o) => ({ ...o, id: `p-${o.id}`, points: o.points.map((q) => ({ x: q.x / 5, y: q.y / 5 })) }))
    bed.designs.save(photo.id, null, { schema: 1, objects: placed })
    const taken = bed.charts.takeOver(front.id, photo.id)
    const hairline = taken.document.objects.find((o) => o.kind === 'hairline')
    const source = bed.designs.forPhoto(front.id)?.document.objects.find((o) => o.kind === 'hairline')
    expect(hairline?.points[0]?.x).toBeCloseTo((source?.points[0]?.x ?? 0) / 5, 6)
    expect(taken.document.objects.filter((o) => o.kind === 'zone')).toHaveLength(2)
  })
})

async function flatJpegOf(_bed: unknown) {
  const sharp = (await import('sharp')).default
  return new Uint8Array(
    await sharp({ create: { width: 200, height: 240, channels: 3, background: '#c8a080' } })
      .jpeg()
      .toBuffer(),
  )
}

describe('the sample patient', () => {
  it('is a whole case on head charts: design, temporary plan, layers, a comment; marked and left out of backup counts', async () => {
    const bed = backend()
    bed.patient('Real Person')
    expect(bed.sample.status()).toEqual({ patientId: null })
    const { patientId } = await bed.sample.open()
    expect(bed.sample.status()).toEqual({ patientId })
    expect(bed.patients.get(patientId).fullName).toMatch(/^Sample patient/)
    const photos = bed.photos.list(patientId)
    expect(photos.map((p) => p.chart).sort()).toEqual(['front', 'top'])
    const designs = bed.designs.forPatient(patientId)
    expect(
      designs
        .flatMap((d) => d.document.objects.map((o) => o.kind))
        .filter((k) => k !== 'landmark')
        .sort(),
    ).toEqual(['hairline', 'zone', 'zone', 'zone', 'zone'])
    const plan = bed.plans.get(patientId)
    expect(plan.technique).toBe('temporary')
    // The user's own temporary protocol, every step named as the template names it.
    expect(plan.sessions.map((s) => s.name)).toEqual(
      CLINICAL_DEFAULTS.protocols.temporary.steps.map((step) => step.label),
    )
    expect(plan.sessions[0]?.treatments).toHaveLength(4)
    const comments = designs.flatMap((d) => bed.comments.list(d.id))
    expect(comments.map((c) => c.author)).toEqual(['Sample reviewer', 'Sample reviewer'])

    const contents = readContents(bed.db)
    expect(contents.counts.patients).toBe(1)
    expect(contents.patients.map((p) => p.name)).toEqual(['Real Person'])

    expect((await bed.sample.open()).patientId).toBe(patientId)
  })

  it('is removed whole (records, plan, designs, comments, files) and comes back on the next open', async () => {
    const bed = backend()
    const { patientId } = await bed.sample.open()
    expect(await bed.sample.remove()).toEqual({ patientId: null })
    expect(() => bed.patients.get(patientId)).toThrow()
    for (const table of ['photos', 'designs', 'sessions', 'treatment_plans', 'comments'])
      expect((bed.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0)
    expect(bed.storedFiles()).toEqual([])
    const again = await bed.sample.open()
    expect(again.patientId).not.toBe(patientId)
    expect(bed.photos.list(again.patientId)).toHaveLength(2)
  })

  it('keeps its history outside the hash chain, readable while it exists and removed with it; the real chain still verifies', async () => {
    const bed = backend()
    const real = bed.patient('Real Person')
    const count = (sql: string, ...params: string[]) => (bed.db.prepare(sql).get(...params) as { n: number }).n
    const { patientId } = await bed.sample.open()
    const history = bed.audit.forPatient({ patientId, entity: null, before: null, limit: 50 })
    expect(history.total).toBeGreaterThan(3)
    expect(history.entries.map((e) => e.entity)).toEqual(expect.arrayContaining(['patient', 'photo', 'design', 'plan']))
    expect(history.entries.find((e) => e.entity === 'patient' && e.action === 'created')).toBeDefined()
    // None of it is chained, from the sample's very first entry.
    expect(count('SELECT count(*) AS n FROM audit_log WHERE patient_id = ?', patientId)).toBe(0)
    bed.patients.update(real, 1, validFields({ fullName: 'Real Person', notes: 'After the sample was made' }))

    await bed.sample.remove()
    expect(count('SELECT count(*) AS n FROM sample_audit_log')).toBe(0)
    expect(count('SELECT count(*) AS n FROM audit_log WHERE patient_id != ?', real)).toBe(0)
    const realHistory = bed.audit.forPatient({ patientId: real, entity: null, before: null, limit: 50 })
    expect(realHistory.entries.map((e) => e.action)).toEqual(['updated', 'created'])
    expect(verifyChain(bed.db)).toEqual({ intact: true, checked: 2 })

    // Made and removed again, the chain goes on from where it was.
    await bed.sample.open()
    await bed.sample.remove()
    bed.patients.update(real, 2, validFields({ fullName: 'Real Person', notes: 'And again' }))
    expect(verifyChain(bed.db)).toEqual({ intact: true, checked: 3 })
    expect(count('SELECT count(*) AS n FROM sample_audit_log')).toBe(0)
  })

  it('cannot be exported as a patient archive', async () => {
    const bed = backend()
    const { patientId } = await bed.sample.open()
    await expect(bed.archives.export(patientId, '0.0.0-test')).rejects.toThrow(/sample/)
  })
})
