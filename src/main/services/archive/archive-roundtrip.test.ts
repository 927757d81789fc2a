import { unzipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { type Bed, footprint, patientWithEverything, recordsOf, storedBytes } from '../../../../test/node/archive-bed'
import { call, importArchive, refusal } from '../../../../test/node/bridge-call'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { ArchiveRecords } from '../../../shared/archive/archive-records'
import { localToday } from '../../../shared/dates'
import { decoding } from '../isolation/decoding'

const tempDir = tempDirsForEachTest()
/** The day on the test beds' clock, which starts on 1 March 2026 and moves a second per call. */
const BED_DAY = localToday(new Date('2026-03-01T12:00:00Z'))
const newBed = photoBackendsForEachTest(tempDir)

/** Where each photo's files live under photos/, for comparing bytes across machines. */
const photoFiles = (records: ArchiveRecords) =>
  records.photos.flatMap((p) => {
    const dir = p.sha256.slice(0, 2)
    return [`originals/${dir}/${p.sha256}.jpg`, `working/${dir}/${p.sha256}.jpg`, `thumbnails/${dir}/${p.sha256}.jpg`]
  })

/**
 * The records with each pigment's values only: a shipped pigment already on the target keeps its
 * own place in the list and its own dates there.
 */
const withPigmentValues = (records: ArchiveRecords) => ({
  ...records,
  pigments: records.pigments.map(({ position: _p, created_at: _c, updated_at: _u, ...values }) => values),
})

const history = (bed: Bed, patientId: string) =>
  bed.db
    .prepare<[string], { at: string; entity: string; entity_id: string; action: string; detail: string }>(
      'SELECT at, entity, entity_id, action, detail FROM audit_log WHERE patient_id = ? ORDER BY seq',
    )
    .all(patientId)
    .map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown }))

async function exported(bed: Bed, patientId: string) {
  return call(bed, 'archives.export', { patientId })
}

