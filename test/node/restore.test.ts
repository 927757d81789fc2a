import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { validFields } from '../fixtures/patients'
import { backendsForEachTest, corruptPages, databaseFileOf, handClock, namesOf, seedPatients } from './backup-bed'
import { call, refusal } from './bridge-call'
import { jpegWithGps } from './images'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const { open, seeded } = backendsForEachTest(tempDir)
const everyone = { query: '', includeArchived: true }

describe('restoring a backup while the app runs', () => {
  it('takes a safety backup first and brings back exactly the backup’s records', async () => {
    const { backend } = await seeded(['Ana Ruiz', 'Ben Okafor'], handClock().now)
    const [ana] = (await call(backend, 'patients.list', { query: 'Ana', includeArchived: false })).patients
    if (!ana) throw new Error('no Ana')
    const imported = await call(backend, 'photos.import', {
      patientId: ana.id,
      name: 'front.jpg',
      lastModified: null,
      bytes: new Uint8Array(await jpegWithGps(80, 60)),
    })
    expect(imported.photo.locationRemovedAt).not.toBeNull()
    const anaAtBackup = await call(backend, 'patients.get', { id: ana.id })
    const backup = await call(backend, 'backups.create', {})

    await call(backend, 'patients.update', {
      id: ana.id,
      revision: anaAtBackup.revision,
      fields: validFields({ fullName: 'Ana Ruiz-Changed', notes: 'Edited after the backup' }),
    })
    await call(backend, 'patients.create', { fields: validFields({ fullName: 'Cleo Marsh' }) })
    await call(backend, 'photos.delete', { id: imported.photo.id })

    const outcome = await call(backend, 'backups.restore', { id: backup.id })
    expect(outcome.restored.id).toBe(backup.id)
    expect(outcome.movedAside).toBeNull()
    expect(outcome.safetyBackup).toMatchObject({ reason: 'safety', counts: { patients: 3, photos: 0 } })

    expect(namesOf(await call(backend, 'patients.list', everyone))).toEqual(['Ana Ruiz', 'Ben Okafor'])
    expect(await call(backend, 'patients.get', { id: ana.id })).toEqual(anaAtBackup)
    const photos = await call(backend, 'photos.list', { patientId: ana.id })
    expect(photos.map((p) => [p.id, p.locationRemovedAt])).toEqual([
      [imported.photo.id, imported.photo.locationRemovedAt],
    ])
    // The photo's files were kept for the backup, so the restored record shows its picture.
    expect(backend.photoFile(`/photos/working/${imported.photo.sha256}.jpg`)).not.toBeNull()

    // The safety backup brings the edits back: a restore can itself be undone.
    const safety = outcome.safetyBackup
    if (!safety) throw new Error('no safety backup')
    await call(backend, 'backups.restore', { id: safety.id })
    expect(namesOf(await call(backend, 'patients.list', everyone))).toEqual([
      'Ana Ruiz-Changed',
      'Ben Okafor',
      'Cleo Marsh',
    ])
    const reasons = (await call(backend, 'backups.list', {})).map((b) => b.reason)
    expect(reasons.filter((r) => r === 'safety')).toHaveLength(2)
  })

  it('leaves the restored database whole in the data folder, with no stale log or temp file', async () => {
    const { dataDir, backend } = await seeded(['Ana Ruiz'])
    const backup = await call(backend, 'backups.create', {})
    await call(backend, 'patients.create', { fields: validFields({ fullName: 'Cleo Marsh' }) })
    await call(backend, 'backups.restore', { id: backup.id })
    backend.close()
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('stipple'))).toEqual(['stipple.sqlite3'])
    const reopened = open(dataDir)
    expect(namesOf(await call(reopened, 'patients.list', everyone))).toEqual(['Ana Ruiz'])
  })

  it('turns other calls away while it swaps the database, and serves them again after', async () => {
    const { backend } = await seeded(['Ana Ruiz'])
    const backup = await call(backend, 'backups.create', {})
    const restoring = call(backend, 'backups.restore', { id: backup.id })
    const during = await refusal(backend, 'patients.list', everyone)
    expect(during).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/restoring/) })
    await restoring
    expect(namesOf(await call(backend, 'patients.list', everyone))).toEqual(['Ana Ruiz'])
  })
})

