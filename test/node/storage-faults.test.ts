import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../src/main/backend'
import { DATABASE_FILE } from '../../src/main/db/database'
import { validFields } from '../fixtures/patients'
import { backendsForEachTest, seedPatients } from './backup-bed'
import { call, refusal } from './bridge-call'
import { photoBackendsForEachTest } from './photo-backend'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)
const { open } = backendsForEachTest(tempDir)

describe('a full disk, a read-only folder or a locked database get a clear message', () => {
  it('says the disk is full and that nothing was saved, and keeps working once there is room', async () => {
    const bed = newBed()
    const pages = bed.db.pragma('page_count', { simple: true }) as number
    bed.db.pragma(`max_page_count = ${pages}`)
    let result = await bed.dispatch('patients.create', { fields: validFields() })
    for (let i = 0; i < 500 && result.ok; i++) result = await bed.dispatch('patients.create', { fields: validFields() })
    if (result.ok) throw new Error('the database never filled')
    expect(result.error).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/disk .* is full.*nothing was saved/i),
    })
    bed.db.pragma('max_page_count = 1073741823')
    expect((await call(bed, 'patients.create', { fields: validFields() })).fullName).toBe('Ana Ruiz')
  })

  it('says the data folder cannot be written to, and that nothing was saved', async () => {
    const bed = newBed()
    bed.db.pragma('query_only = 1')
    const error = await refusal(bed, 'patients.create', { fields: validFields() })
    expect(error).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/cannot write to its data folder.*nothing was saved/i),
    })
  })

  it('starts, rather than exiting, when the data folder cannot be reached, and says why on every call', async () => {
    const notAFolder = path.join(tempDir(), 'stipple-data')
    fs.writeFileSync(notAFolder, 'a file where the data folder should be')
    const backend = openBackend({ dataDir: notAFolder, shell: 'web', version: 'test' })
    try {
      expect((await call(backend, 'app.info', {})).dataDir).toBe(notAFolder)
      const error = await refusal(backend, 'patients.list', { query: '', includeArchived: false })
      expect(error).toMatchObject({ code: 'unavailable', message: expect.stringContaining(notAFolder) })
    } finally {
      backend.close()
    }
  })

  it('starts and names another program holding the database locked', async () => {
    const dataDir = tempDir()
    seedPatients(dataDir, ['Ana Ruiz'])
    const holder = new Database(path.join(dataDir, DATABASE_FILE))
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    try {
      const backend = open(dataDir)
      const error = await refusal(backend, 'patients.list', { query: '', includeArchived: false })
      expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/another program/i) })
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
  }, 30_000)
})