describe('a patient moved to another machine', () => {
  it('arrives with every record, value and photo byte identical, and its history readable under an import entry', async () => {
    const source = newBed()
    const { patientId } = await patientWithEverything(source)
    const archive = await exported(source, patientId)
    expect(archive.suggestedName).toBe(`Inés Ruiz-Okafor ${BED_DAY}.stipple`)
    expect(archive.counts).toEqual({
      photos: 2,
      measurements: 2,
      designs: 1,
      sessions: 2,
      pigments: 2,
      comments: 2,
      auditEntries: history(source, patientId).length,
    })
    // The record, its photos, calibration, measurements, design, comments and plan each left entries.
    expect(archive.counts.auditEntries).toBeGreaterThanOrEqual(10)

    const target = newBed()
    const inspected = await call(target, 'archives.inspect', { bytes: archive.bytes })
    expect(inspected).toMatchObject({
      patient: { id: patientId, fullName: 'Inés Ruiz-Okafor', dateOfBirth: '1985-03-14', archived: false },
      counts: archive.counts,
      existing: null,
      byteSize: archive.bytes.byteLength,
    })

    const result = await importArchive(target, archive.bytes, 'copy')
    expect(result).toMatchObject({ status: 'imported', patient: { id: patientId, fullName: 'Inés Ruiz-Okafor' } })
    expect(result.pigmentsAdded).toEqual(['Studio blend'])
    expect(result.pigmentsAddedAsCopies).toEqual([])

    const before = recordsOf(source, patientId) as ArchiveRecords
    const after = recordsOf(target, patientId) as ArchiveRecords
    expect(withPigmentValues({ ...after, audit: [] })).toEqual(withPigmentValues({ ...before, audit: [] }))
    expect(after.photos.map((p) => p.location_removed_at !== null)).toEqual([false, true])
    for (const file of photoFiles(before))
      expect(storedBytes(target, file).equals(storedBytes(source, file))).toBe(true)

    // The bridge serves what it served on the first machine.
    expect(await call(target, 'plans.get', { patientId })).toEqual(await call(source, 'plans.get', { patientId }))
    expect(await call(target, 'photos.list', { patientId })).toEqual(await call(source, 'photos.list', { patientId }))
    expect(await call(target, 'designs.forPatient', { patientId })).toEqual(
      await call(source, 'designs.forPatient', { patientId }),
    )

    const trail = history(target, patientId)
    expect(trail.slice(0, -1)).toEqual(history(source, patientId))
    expect(trail.at(-1)).toMatchObject({
      entity: 'patient',
      action: 'imported',
      entity_id: patientId,
      detail: { appVersion: '0.0.0-test', copyOf: null, entries: archive.counts.auditEntries },
    })
    expect(await call(target, 'audit.verify', {})).toMatchObject({ intact: true })
  })

  it('is checked once: the check that shows it goes on to remake its copies, and its import waits for that', async () => {
    const source = newBed()
    const { patientId } = await patientWithEverything(source)
    const { bytes } = await exported(source, patientId)
    const target = newBed()
    const thenJobs = vi.spyOn(decoding, 'runThen')
    const jobs = vi.spyOn(decoding, 'run')
    const names = () => [...thenJobs.mock.calls, ...jobs.mock.calls].map(([name]) => name)
    try {
      const { heldId } = await call(target, 'archives.inspect', { bytes })
      expect(names()).toEqual(['openArchive'])
      expect(await call(target, 'archives.import', { heldId, onExisting: 'copy' })).toMatchObject({
        status: 'imported',
      })
      expect(names()).toEqual(['openArchive'])
      expect(recordsOf(target, patientId)?.photos).toHaveLength(2)
    } finally {
      thenJobs.mockRestore()
      jobs.mockRestore()
    }
  })

  it('is an ordinary zip whose manifest names the patient, the versions and a SHA-256 for every entry', async () => {
    const source = newBed()
    const { patientId, front } = await patientWithEverything(source)
    const { bytes } = await exported(source, patientId)
    const entries = unzipSync(bytes)
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']))
    expect(manifest).toMatchObject({
      format: 'stipple-patient-archive',
      formatVersion: 1,
      appVersion: '0.0.0-test',
      schemaVersion: expect.any(Number),
      patient: { id: patientId, fullName: 'Inés Ruiz-Okafor' },
    })
    expect(Object.keys(entries).sort()).toEqual(
      ['manifest.json', ...manifest.entries.map((e: { path: string }) => e.path)].sort(),
    )
    expect(entries[`photos/originals/${front.sha256}.jpg`]).toEqual(
      new Uint8Array(storedBytes(source, `originals/${front.sha256.slice(0, 2)}/${front.sha256}.jpg`)),
    )
  })

  it('imports a second time only as a copy with new ids everywhere, leaving the first intact, or not at all', async () => {
    const source = newBed()
    const { patientId } = await patientWithEverything(source)
    const { bytes } = await exported(source, patientId)
    const target = newBed()
    await importArchive(target, bytes, 'skip')
    const first = recordsOf(target, patientId) as ArchiveRecords
    const inspected = await call(target, 'archives.inspect', { bytes })
    expect(inspected.existing).toEqual({ id: patientId, fullName: 'Inés Ruiz-Okafor' })

    const untouched = footprint(target)
    const skipped = await importArchive(target, bytes, 'skip')
    expect(skipped).toMatchObject({ status: 'skipped', patient: { id: patientId, fullName: 'Inés Ruiz-Okafor' } })
    expect(footprint(target)).toEqual(untouched)

    const copied = await importArchive(target, bytes, 'copy')
    expect(copied.status).toBe('copied')
    expect(copied.patient.id).not.toBe(patientId)
    expect(copied.patient.fullName).toBe(`Inés Ruiz-Okafor (imported ${BED_DAY})`)
    expect(recordsOf(target, patientId)).toEqual(first)

    const copy = recordsOf(target, copied.patient.id) as ArchiveRecords
    const ids = (r: ArchiveRecords) => [
      r.patient.id,
      ...r.photos.map((p) => p.id),
      ...r.measurements.map((m) => m.id),
      ...r.designs.map((d) => d.id),
      ...r.sessions.map((s) => s.id),
      ...r.comments.map((c) => c.id),
    ]
    expect(ids(copy).filter((id) => ids(first).includes(id))).toEqual([])
    // Same content under the new ids: every reference followed its record.
    const sessionOf = new Map(copy.sessions.map((s, i) => [s.id, first.sessions[i]?.id]))
    expect(copy.photos.map((p) => p.session_id && sessionOf.get(p.session_id))).toEqual(
      first.photos.map((p) => p.session_id),
    )
    expect(copy.designs[0]?.photo_id).toBe(copy.photos.find((p) => p.sha256 === first.photos[0]?.sha256)?.id)
    expect(copy.treatments.map((t) => t.design_id)).toEqual(copy.treatments.map(() => copy.designs[0]?.id))
    expect(copy.comments.map((c) => [c.design_id, c.body])).toEqual(
      first.comments.map((c) => [copy.designs[0]?.id, c.body]),
    )
    expect(copy.photos.map((p) => p.sha256)).toEqual(first.photos.map((p) => p.sha256))
    // Both records open through the bridge, and the copy's photo files are the first's.
    expect((await call(target, 'plans.get', { patientId: copied.patient.id })).sessions).toHaveLength(2)
    expect(await call(target, 'designs.forPatient', { patientId: copied.patient.id })).toHaveLength(1)
    expect(footprint(target).files).toEqual(untouched.files)
    expect(history(target, copied.patient.id).at(-1)).toMatchObject({
      action: 'imported',
      detail: { copyOf: patientId },
    })
    expect(await call(target, 'audit.verify', {})).toMatchObject({ intact: true })
  })

  it('adds a pigment under its id only when the catalogue lacks it; one edited here keeps its values and the archive’s comes in beside it', async () => {
    const source = newBed()
    const { patientId } = await patientWithEverything(source)
    const { bytes } = await exported(source, patientId)
    const target = newBed()
    const dark = target.pigments.list(true).find((p) => p.id === 'smp-carbon-dark')
    const sourceDark = source.pigments.list(true).find((p) => p.id === 'smp-carbon-dark')
    if (!dark || !sourceDark) throw new Error('no shipped pigment')
    const edited = target.pigments.save({ ...dark, dilution: 0.7 }, dark.revision)

    const result = await importArchive(target, bytes, 'copy')
    const copyName = `${dark.name} (imported ${BED_DAY})`
    expect(result.pigmentsAddedAsCopies).toEqual([copyName])
    expect(target.pigments.list(true).find((p) => p.id === dark.id)).toEqual(edited)
    const copy = target.pigments.list(true).find((p) => p.name === copyName)
    expect(copy).toMatchObject({ ...sourceDark, id: expect.any(String), name: copyName, revision: 1 })
    const plan = await call(target, 'plans.get', { patientId })
    expect(plan.sessions.find((s) => s.id === 'first')?.pigmentId).toBe(copy?.id)

    // The copy of the record uses that copy again rather than adding a third entry.
    const again = await importArchive(target, bytes, 'copy')
    expect(again.pigmentsAddedAsCopies).toEqual([])
    expect(target.pigments.list(true).filter((p) => p.name === copyName)).toHaveLength(1)
  })

  it('refuses to export a record whose photo file has gone from the photo folder', async () => {
    const source = newBed()
    const { patientId, crown } = await patientWithEverything(source)
    const { rmSync } = await import('node:fs')
    rmSync(source.originalOf(crown))
    const error = await refusal(source, 'archives.export', { patientId })
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/crown\.jpg.*missing/) })
  })
})
