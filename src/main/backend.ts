import type { BackupSummary } from '../shared/backups/backup-types'
import type { AppInfo } from '../shared/bridge/contract'
import { parsePhotoPath } from '../shared/photos/photo-urls'
import { createCallGate } from './backend/call-gate'
import { openDatabaseSlot } from './backend/database-slot'
import { startBackups } from './backend/startup-backups'
import type { Dispatch } from './bridge/dispatch'
import type { Platform } from './platform'
import { createAuditAnchor } from './services/audit/audit-anchor'
import { createBackupStore } from './services/backups/backup-store'

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

/**
 * Everything main does, without a transport: the desktop shell wires it to IPC and its photo
 * protocol, the web harness to HTTP. Its parts (`backend/`): the database slot (the start-up
 * check, opening with the services wired to the bridge, recovery and the swap a restore makes),
 * the call gate (a restore runs alone) and the backups taken unasked. Throws (with a message for
 * the user) only when the database is from a newer Stipple or cannot be reached at all.
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

  const slot = openDatabaseSlot({
    dataDir,
    info,
    store,
    anchor,
    platform: options.platform,
    rendererDir: options.rendererDir ?? null,
  })
  const { startupBackup, firstBackup } = startBackups({
    slot,
    store,
    closing: () => closed,
    firstBackupDelayMs: options.firstBackupDelayMs,
  })

  // A long-lived WAL holds recent changes in a second file; folding it back when the app is idle
  // keeps the database file whole on its own (what a backup or a copy by hand picks up).
  let idle: ReturnType<typeof setTimeout> | null = null
  const checkpoint = () => {
    const state = slot.state()
    if (state.kind === 'open' && state.db.open) state.db.pragma('wal_checkpoint(TRUNCATE)')
  }
  const gate = createCallGate({
    handle: (name, input, call) => slot.state().handle(name, input, call),
    beforeCall() {
      if (idle) clearTimeout(idle)
    },
    answered(name, answer) {
      // A hostile caller's name may be anything; only a real call name can be a change.
      if (typeof name === 'string') firstBackup.answered(name, answer.ok)
    },
    afterCall() {
      const state = slot.state()
      if (state.kind === 'open' && state.db.open) {
        try {
          anchor.record(state.db)
        } catch (error) {
          console.error('Could not write the audit anchor:', error)
        }
      }
      idle = setTimeout(checkpoint, options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS)
      idle.unref?.()
    },
  })

  return {
    dispatch: gate.dispatch,
    photoFile(pathname) {
      const named = parsePhotoPath(pathname)
      const state = slot.state()
      return named && state.kind === 'open' ? state.services.photos.fileFor(named.sha256, named.variant) : null
    },
    startupBackup,
    async settled() {
      await gate.drained()
      await startupBackup
    },
    close() {
      closed = true
      firstBackup.stop()
      if (idle) clearTimeout(idle)
      slot.close()
    },
  }
}
