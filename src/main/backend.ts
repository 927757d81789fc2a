import fs from 'node:fs'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import type { BackupSummary, RecoveryState } from '../shared/backups/backup-types'
import type { AppInfo } from '../shared/bridge/contract'
import { parsePhotoPath } from '../shared/photos/photo-urls'
import { createDispatch, type Dispatch } from './bridge/dispatch'
import { createHandlers } from './bridge/handlers'
import { createServices, type Services } from './bridge/services'
import { DATABASE_FILE, openDatabase } from './db/database'
import { storageFault } from './db/storage-faults'
import type { Platform } from './platform'
import { createAuditAnchor } from './services/audit/audit-anchor'
import { createBackupStore } from './services/backups/backup-store'
import {
  type DatabaseFileState,
  inspectDatabaseFile,
  installDatabaseFile,
  moveAside,
} from './services/backups/database-file'
import { createFirstBackup } from './services/backups/first-backup'
import { createRecoveryDispatch } from './services/backups/recovery-dispatch'
import type { ReplaceDatabase } from './services/backups/restore-backup'
import { ServiceError } from './services/service-error'

export interface Backend {
  dispatch: Dispatch
  /** The file a photo URL path (`/photos/working/<sha>.jpg`) names, or null: what both transports serve. */
  photoFile(pathname: string): string | null
  /**
   * The automatic backup taken at start-up when the newest is older than a day: resolves once it
   * is written, or to null when none was due (or the app is in recovery, or it failed: logged).
   */
  startupBackup: Promise<BackupSummary | null>
  /** Resolves once no call is running (a save, an import, a backup) and the start-up backup is done. */
  settled(): Promise<void>
  close(): void
}

/** After this long without a call, the write-ahead log is folded into the database and emptied. */
export const IDLE_CHECKPOINT_MS = 30_000

/** Calls that take the database away from under every other: nothing else runs meanwhile. */
const SWITCHING_CALLS = new Set<unknown>(['backups.restore', 'database.startEmpty'])

type State =
  | { kind: 'open'; db: Database; services: Services; handle: Dispatch }
  | { kind: 'recovery'; handle: Dispatch }
  | { kind: 'unreachable'; handle: Dispatch }

/**
 * The data folder or its database cannot be used (read-only, full, locked, gone): the app still
 * starts and answers `app.info`, and every other call says what happened and what to do.
 */
function unreachable(info: AppInfo, fault: ServiceError): State {
  return {
    kind: 'unreachable',
    handle: async (name) =>
      name === 'app.info'
        ? { ok: true, value: info }
        : { ok: false, error: { code: fault.code, message: fault.message } },
  }
}

