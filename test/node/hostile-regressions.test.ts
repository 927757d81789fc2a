import { createHash } from 'node:crypto'
import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../src/main/backend'
import { CARBON_MEDIUM_GREY } from '../../src/shared/plan/default-pigments'
import { validFields } from '../fixtures/patients'
import { flatJpeg } from './images'
import { tempDirsForEachTest } from './temp-dir'

/** Bugs the hostile-input tests found, each pinned by the payload that showed it. */
const tempDir = tempDirsForEachTest()

/** An exported archive with its records edited and its checksums made right again, as a forger would. */
function forged(archive: Uint8Array, edit: (patient: Record<string, unknown>) => void): Uint8Array {
  const files = unzipSync(archive)
  const decode = (name: string) => JSON.parse(new TextDecoder().decode(files[name]))
  const records = decode('records.json')
  edit(records.patient)
  files['records.json'] = new TextEncoder().encode(JSON.stringify(records))
  const manifest = decode('manifest.json')
  for (const entry of manifest.entries) {
    const bytes = files[entry.path] as Uint8Array
    entry.size = bytes.byteLength
    entry.sha256 = createHash('sha256').update(bytes).digest('hex')
  }
  files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest))
  return zipSync(files)
}

const backend = () => openBackend({ dataDir: tempDir(), shell: 'web', version: 'test' })

describe('hostile input that once got through', () => {
  it('refuses a name that is only a NUL at its field (SQLite saw an empty name and the save failed inside)', async () => {
    const { dispatch, close } = backend()
    const patient = await dispatch('patients.create', { fields: validFields({ fullName: '\u0000' }) })
    expect(patient).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { 'fields.fullName': expect.any(String) } },
    })
    const pigment = await dispatch('pigments.save', {
      pigment: { ...CARBON_MEDIUM_GREY, id: null, name: 'Ink\u0000' },
      baseRevision: null,
    })
    expect(pigment).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { 'pigment.name': expect.any(String) } },
    })
    expect(await dispatch('patients.list', { query: '', includeArchived: true })).toMatchObject({ value: { total: 0 } })
    close()
  })

  it('refuses half a surrogate pair instead of storing it as U+FFFD', async () => {
    const { dispatch, close } = backend()
    const created = await dispatch('patients.create', { fields: validFields({ notes: 'Smiles 😀 and \uD83D' }) })
    expect(created).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { 'fields.notes': expect.any(String) } },
    })
    const whole = await dispatch('patients.create', { fields: validFields({ notes: 'Smiles 😀' }) })
    expect(whole).toMatchObject({ ok: true, value: { notes: 'Smiles 😀' } })
    close()
  })

  it('answers a call "name" that cannot be turned into text with unknown_call instead of throwing', async () => {
    const { dispatch, close } = backend()
    let nested: unknown = []
    for (let i = 0; i < 100_000; i++) nested = [nested]
    for (const name of [Object.create(null), nested, 'x'.repeat(1_000_000)]) {
      const result = await dispatch(name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
      expect(!result.ok && result.error.message.length).toBeLessThan(200)
    }
    close()
  })

  it('refuses a file time past the year 9999 instead of dating the photo NaN-NaN-NaN', async () => {
    const { dispatch, close } = backend()
    const patient = await dispatch('patients.create', { fields: validFields() })
    const patientId = patient.ok ? (patient.value as { id: string }).id : ''
    const bytes = new Uint8Array(await flatJpeg(40, 30))
    for (const lastModified of [8.64e15 + 1, Number.MAX_VALUE, Date.UTC(10_000, 0, 1)]) {
      const result = await dispatch('photos.import', { patientId, name: 'a.jpg', lastModified, bytes })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fieldErrors: { lastModified: expect.any(String) } },
      })
    }
    const dated = await dispatch('photos.import', {
      patientId,
      name: 'a.jpg',
      lastModified: Date.UTC(9999, 5, 1, 12),
      bytes,
    })
    expect(dated).toMatchObject({
      ok: true,
      value: { photo: { takenAt: expect.stringMatching(/^9999-0[56]-\d\dT\d\d:\d\d:\d\d$/) } },
    })
    close()
  })

  it('refuses an archive whose records hold a NUL or half a surrogate pair, importing nothing', async () => {
    const { dispatch, close } = backend()
    const created = await dispatch('patients.create', { fields: validFields() })
    const patientId = created.ok ? (created.value as { id: string }).id : ''
    const exported = await dispatch('archives.export', { patientId })
    const archive = (exported.ok ? exported.value : null) as { bytes: Uint8Array }
    for (const edit of [
      (patient: Record<string, unknown>) => {
        patient.full_name = '\u0000'
      },
      (patient: Record<string, unknown>) => {
        patient.notes = 'Smiles \uD83D'
      },
    ]) {
      const result = await dispatch('archives.inspect', { bytes: forged(archive.bytes, edit) })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/cannot store/) },
      })
    }
    expect(await dispatch('patients.list', { query: '', includeArchived: true })).toMatchObject({ value: { total: 1 } })
    close()
  })
})
