import fs from 'node:fs'
import path from 'node:path'
import { afterEach } from 'vitest'
import { type Backend, openBackend } from '../../src/main/backend'
import { DATABASE_FILE, openDatabase } from '../../src/main/db/database'
import { createPatientService } from '../../src/main/services/patients/patient-service'
import type { CallInput, CallName, CallOutput } from '../../src/shared/bridge/contract'
import type { BridgeError } from '../../src/shared/bridge/errors'
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
 * its start-up backup has settled.
 */
export function backendsForEachTest() {
  const opened: Backend[] = []
  afterEach(async () => {
    for (const backend of opened.splice(0)) {
      await backend.startupBackup
      backend.close()
    }
  })
  return (dataDir: string, now?: () => Date): Backend => {
    const backend = openBackend({ dataDir, shell: 'web', version: '1.2.3-test', ...(now && { now }) })
    opened.push(backend)
    return backend
  }
}

/** A bridge call that must succeed, typed as the renderer sees it. */
export async function call<K extends CallName>(backend: Backend, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await backend.dispatch(name, input)
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`)
  return result.value as CallOutput<K>
}

/** A bridge call that must be refused: its error. */
export async function refusal(backend: Backend, name: string, input: unknown): Promise<BridgeError> {
  const result = await backend.dispatch(name, input)
  if (result.ok) throw new Error(`${name} was expected to be refused`)
  return result.error
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