function closeDatabase(db: Database) {
  if (!db.open) return
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

/**
 * Everything main does, without a transport: the desktop shell wires it to IPC and its photo
 * protocol, the web harness to HTTP. At start-up the database gets SQLite's quick check; a
 * damaged one (or a missing one while backups of it exist) opens the backend in recovery rather
 * than empty, and the file is left exactly as found. Throws (with a message for the user) only
 * when the database is from a newer Stipple or cannot be reached at all.
 */
export function openBackend(options: {
  dataDir: string
  shell: AppInfo['shell']
  version: string
  idleCheckpointMs?: number
  platform?: Platform
  /** The built renderer folder, packed into offline review files; absent under the dev server. */
  rendererDir?: string
  /** The clock backups are dated and rotated by. */
  now?: () => Date
  /** How long after the first change on a new install the first backup is taken. */
  firstBackupDelayMs?: number
}): Backend {
  const { dataDir } = options
  const databaseFile = path.join(dataDir, DATABASE_FILE)
  const info: AppInfo = { version: options.version, shell: options.shell, dataDir }
  const store = createBackupStore({ dataDir, appVersion: options.version, ...(options.now && { now: options.now }) })
  // A backup cut off by a kill leaves a temp copy as large as the database; the next backup may be
  // days away, so it goes now, before anything can be backing up.
  try {
    store.clearLeftovers()
  } catch (error) {
    console.error('Could not clear what an interrupted backup left:', error)
  }
  const anchor = createAuditAnchor(dataDir)
  let closed = false

  const recover = (recovery: Omit<RecoveryState, 'databaseFile'>): State => ({
    kind: 'recovery',
    handle: createRecoveryDispatch({
      info,
      recovery: { ...recovery, databaseFile: DATABASE_FILE },
      store,
      replaceDatabase,
    }),
  })

  /** `startingEmpty`: the user chose an empty database in recovery, so backups no longer argue against one. */
  const start = (found: DatabaseFileState, startingEmpty = false): State => {
    const hasBackups = !startingEmpty && store.list().length > 0
    if (found.kind === 'damaged') return recover({ reason: 'damaged', detail: found.detail })
    if (found.kind === 'empty' && hasBackups)
      return recover({ reason: 'damaged', detail: 'The database file is empty.' })
    if (found.kind === 'absent' && hasBackups)
      return recover({
        reason: 'missing',
        detail: `There is no ${DATABASE_FILE} in the data folder, but there are backups of it.`,
      })
    const db = openDatabase(dataDir)
    const services = createServices(db, dataDir, { backups: store, replaceDatabase, anchor })
    try {
      services.photos.sweepUnusedFiles()
    } catch (error) {
      // A read-only or full disk must not keep the records from opening.
      console.error('Could not sweep the photo folders:', error)
    }
    const handlers = createHandlers(services, info, options.platform, options.rendererDir ?? null)
    return { kind: 'open', db, services, handle: createDispatch(handlers) }
  }

  // Runs inside the store's `exclusive`, and only for a switching call, so nothing else is in flight.
  const replaceDatabase: ReplaceDatabase = async (source) => {
    let movedAside: string | null = null
    if (state.kind === 'open') closeDatabase(state.db)
    else if (fs.existsSync(databaseFile)) movedAside = moveAside(databaseFile, store.now())
    try {
      if (source) await installDatabaseFile(databaseFile, source)
    } finally {
      // Whatever is in place now, restored or (after a failed copy) the old file, goes through the start-up check.
      state = start(inspectDatabaseFile(databaseFile), source === null)
    }
    if (state.kind !== 'open')
      throw new ServiceError('unavailable', 'The backup was put in place, but Stipple could not open it.')
    anchor.reset(state.db, store.now())
    return { movedAside }
  }

  /** The start-up check and opening, with a disk or database file that cannot be used answered in words. */
  const startOrExplain = (): { found: DatabaseFileState | null; state: State } => {
    try {
      const found = inspectDatabaseFile(databaseFile)
      return { found, state: start(found) }
    } catch (error) {
      const fault = storageFault(error, dataDir)
      if (!fault) throw error
      console.error('Stipple cannot use its data folder:', error)
      return { found: null, state: unreachable(info, fault) }
    }
  }
  const opened = startOrExplain()
  const found = opened.found
  let state = opened.state
  const fresh = found === null || found.kind === 'absent' || found.kind === 'empty'
  const startupBackup =
    state.kind === 'open' && !fresh
      ? state.services.backups.backUpIfDue().catch((error: unknown) => {
          // Closing the app mid-backup abandons it; the next start takes it again.
          if (!closed) console.error('The start-up backup failed:', error)
          return null
        })
      : Promise.resolve(null)

  const firstBackup = createFirstBackup({
    hasBackups: () => store.list().length > 0,
    takeBackup: async () => (state.kind === 'open' ? state.services.backups.backUpIfDue() : null),
    onError: (error) => {
      if (!closed) console.error('The first backup failed:', error)
    },
    ...(options.firstBackupDelayMs !== undefined && { delayMs: options.firstBackupDelayMs }),
  })

  // A long-lived WAL holds recent changes in a second file; folding it back when the app is idle
  // keeps the database file whole on its own (what a backup or a copy by hand picks up).
  let idle: ReturnType<typeof setTimeout> | null = null
  const checkpoint = () => {
    if (state.kind === 'open' && state.db.open) state.db.pragma('wal_checkpoint(TRUNCATE)')
  }
  const anchorHead = (db: Database) => {
    try {
      anchor.record(db)
    } catch (error) {
      console.error('Could not write the audit anchor:', error)
    }
  }
  let switching = false
  const inFlight = new Set<Promise<unknown>>()
  const dispatch: Dispatch = async (name, input) => {
    if (switching)
      return {
        ok: false,
        error: { code: 'unavailable', message: 'Stipple is restoring its database; try again in a moment.' },
      }
    if (idle) clearTimeout(idle)
    const switches = SWITCHING_CALLS.has(name)
    if (switches) {
      switching = true
      await Promise.allSettled(inFlight)
    }
    const call = state.handle(name, input)
    inFlight.add(call)
    try {
      const answer = await call
      // A hostile caller's name may be anything; only a real call name can be a change.
      if (typeof name === 'string') firstBackup.answered(name, answer.ok)
      return answer
    } finally {
      inFlight.delete(call)
      if (switches) switching = false
      if (state.kind === 'open' && state.db.open) anchorHead(state.db)
      idle = setTimeout(checkpoint, options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS)
      idle.unref?.()
    }
  }

  return {
    dispatch,
    photoFile(pathname) {
      const named = parsePhotoPath(pathname)
      return named && state.kind === 'open' ? state.services.photos.fileFor(named.sha256, named.variant) : null
    },
    startupBackup,
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
      await startupBackup
    },
    close() {
      closed = true
      firstBackup.stop()
      if (idle) clearTimeout(idle)
      if (state.kind === 'open') closeDatabase(state.db)
    },
  }
}
