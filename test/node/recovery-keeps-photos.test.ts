import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { backendsForEachTest, corruptPages, databaseFileOf, handClock } from './backup-bed'
import { call } from './bridge-call'
import { flatJpeg } from './images'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const { open, seeded } = backendsForEachTest(tempDir)

const originalOf = (dataDir: string, sha256: string) =>
  path.join(dataDir, 'photos', 'originals', sha256.slice(0, 2), `${sha256}.jpg`)

/** Every file under the quarantine folder, relative to it. */
const quarantined = (dataDir: string) => {
  const root = path.join(dataDir, 'quarantine', 'photos')
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
}

/** A data folder with a backup holding one photo, and a second photo imported after that backup. */
async function photosBeforeAndAfterBackup(now: () => Date) {
  const { dataDir, backend } = await seeded(['Ana Ruiz'], now)
  const [ana] = (await call(backend, 'patients.list', { query: 'Ana', includeArchived: false })).patients
  if (!ana) throw new Error('no Ana')
  const importPhoto = async (width: number) =>
    (
      await call(backend, 'photos.import', {
        patientId: ana.id,
        name: `p${width}.jpg`,
        lastModified: null,
        bytes: new Uint8Array(await flatJpeg(width, 60)),
      })
    ).photo
  const before = await importPhoto(80)
  await call(backend, 'backups.create', {})
  const after = await importPhoto(90)
  backend.close()
  return { dataDir, before, after }
}

describe('recovery never deletes what the user imported', () => {
  it('keeps a photo imported after the newest backup when the damaged database is set aside', async () => {
    const clock = handClock()
    const { dataDir, before, after } = await photosBeforeAndAfterBackup(clock.now)
    corruptPages(databaseFileOf(dataDir), [1])

    const backend = open(dataDir, clock.now)
    expect((await call(backend, 'app.info', {})).recovery?.reason).toBe('damaged')
    const [newest] = await call(backend, 'backups.list', {})
    if (!newest) throw new Error('no backup')
    await call(backend, 'backups.restore', { id: newest.id })

    expect(fs.existsSync(originalOf(dataDir, before.sha256))).toBe(true)
    // The kept damaged file still lists it: the user may get it back from there.
    expect(fs.existsSync(originalOf(dataDir, after.sha256))).toBe(true)
  })

  it('keeps it too when the user starts an empty database', async () => {
    const clock = handClock()
    const { dataDir, after } = await photosBeforeAndAfterBackup(clock.now)
    corruptPages(databaseFileOf(dataDir), [1])
    const backend = open(dataDir, clock.now)
    await call(backend, 'database.startEmpty', {})
    expect(fs.existsSync(originalOf(dataDir, after.sha256))).toBe(true)
  })

  it('moves a file nothing names into quarantine for 30 days instead of deleting it', async () => {
    const clock = handClock()
    const { dataDir, backend } = await seeded(['Ana Ruiz'], clock.now)
    backend.close()
    const stray = 'ab'.repeat(32)
    const file = originalOf(dataDir, stray)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, 'photo bytes nothing names')

    const reopened = open(dataDir, clock.now)
    await reopened.startupBackup
    reopened.close()
    expect(fs.existsSync(file)).toBe(false)
    expect(quarantined(dataDir)).toEqual([`${stray}.jpg`])

    clock.advanceHours(29 * 24)
    const later = open(dataDir, clock.now)
    await later.startupBackup
    later.close()
    expect(quarantined(dataDir)).toEqual([`${stray}.jpg`])

    clock.advanceHours(2 * 24)
    const muchLater = open(dataDir, clock.now)
    await muchLater.startupBackup
    expect(quarantined(dataDir)).toEqual([])
  })
})
