import fs from 'node:fs'
import path from 'node:path'
import { afterEach } from 'vitest'
import { type Backend, openBackend } from '../../src/main/backend'
import { DATABASE_FILE, openDatabase } from '../../src/main/db/database'
import { createPatientService } from '../../src/main/services/patients/patient-service'
import { validFields } from '../fixtures/patients'

/** A clock the test moves by hand: backups are dated and rotated by it. */
export function handClock(start = new Date(2026, 10, 20, 9, 0)) {
  let t = start.getTime()
  return {
    now: () => new Date(t),
    advanceHours(hours: number) {
      t += hours * 60 * 60 * 1000
    },
  }
}

/**
 * Whole backends (what the app runs) over real data folders, each closed after the test once
 * its start-up backup has settled. `seeded` makes a fresh folder (from `tempDir`) holding the
 * named patients and opens a backend on it once that backup has settled, so the test starts
 * from a quiet app.
 */
export function backendsForEachTest(tempDir: () => string) {
  const opened: Backend[] = []
  afterEach(async () => {
    for (const backend of opened.splice(0)) {
      await backend.startupBackup
      backend.close()
    }
  })
  const open = (dataDir: string, now?: () => Date): Backend => {
    const backend = openBackend({ dataDir, shell: 'web', version: '1.2.3-test', ...(now && { now }) })
    opened.push(backend)
    return backend
  }
  const seeded = async (names: string[], now?: () => Date) => {
    const dataDir = tempDir()
    seedPatients(dataDir, names)
    const backend = open(dataDir, now)
    await backend.startupBackup
    return { dataDir, backend }
  }
  return { open, seeded }
}

/** Patients written straight into the data folder's database, in one transaction. */
export function seedPatients(dataDir: string, names: string[], notes = ''): void {
  const db = openDatabase(dataDir)
  const patients = createPatientService(db)
  db.transaction(() => {
    for (const fullName of names) patients.create(validFields({ fullName, notes }))
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

export const databaseFileOf = (dataDir: string) => path.join(dataDir, DATABASE_FILE)

/** Overwrites whole pages of a real database file with garbage, as a failing disk might. */
export function corruptPages(file: string, pages: number[], pageSize = 4096): void {
  const handle = fs.openSync(file, 'r+')
  try {
    for (const page of pages) {
      const garbage = Buffer.alloc(pageSize)
      for (let i = 0; i < pageSize; i++) garbage[i] = (i * 131 + page * 17) % 251
      fs.writeSync(handle, garbage, 0, pageSize, (page - 1) * pageSize)
    }
  } finally {
    fs.closeSync(handle)
  }
}

export const namesOf = (list: { patients: { fullName: string }[] }) => list.patients.map((p) => p.fullName).sort()
