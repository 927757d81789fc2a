import { afterEach, describe, expect, it } from 'vitest'
import { validFields } from '../../../../test/fixtures/patients'
import { call } from '../../../../test/node/bridge-call'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import { type Backend, openBackend } from '../../backend'
import { isChange } from './first-backup'

const tempDir = tempDirsForEachTest()
const opened: Backend[] = []
afterEach(() => {
  for (const backend of opened.splice(0)) backend.close()
})
const open = (dataDir: string, firstBackupDelayMs: number) => {
  const backend = openBackend({ dataDir, shell: 'web', version: '1.2.3-test', firstBackupDelayMs })
  opened.push(backend)
  return backend
}
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('it never happened')
}

describe('backups from the first minute', () => {
  it('takes the first automatic backup a few minutes after the first change on a new install', async () => {
    const backend = open(tempDir(), 150)
    await call(backend, 'patients.list', { query: '', includeArchived: false })
    await new Promise((r) => setTimeout(r, 250))
    // Reading is not working: no backup yet.
    expect(await call(backend, 'backups.list', {})).toEqual([])
    await call(backend, 'patients.create', { fields: validFields({ fullName: 'Ana Ruiz' }) })
    expect(await call(backend, 'backups.list', {})).toEqual([])
    await until(async () => (await call(backend, 'backups.list', {})).length === 1)
    const [first] = await call(backend, 'backups.list', {})
    expect(first).toMatchObject({ reason: 'automatic', counts: { patients: 1 } })
    // Then as before: the next is the daily one, not one per change.
    await call(backend, 'patients.create', { fields: validFields({ fullName: 'Ben Okafor' }) })
    await new Promise((r) => setTimeout(r, 250))
    expect(await call(backend, 'backups.list', {})).toHaveLength(1)
  })

  it('counts a change as one of the user’s records, not a read, a file handed out or the sample patient', () => {
    expect(
      ['patients.create', 'designs.save', 'plans.save', 'photos.import', 'comments.add', 'charts.add'].every(isChange),
    ).toBe(true)
    expect(
      ['patients.list', 'designs.forPhoto', 'backups.create', 'sample.open', 'files.save', 'audit.forPatient'].some(
        isChange,
      ),
    ).toBe(false)
  })
})
