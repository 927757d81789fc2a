import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { type Backend, openBackend } from '../../../src/main/backend'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { createBackupStore } from '../../../src/main/services/backups/backup-store'
import { createPhotoFiles } from '../../../src/main/services/photos/photo-files'
import type { Photo } from '../../../src/shared/photos/photo'
import { call } from '../bridge-call'
import { filesUnder } from '../photo-backend'
import type { Ledger } from './crash-ledger'
import { comparable } from './crash-ledger'
import { entityKey, SETTINGS_KEY } from './crash-protocol'

/** What the database file itself says right after the kill, before Stipple opens it again. */
export interface RawCheck {
  problems: string[]
  /** Files under photos/ no row names, and temp files: what the start-up sweep must remove. */
  leftovers: { orphans: number; temps: number }
}

/**
 * Opens the killed writer's database as a plain SQLite connection (which replays its write-ahead
 * log) and runs the full `integrity_check` and the foreign key check.
 */
export function checkRawDatabase(dataDir: string): RawCheck {
  const file = path.join(dataDir, DATABASE_FILE)
  const leftovers = { orphans: 0, temps: 0 }
  if (!fs.existsSync(file)) return { problems: [], leftovers }
  const db = new Database(file, { fileMustExist: true })
  try {
    const problems: string[] = []
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
    const dangling = db.pragma('foreign_key_check') as unknown[]
    if (dangling.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(dangling)}`)
    const hasPhotos = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'photos'").get()
    const used = new Set([
      ...(hasPhotos ? (db.prepare('SELECT sha256 FROM photos').pluck().all() as string[]) : []),
      ...createBackupStore({ dataDir, appVersion: 'crash-check' }).neededPhotoFiles(),
    ])
    for (const file of filesUnder(path.join(dataDir, 'photos'))) {
      if (file.endsWith('.tmp')) leftovers.temps++
      else if (!used.has(path.basename(file).slice(0, 64))) leftovers.orphans++
    }
    return { problems, leftovers }
  } finally {
    db.close()
  }
}

/** Every record the writer can change, read back through the bridge and keyed as the ledger keys them. */
export async function readRecords(backend: Backend): Promise<{ records: Map<string, unknown>; photos: Photo[] }> {
  const records = new Map<string, unknown>()
  const photos: Photo[] = []
  const put = (kind: Parameters<typeof entityKey>[0], key: string, value: unknown) =>
    records.set(entityKey(kind, key), comparable(kind, value))
  for (const { id } of (await call(backend, 'patients.list', { query: '', includeArchived: true })).patients) {
    put('patient', id, await call(backend, 'patients.get', { id }))
    for (const photo of await call(backend, 'photos.list', { patientId: id })) {
      photos.push(photo)
      put('photo', photo.id, photo)
      if (photo.measurementCount === 0) continue
      for (const measurement of (await call(backend, 'photos.get', { id: photo.id })).measurements)
        put('measurement', measurement.id, measurement)
    }
    for (const design of await call(backend, 'designs.forPatient', { patientId: id }))
      put('design', design.photoId, design)
    const plan = await call(backend, 'plans.get', { patientId: id })
    if (plan.revision > 0) put('plan', id, plan)
  }
  for (const pigment of await call(backend, 'pigments.list', { includeRetired: true }))
    put('pigment', pigment.id, pigment)
  const settings = await call(backend, 'settings.get', {})
  if (settings.revision > 0) put('settings', SETTINGS_KEY, settings)
  return { records, photos }
}

const isJpeg = (bytes: Buffer) =>
  bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9

/**
 * Every photo row has its three files, whole (the original hashes to its name, the drawn
 * copies are complete JPEGs), and every file under photos/ belongs to a row or to a backup: no
 * orphan, no temp file.
 */
export function photoFileProblems(dataDir: string, photos: readonly Photo[]): string[] {
  const problems: string[] = []
  const files = createPhotoFiles(dataDir)
  const expected = new Set<string>()
  // A backup keeps the files its records name, so restoring it brings back whole photos.
  const keptForBackups = createBackupStore({ dataDir, appVersion: 'crash-check' }).neededPhotoFiles()
  for (const photo of photos) {
    const original = files.pathOf(photo.sha256, 'original', photo.format)
    for (const variant of ['original', 'working', 'thumbnail'] as const) {
      const file = files.pathOf(photo.sha256, variant, photo.format)
      expected.add(file)
      if (!fs.existsSync(file)) {
        problems.push(`photo ${photo.id} has no ${variant} file`)
        continue
      }
      const bytes = fs.readFileSync(file)
      if (file === original && createHash('sha256').update(bytes).digest('hex') !== photo.sha256)
        problems.push(`photo ${photo.id}: the original's bytes no longer match its hash`)
      if (variant !== 'original' && !isJpeg(bytes)) problems.push(`photo ${photo.id}: the ${variant} JPEG is cut short`)
    }
  }
  const root = path.join(dataDir, 'photos')
  for (const file of filesUnder(root)) {
    const name = path.basename(file)
    if (expected.has(path.join(root, file))) continue
    if (!name.endsWith('.tmp') && keptForBackups.has(name.slice(0, 64))) continue
    problems.push(`photos/${file} belongs to no photo record and no backup`)
  }
  return problems
}

/**
 * After a kill: the raw database checks, then Stipple opened again as the app would be (its
 * start-up sweep and checks included), every acknowledged change read back and the photo
 * folder matched against the rows. Returns the problems found and what the sweep had to clear.
 */
export async function checkAfterCrash(dataDir: string, ledger: Ledger): Promise<RawCheck> {
  const raw = checkRawDatabase(dataDir)
  const backend = openBackend({ dataDir, shell: 'web', version: 'crash-check' })
  try {
    await backend.startupBackup
    const { records, photos } = await readRecords(backend)
    return {
      problems: [...raw.problems, ...ledger.reconcile(records), ...photoFileProblems(dataDir, photos)],
      leftovers: raw.leftovers,
    }
  } finally {
    backend.close()
  }
}