describe('a database that fails the start-up check', () => {
  /** A data folder whose database has a backup, then had pages overwritten with garbage. */
  async function damagedWithBackup() {
    const dataDir = tempDir()
    const clock = handClock()
    seedPatients(dataDir, ['Ana Ruiz', 'Ben Okafor'])
    const healthy = open(dataDir, clock.now)
    const backup = await healthy.startupBackup
    if (!backup) throw new Error('no start-up backup')
    await call(healthy, 'patients.create', { fields: validFields({ fullName: 'Cleo Marsh' }) })
    healthy.close()
    corruptPages(databaseFileOf(dataDir), [2, 3, 4, 5])
    clock.advanceHours(1)
    return { dataDir, clock, backup, damaged: fs.readFileSync(databaseFileOf(dataDir)) }
  }

  it('opens in recovery, keeps the damaged file as it was, and restores the newest good backup', async () => {
    const { dataDir, clock, backup, damaged } = await damagedWithBackup()
    const backend = open(dataDir, clock.now)
    expect(await backend.startupBackup).toBeNull()

    const info = await call(backend, 'app.info', {})
    expect(info.recovery).toMatchObject({ reason: 'damaged', databaseFile: 'stipple.sqlite3' })
    expect(info.recovery?.detail).toMatch(/malformed|not a database|corrupt|page/i)
    const refused = await refusal(backend, 'patients.list', everyone)
    expect(refused.code).toBe('unavailable')
    expect((await refusal(backend, 'backups.create', {})).code).toBe('unavailable')
    expect(fs.readFileSync(databaseFileOf(dataDir)).equals(damaged)).toBe(true)

    const backups = await call(backend, 'backups.list', {})
    expect(backups.map((b) => b.id)).toEqual([backup.id])
    const preview = await call(backend, 'backups.preview', { id: backup.id })
    expect(preview.problems).toEqual([])
    expect(preview.patients.map((p) => p.name)).toEqual(['Ana Ruiz', 'Ben Okafor'])

    const outcome = await call(backend, 'backups.restore', { id: backup.id })
    expect(outcome.safetyBackup).toBeNull()
    expect(outcome.movedAside).toBe('stipple.sqlite3.damaged-2026-11-20T10-00-00')
    // Moved aside whole, never deleted nor written to.
    const movedAside = path.join(dataDir, outcome.movedAside ?? '')
    expect(fs.readFileSync(movedAside).equals(damaged)).toBe(true)

    expect((await call(backend, 'app.info', {})).recovery).toBeUndefined()
    expect(namesOf(await call(backend, 'patients.list', everyone))).toEqual(['Ana Ruiz', 'Ben Okafor'])
    expect(fs.readFileSync(movedAside).equals(damaged)).toBe(true)
  })

  it('treats a file that is not a database at all as damaged', async () => {
    const dataDir = tempDir()
    fs.writeFileSync(databaseFileOf(dataDir), 'These are my notes, not a database.\n'.repeat(200))
    const before = fs.readFileSync(databaseFileOf(dataDir))
    const backend = open(dataDir)
    expect((await call(backend, 'app.info', {})).recovery).toMatchObject({
      reason: 'damaged',
      detail: 'file is not a database',
    })
    expect(await call(backend, 'backups.list', {})).toEqual([])
    expect(fs.readFileSync(databaseFileOf(dataDir)).equals(before)).toBe(true)
  })

  it('starts an empty database only when asked, with the damaged file moved aside', async () => {
    const dataDir = tempDir()
    seedPatients(dataDir, ['Ana Ruiz'])
    corruptPages(databaseFileOf(dataDir), [2, 3, 4, 5])
    const damaged = fs.readFileSync(databaseFileOf(dataDir))
    const backend = open(dataDir, handClock().now)
    expect((await call(backend, 'app.info', {})).recovery?.reason).toBe('damaged')

    const { movedAside } = await call(backend, 'database.startEmpty', {})
    expect(movedAside).toBe('stipple.sqlite3.damaged-2026-11-20T09-00-00')
    expect(fs.readFileSync(path.join(dataDir, movedAside ?? '')).equals(damaged)).toBe(true)
    expect((await call(backend, 'patients.list', everyone)).total).toBe(0)
    expect((await call(backend, 'app.info', {})).recovery).toBeUndefined()
  })

  it('refuses to restore a damaged backup, leaving the damaged database in place', async () => {
    const { dataDir, clock, backup, damaged } = await damagedWithBackup()
    corruptPages(path.join(dataDir, 'backups', `${backup.id}.sqlite3`), [3])
    const backend = open(dataDir, clock.now)
    expect((await call(backend, 'backups.preview', { id: backup.id })).problems).toHaveLength(1)
    expect((await refusal(backend, 'backups.restore', { id: backup.id })).code).toBe('conflict')
    expect(fs.readFileSync(databaseFileOf(dataDir)).equals(damaged)).toBe(true)
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('damaged'))).toEqual([])
    expect((await call(backend, 'app.info', {})).recovery?.reason).toBe('damaged')
  })
})

describe('a missing database', () => {
  it('opens in recovery when backups of it exist, rather than silently starting empty', async () => {
    const dataDir = tempDir()
    seedPatients(dataDir, ['Ana Ruiz'])
    const first = open(dataDir)
    const backup = await first.startupBackup
    first.close()
    fs.rmSync(databaseFileOf(dataDir))

    const backend = open(dataDir)
    expect((await call(backend, 'app.info', {})).recovery?.reason).toBe('missing')
    expect(fs.existsSync(databaseFileOf(dataDir))).toBe(false)
    const outcome = await call(backend, 'backups.restore', { id: backup?.id ?? '' })
    expect(outcome.movedAside).toBeNull()
    expect(namesOf(await call(backend, 'patients.list', everyone))).toEqual(['Ana Ruiz'])
  })

  it('starts an empty database when asked, keeping the backups', async () => {
    const dataDir = tempDir()
    seedPatients(dataDir, ['Ana Ruiz'])
    const first = open(dataDir)
    await first.startupBackup
    first.close()
    fs.rmSync(databaseFileOf(dataDir))

    const backend = open(dataDir)
    expect(await call(backend, 'database.startEmpty', {})).toEqual({ movedAside: null })
    expect((await call(backend, 'app.info', {})).recovery).toBeUndefined()
    expect((await call(backend, 'patients.list', everyone)).total).toBe(0)
    expect(await call(backend, 'backups.list', {})).toHaveLength(1)
  })
})
