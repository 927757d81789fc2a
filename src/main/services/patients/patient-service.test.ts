import { describe, expect, it } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { localToday } from '../../../shared/dates'
import type { Patient } from '../../../shared/patients/patient'
import { openBackend } from '../../backend'
import { openDatabase } from '../../db/database'
import { ServiceError } from '../service-error'
import { createPatientService } from './patient-service'

const tempDir = tempDirsForEachTest()

function service(dir = tempDir()) {
  let t = Date.parse('2026-01-01T09:00:00Z')
  const db = openDatabase(dir)
  // A clock that moves a minute per call makes "most recently changed" deterministic.
  const patients = createPatientService(db, () => {
    t += 60_000
    return new Date(t)
  })
  return { db, patients }
}

const names = (list: { patients: { fullName: string }[] }) => list.patients.map((p) => p.fullName)

describe('patient service', () => {
  it('stores every field and reads it back', () => {
    const { patients } = service()
    const fields = validFields({
      goals: ['shaved-look', 'scar-camouflage'],
      medical: {
        keloid: true,
        alopeciaAreata: true,
        chemotherapy: false,
        hormonal: true,
        scalpCondition: false,
        pregnancy: false,
        bloodThinners: false,
        other: 'Aspirin',
      },
      transplantDate: '2025-11-02',
    })
    const created = patients.create(fields)
    expect(created).toMatchObject({ ...fields, revision: 1, archivedAt: null })
    expect(patients.get(created.id)).toEqual(created)
  })

  it('keeps the date of the last transplant, one already booked for next month, or none', async () => {
    const dir = tempDir()
    const backend = openBackend({ dataDir: dir, shell: 'web', version: 'test' })
    const next = new Date()
    next.setMonth(next.getMonth() + 1, 1)
    const booked = localToday(next)
    const created = await backend.dispatch('patients.create', { fields: validFields({ transplantDate: booked }) })
    expect(created).toMatchObject({ ok: true, value: { transplantDate: booked } })
    if (!created.ok) return
    const { id } = created.value as Patient
    const cleared = await backend.dispatch('patients.update', {
      id,
      revision: 1,
      fields: validFields({ transplantDate: null }),
    })
    expect(cleared).toMatchObject({ ok: true, value: { transplantDate: null, revision: 2 } })
    backend.close()
    expect(service(dir).patients.get(id).transplantDate).toBeNull()
  })

  it('keeps records across a restart', () => {
    const dir = tempDir()
    const first = service(dir)
    const { id } = first.patients.create(validFields())
    first.db.close()
    expect(service(dir).patients.get(id).fullName).toBe('Ana Ruiz')
  })

  it('lists the most recently changed first, with a count', () => {
    const { patients } = service()
    const a = patients.create(validFields({ fullName: 'Alba Moreno' }))
    patients.create(validFields({ fullName: 'Bruno Costa' }))
    patients.create(validFields({ fullName: 'Chen Wei' }))
    expect(names(patients.list({ query: '', includeArchived: false }))).toEqual([
      'Chen Wei',
      'Bruno Costa',
      'Alba Moreno',
    ])

    patients.update(a.id, a.revision, validFields({ fullName: 'Alba Moreno', notes: 'changed' }))
    const list = patients.list({ query: '', includeArchived: false })
    expect(names(list)).toEqual(['Alba Moreno', 'Chen Wei', 'Bruno Costa'])
    expect(list.total).toBe(3)
  })

  it('searches by any part of the name, ignoring case, accents and word order', () => {
    const { patients } = service()
    for (const fullName of ['José Álvarez', 'Joanna Smith', 'Mary-Jo Park', '100% Real_Name']) {
      patients.create(validFields({ fullName }))
    }
    const search = (query: string) => names(patients.list({ query, includeArchived: false })).sort()
    expect(search('jose')).toEqual(['José Álvarez'])
    expect(search('JO')).toEqual(['Joanna Smith', 'José Álvarez', 'Mary-Jo Park'])
    expect(search('alvarez jos')).toEqual(['José Álvarez'])
    expect(search('%')).toEqual(['100% Real_Name'])
    expect(search('l_n')).toEqual(['100% Real_Name'])
    expect(search('o_e')).toEqual([])
    expect(search('nobody')).toEqual([])
  })

  it('archives (hidden unless asked for) and restores', () => {
    const { patients } = service()
    const p = patients.create(validFields())
    const archived = patients.archive(p.id)
    expect(archived.archivedAt).not.toBeNull()
    expect(patients.list({ query: '', includeArchived: false }).total).toBe(0)
    expect(names(patients.list({ query: '', includeArchived: true }))).toEqual(['Ana Ruiz'])

    const restored = patients.restore(p.id)
    expect(restored.archivedAt).toBeNull()
    expect(restored.revision).toBe(3)
    expect(patients.list({ query: '', includeArchived: false }).total).toBe(1)
  })

  it('refuses an edit made against an old revision and keeps the newer data', () => {
    const { patients } = service()
    const p = patients.create(validFields())
    patients.update(p.id, 1, validFields({ notes: 'first edit' }))
    const stale = () => patients.update(p.id, 1, validFields({ notes: 'stale edit' }))
    expect(stale).toThrow(ServiceError)
    expect(stale).toThrow(/changed elsewhere/)
    expect(patients.get(p.id).notes).toBe('first edit')
  })

  it('reports an unknown id as not found', () => {
    const { patients } = service()
    expect(() => patients.get('7d0c0e9e-3b8e-4a43-9d1a-2f7b8a9c0d11')).toThrow(/does not exist/)
  })
})
