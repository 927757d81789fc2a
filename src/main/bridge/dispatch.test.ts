import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import type { BridgeResult } from '../../shared/bridge/errors'
import type { Patient } from '../../shared/patients/patient'
import { openBackend } from '../backend'
import { DATABASE_FILE } from '../db/database'
import { createDispatch, type Handlers } from './dispatch'

const tempDir = tempDirsForEachTest()

function backend() {
  const dataDir = tempDir()
  const b = openBackend({ dataDir, shell: 'web', version: '0.0.0-test' })
  const rows = () => {
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true })
    const snapshot = db.prepare('SELECT * FROM patients ORDER BY id').all()
    db.close()
    return snapshot
  }
  return { ...b, rows }
}

function expectInvalid(result: BridgeResult<unknown>, field: string, message: RegExp) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.error.code).toBe('invalid_input')
  expect(result.error.fieldErrors?.[field]).toMatch(message)
}

describe('bridge dispatch: validation at the door', () => {
  const badCreates: [string, unknown, string, RegExp][] = [
    ['a missing name', { fields: validFields({ fullName: '   ' }) }, 'fields.fullName', /full name/],
    ['no name at all', { fields: { ...validFields(), fullName: undefined } }, 'fields.fullName', /must be text/],
    [
      'a birth date in the future',
      { fields: validFields({ dateOfBirth: '2999-01-01' }) },
      'fields.dateOfBirth',
      /future/,
    ],
    [
      'a date that does not exist',
      { fields: validFields({ dateOfBirth: '2001-02-29' }) },
      'fields.dateOfBirth',
      /does not exist/,
    ],
    [
      'a transplant date more than a year ahead',
      { fields: validFields({ transplantDate: '2999-01-01' }) },
      'fields.transplantDate',
      /at most a year from today/,
    ],
    [
      'a transplant date that does not exist',
      { fields: validFields({ transplantDate: '2025-02-29' }) },
      'fields.transplantDate',
      /does not exist/,
    ],
    ['a number for a name', { fields: { ...validFields(), fullName: 42 } }, 'fields.fullName', /must be text/],
    ['a string for the goals', { fields: { ...validFields(), goals: 'density' } }, 'fields.goals', /list/],
    ['a Fitzpatrick type of 7', { fields: { ...validFields(), fitzpatrick: 7 } }, 'fields.fitzpatrick', /I to VI/],
    [
      'an unknown hair-loss stage',
      { fields: { ...validFields(), hairLossPattern: 'norwood-9' } },
      'fields.hairLossPattern',
      /from the list/,
    ],
    [
      'a 10 MB name',
      { fields: validFields({ fullName: 'x'.repeat(10 * 1024 * 1024) }) },
      'fields.fullName',
      /too long/,
    ],
    ['a 10 MB note', { fields: validFields({ notes: 'x'.repeat(10 * 1024 * 1024) }) }, 'fields.notes', /too long/],
    ['an unknown field', { fields: { ...validFields(), ssn: '123' } }, 'fields.ssn', /Unknown field/],
    ['an unknown top-level field', { fields: validFields(), admin: true }, 'admin', /Unknown field/],
    ['an invalid email', { fields: validFields({ email: 'ana at example' }) }, 'fields.email', /email address/],
    ['a string as the medical flags', { fields: { ...validFields(), medical: 'none' } }, 'fields.medical', /missing/],
  ]

  it.each(badCreates)(
    'rejects %s with a message for that field and writes nothing',
    async (_label, input, field, message) => {
      const b = backend()
      const result = await b.dispatch('patients.create', input)
      expectInvalid(result, field, message)
      expect(b.rows()).toHaveLength(0)
      b.close()
    },
  )

  it('rejects a bad update and leaves the stored row exactly as it was', async () => {
    const b = backend()
    const created = (await b.dispatch('patients.create', { fields: validFields() })) as { ok: true; value: Patient }
    const before = b.rows()
    const result = await b.dispatch('patients.update', {
      id: created.value.id,
      revision: 1,
      fields: validFields({ fullName: '', dateOfBirth: '2999-12-31' }),
    })
    expectInvalid(result, 'fields.dateOfBirth', /future/)
    expect(b.rows()).toEqual(before)
    b.close()
  })

  it('trims text and stores the normalised record', async () => {
    const b = backend()
    const result = await b.dispatch('patients.create', {
      fields: validFields({ fullName: '  Ana Ruiz  ', email: ' a@b.co ' }),
    })
    expect(result).toMatchObject({ ok: true, value: { fullName: 'Ana Ruiz', email: 'a@b.co' } })
    b.close()
  })

  it('answers an unknown call and a non-object input with typed errors', async () => {
    const b = backend()
    expect(await b.dispatch('patients.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
    expect(await b.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
    expect(await b.dispatch('patients.list', 'all')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await b.dispatch('patients.get', { id: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { id: 'Not a patient id' } },
    })
    b.close()
  })

  it('hides a crash behind a typed internal error and logs it', async () => {
    const logError = vi.fn()
    const dispatch = createDispatch(
      {
        'app.info': () => {
          throw new Error('disk on fire')
        },
      } as unknown as Handlers,
      logError,
    )
    const result = await dispatch('app.info', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/nothing was changed/) },
    })
    expect(logError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk on fire' }))
  })
})
