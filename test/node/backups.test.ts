import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { sha256OfFile } from '../../src/main/services/backups/backup-contents'
import { DEFAULT_BACKUP_POLICY } from '../../src/shared/backups/backup-types'
import { validFields } from '../fixtures/patients'
import { backendsForEachTest, databaseFileOf, handClock, namesOf, seedPatients } from './backup-bed'
import { call, refusal } from './bridge-call'
import { flatJpeg } from './images'
import { filesUnder } from './photo-backend'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const { open, seeded } = backendsForEachTest(tempDir)
const backupsDir = (dataDir: string) => path.join(dataDir, 'backups')
const backupFile = (dataDir: string, id: string) => path.join(backupsDir(dataDir), `${id}.sqlite3`)
const manifestFile = (dataDir: string, id: string) => path.join(backupsDir(dataDir), `${id}.json`)

function readBackup<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

const patientNamesIn = (file: string) =>
  readBackup(file, (db) =>
    db
      .prepare<[], { full_name: string }>('SELECT full_name FROM patients ORDER BY full_name')
      .all()
      .map((r) => r.full_name),
  )

describe('taking a backup', () => {
  it('writes a checked copy of the database and a manifest that describes it', async () => {
    const { dataDir, backend } = await seeded(['Ana Ruiz', 'Ben Okafor'])

    const backup = await call(backend, 'backups.create', {})
    expect(backup).toMatchObject({
      reason: 'manual',
      appVersion: '1.2.3-test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      counts: { patients: 2, photos: 0, designs: 0, sessions: 0 },
    })
    const file = backupFile(dataDir, backup.id)
    expect(patientNamesIn(file)).toEqual(['Ana Ruiz', 'Ben Okafor'])
    expect(readBackup(file, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok')
    const manifest = JSON.parse(fs.readFileSync(manifestFile(dataDir, backup.id), 'utf8'))
    expect(manifest.file).toEqual({ bytes: fs.statSync(file).size, sha256: await sha256OfFile(file) })
    expect(manifest.patients).toEqual([
      { name: 'Ana Ruiz', archived: false },
      { name: 'Ben Okafor', archived: false },
    ])
    // A self-contained file: no write-ahead log beside it, and nothing half-written left over.
    expect(fs.readdirSync(backupsDir(dataDir)).filter((f) => f.startsWith(backup.id))).toEqual([
      `${backup.id}.json`,
      `${backup.id}.sqlite3`,
    ])
    expect((await call(backend, 'backups.list', {})).map((b) => b.id)).toContain(backup.id)
  })

  it('is consistent and complete while the app keeps writing', async () => {
    const dataDir = tempDir()
    // About 8 MB, so the online backup takes several steps with the app's calls between them.
    seedPatients(
      dataDir,
      Array.from({ length: 400 }, (_, i) => `Seeded ${String(i).padStart(3, '0')}`),
      'n'.repeat(20_000),
    )
    const backend = open(dataDir)
    await backend.startupBackup

    let done = false
    const taking = call(backend, 'backups.create', {}).finally(() => {
      done = true
    })
    const written: string[] = []
    while (!done) {
      const created = await call(backend, 'patients.create', {
        fields: validFields({ fullName: `Written ${written.length}` }),
      })
      written.push(created.fullName)
      // A renderer's calls arrive as separate events, as they do over IPC.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const backup = await taking

    const names = patientNamesIn(backupFile(dataDir, backup.id))
    const writtenInBackup = names.filter((n) => n.startsWith('Written '))
    expect(written.length).toBeGreaterThan(3)
    // One consistent moment: every seeded record, and the writes up to some point, in order.
    expect(names.filter((n) => n.startsWith('Seeded '))).toHaveLength(400)
    expect(writtenInBackup.length).toBeGreaterThan(0)
    expect(new Set(writtenInBackup)).toEqual(new Set(written.slice(0, writtenInBackup.length)))
    expect(backup.counts.patients).toBe(names.length)
    expect(readBackup(backupFile(dataDir, backup.id), (db) => db.pragma('integrity_check', { simple: true }))).toBe(
      'ok',
    )
  }, 30_000)
})

describe('the automatic backup at start-up', () => {
  it('is taken only when the newest backup is more than a day old', async () => {
    const dataDir = tempDir()
    const clock = handClock()
    const first = open(dataDir, clock.now)
    expect(await first.startupBackup).toBeNull()
    await call(first, 'patients.create', { fields: validFields() })
    first.close()
    expect(fs.existsSync(backupsDir(dataDir))).toBe(false)

    const second = open(dataDir, clock.now)
    const taken = await second.startupBackup
    expect(taken).toMatchObject({ reason: 'automatic', createdAt: clock.now().toISOString() })
    expect(taken?.counts.patients).toBe(1)
    second.close()

    clock.advanceHours(23)
    const third = open(dataDir, clock.now)
    expect(await third.startupBackup).toBeNull()
    third.close()

    clock.advanceHours(2)
    const fourth = open(dataDir, clock.now)
    expect(await fourth.startupBackup).toMatchObject({ reason: 'automatic' })
    expect(await call(fourth, 'backups.list', {})).toHaveLength(2)
  })

  it('clears what a backup cut off by a kill left, though no backup is due', async () => {
    const clock = handClock()
    const { dataDir, backend } = await seeded(['Ana Ruiz'], clock.now)
    const [kept] = await call(backend, 'backups.list', {})
    if (!kept) throw new Error('no start-up backup')
    backend.close()
    const keptFiles = fs.readdirSync(backupsDir(dataDir)).sort()
    // Killed while copying, and killed between naming the copy and writing its manifest.
    const cutOff = '20261120T093000000Z-0a0b'
    const leftovers = [`${cutOff}.sqlite3.tmp`, `${cutOff}.sqlite3.tmp-journal`, '20261120T091500000Z-0c0d.sqlite3']
    for (const name of leftovers) fs.writeFileSync(path.join(backupsDir(dataDir), name), 'half a backup')

    clock.advanceHours(1)
    const restarted = open(dataDir, clock.now)
    expect(await restarted.startupBackup).toBeNull()
    expect(fs.readdirSync(backupsDir(dataDir)).sort()).toEqual(keptFiles)
    expect((await call(restarted, 'backups.list', {})).map((b) => b.id)).toEqual([kept.id])
  })

  it('counts a manual backup as the latest one', async () => {
    const dataDir = tempDir()
    seedPatients(dataDir, ['Ana Ruiz'])
    const clock = handClock()
    const first = open(dataDir, clock.now)
    await first.startupBackup
    clock.advanceHours(30)
    await call(first, 'backups.create', {})
    first.close()
    clock.advanceHours(2)
    const second = open(dataDir, clock.now)
    expect(await second.startupBackup).toBeNull()
  })
})

describe('backups and the photo files they need', () => {
  async function importPhoto(backend: ReturnType<typeof open>, patientId: string, width = 80) {
    const imported = await call(backend, 'photos.import', {
      patientId,
      name: 'crown.jpg',
      lastModified: null,
      bytes: new Uint8Array(await flatJpeg(width, 60)),
    })
    return imported.photo
  }

  it('keeps a deleted photo’s files while a kept backup needs them, and lets them go with the last such backup', async () => {
    const dataDir = tempDir()
    const photosDir = path.join(dataDir, 'photos')
    seedPatients(dataDir, ['Ana Ruiz'])
    const clock = handClock()

    const day0 = open(dataDir, clock.now)
    await day0.startupBackup
    await call(day0, 'backups.policy.save', { policy: { daily: 1, weekly: 0, safetyDays: 30 } })
    const [patient] = (await call(day0, 'patients.list', { query: '', includeArchived: false })).patients
    if (!patient) throw new Error('no patient')
    const photo = await importPhoto(day0, patient.id)
    const photoFiles = filesUnder(photosDir)
    expect(photoFiles).toHaveLength(3)
    day0.close()

    clock.advanceHours(25)
    const day1 = open(dataDir, clock.now)
    const withPhoto = await day1.startupBackup
    expect(withPhoto?.counts.photos).toBe(1)
    expect(await call(day1, 'photos.delete', { id: photo.id })).toEqual({ id: photo.id, filesRemoved: false })
    expect(filesUnder(photosDir)).toEqual(photoFiles)
    // A photo no backup holds goes with its files, and the delete says so.
    const unbacked = await importPhoto(day1, patient.id, 90)
    expect(await call(day1, 'photos.delete', { id: unbacked.id })).toEqual({ id: unbacked.id, filesRemoved: true })
    expect(filesUnder(photosDir)).toEqual(photoFiles)
    day1.close()

    // Restarting sweeps files no record uses, but not these: the backup of day 1 needs them.
    const restarted = open(dataDir, clock.now)
    expect(await restarted.startupBackup).toBeNull()
    expect(filesUnder(photosDir)).toEqual(photoFiles)
    restarted.close()

    clock.advanceHours(25)
    const day2 = open(dataDir, clock.now)
    await day2.startupBackup
    // Keeping one day, the rotation dropped day 1's backup: nothing needs the files now.
    expect((await call(day2, 'backups.list', {})).map((b) => b.counts.photos)).toEqual([0])
    expect(filesUnder(photosDir)).toEqual([])
  })
})

describe('previewing a backup', () => {
  it('lists the patients it holds and finds nothing wrong with an intact backup', async () => {
    const { backend } = await seeded(['Ben Okafor', 'Ana Ruiz'])
    const backup = await call(backend, 'backups.create', {})
    const preview = await call(backend, 'backups.preview', { id: backup.id })
    expect(preview).toEqual({
      backup,
      checks: [
        { name: 'File', outcome: 'passed', detail: 'In the backups folder.' },
        { name: 'Checksum', outcome: 'passed', detail: expect.stringMatching(/^SHA-256 matches/) },
        { name: 'Schema', outcome: 'passed', detail: expect.stringMatching(/^Version \d+;/) },
        { name: 'Integrity', outcome: 'passed', detail: 'SQLite’s full integrity check: ok.' },
        { name: 'Photo files', outcome: 'passed', detail: 'Every photo it names has its files here.' },
      ],
      patients: [
        { name: 'Ana Ruiz', archived: false },
        { name: 'Ben Okafor', archived: false },
      ],
      problems: [],
      missingPhotoFiles: 0,
    })
  })

  it('finds a backup file that changed after it was taken, and a restore of it changes nothing', async () => {
    const { dataDir, backend } = await seeded(['Ana Ruiz'])
    const backup = await call(backend, 'backups.create', {})
    await call(backend, 'patients.create', { fields: validFields({ fullName: 'Cleo Marsh' }) })
    const file = backupFile(dataDir, backup.id)
    const bytes = fs.readFileSync(file)
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff
    fs.writeFileSync(file, bytes)
    const before = await call(backend, 'backups.list', {})

    const preview = await call(backend, 'backups.preview', { id: backup.id })
    expect(preview.problems).toEqual(['The backup file has changed since it was taken (its checksum does not match).'])
    const refused = await refusal(backend, 'backups.restore', { id: backup.id })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toMatch(/cannot be restored.*checksum.*Nothing was changed/)
    expect(namesOf(await call(backend, 'patients.list', { query: '', includeArchived: true }))).toEqual([
      'Ana Ruiz',
      'Cleo Marsh',
    ])
    expect(await call(backend, 'backups.list', {})).toEqual(before)
  })

  it('refuses a backup made by a newer Stipple', async () => {
    const { dataDir, backend } = await seeded(['Ana Ruiz'])
    const backup = await call(backend, 'backups.create', {})
    const file = backupFile(dataDir, backup.id)
    const db = new Database(file)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    const manifest = JSON.parse(fs.readFileSync(manifestFile(dataDir, backup.id), 'utf8'))
    manifest.file = { bytes: fs.statSync(file).size, sha256: await sha256OfFile(file) }
    fs.writeFileSync(manifestFile(dataDir, backup.id), JSON.stringify(manifest))

    const preview = await call(backend, 'backups.preview', { id: backup.id })
    expect(preview.problems).toEqual([
      `It was made by a newer version of Stipple (schema ${LATEST_SCHEMA_VERSION + 1}; this one opens up to ${LATEST_SCHEMA_VERSION}); update Stipple to restore it.`,
    ])
    expect(preview.checks.map((c) => `${c.name}: ${c.outcome}`)).toEqual([
      'File: passed',
      'Checksum: passed',
      'Schema: failed',
      'Integrity: skipped',
      'Photo files: skipped',
    ])
    expect((await refusal(backend, 'backups.restore', { id: backup.id })).code).toBe('conflict')
    expect(namesOf(await call(backend, 'patients.list', { query: '', includeArchived: true }))).toEqual(['Ana Ruiz'])
  })
})

describe('refused backup calls', () => {
  it('answer with a typed error and change nothing', async () => {
    const { dataDir, backend } = await seeded(['Ana Ruiz'])
    const database = fs.readFileSync(databaseFileOf(dataDir))
    const backupsBefore = fs.readdirSync(backupsDir(dataDir)).sort()

    expect((await refusal(backend, 'backups.preview', { id: '../stipple.sqlite3' })).code).toBe('invalid_input')
    expect((await refusal(backend, 'backups.restore', { id: '/etc/passwd' })).code).toBe('invalid_input')
    expect((await refusal(backend, 'backups.restore', { id: '20990101T000000000Z-abcd' })).code).toBe('not_found')
    expect((await refusal(backend, 'backups.delete', { id: '20990101T000000000Z-abcd' })).code).toBe('not_found')
    const badPolicy = await refusal(backend, 'backups.policy.save', { policy: { daily: 0, weekly: 8, safetyDays: 30 } })
    expect(badPolicy.fieldErrors).toEqual({ 'policy.daily': 'Days of daily backups must be at least 1' })
    expect((await refusal(backend, 'database.startEmpty', {})).code).toBe('conflict')

    expect(await call(backend, 'backups.policy.get', {})).toEqual(DEFAULT_BACKUP_POLICY)
    expect(fs.readdirSync(backupsDir(dataDir)).sort()).toEqual(backupsBefore)
    backend.close()
    expect(fs.readFileSync(databaseFileOf(dataDir)).equals(database)).toBe(true)
  })
})

describe('the rotation policy', () => {
  it('is kept beside the backups, outside the database, and applied as soon as it is saved', async () => {
    const dataDir = tempDir()
    seedPatients(dataDir, ['Ana Ruiz'])
    const clock = handClock()
    for (let day = 0; day < 4; day++) {
      const backend = open(dataDir, clock.now)
      await backend.startupBackup
      backend.close()
      clock.advanceHours(25)
    }
    const backend = open(dataDir, clock.now)
    await backend.startupBackup
    const manual = await call(backend, 'backups.create', {})
    expect(await call(backend, 'backups.list', {})).toHaveLength(6)

    const saved = await call(backend, 'backups.policy.save', { policy: { daily: 2, weekly: 0, safetyDays: 10 } })
    expect(saved).toEqual({ daily: 2, weekly: 0, safetyDays: 10 })
    expect(JSON.parse(fs.readFileSync(path.join(backupsDir(dataDir), 'policy.json'), 'utf8'))).toEqual(saved)
    const kept = await call(backend, 'backups.list', {})
    expect(kept.map((b) => b.reason)).toEqual(['manual', 'automatic', 'automatic'])
    expect(kept[0]?.id).toBe(manual.id)
    expect(await call(backend, 'backups.policy.get', {})).toEqual(saved)
  })
})

describe('the full database check', () => {
  it('reports a sound database as sound', async () => {
    const dataDir = tempDir()
    seedPatients(dataDir, ['Ana Ruiz'])
    const backend = open(dataDir)
    const check = await call(backend, 'database.check', {})
    expect(check).toMatchObject({ ok: true, problems: [] })
  })
})
