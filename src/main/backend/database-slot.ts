import fs from 'node:fs'
import path from 'node:path'
import type { AppInfo } from '../../shared/bridge/contract'
import { DATABASE_FILE } from '../db/database'
import { storageFault } from '../db/storage-faults'
import type { Platform } from '../platform'
import type { AuditAnchor } from '../services/audit/audit-anchor'
import type { BackupStore } from '../services/backups/backup-store'
import {
  type DatabaseFileState,
  inspectDatabaseFile,
  installDatabaseFile,
  moveAside,
} from '../services/backups/database-file'
import { createRecoveryDispatch } from '../services/backups/recovery-dispatch'
import type { ReplaceDatabase } from '../services/backups/restore-backup'
import { ServiceError } from '../services/service-error'
import { type BackendState, closeDatabase, unreachable } from './backend-state'
import { recoveryNeeded } from './start-check'
import { openServices } from './wire-services'

/** Which database answers: the one checked and opened at start-up, or the one a restore put in its place. */
export interface DatabaseSlot {
  state(): BackendState
  /** The start-up check found nothing to back up: no database, an empty one, or a data folder it cannot use. */
  readonly startedFresh: boolean
  close(): void
}

/**
 * Checks and opens the data folder's database (or answers in recovery, or explains why the folder
 * cannot be used), and swaps it for a backup or an empty one when recovery or a restore asks.
 */
export function openDatabaseSlot(options: {
  dataDir: string
  info: AppInfo
  store: BackupStore
  anchor: AuditAnchor
  platform: Platform | undefined
  rendererDir: string | null
}): DatabaseSlot {
  const { dataDir, info, store, anchor } = options
  const databaseFile = path.join(dataDir, DATABASE_FILE)

  /** `startingEmpty`: the user chose an empty database in recovery, so backups no longer argue against one. */
  const start = (found: DatabaseFileState, startingEmpty = false): BackendState => {
    const recovery = recoveryNeeded(found, !startingEmpty && store.list().length > 0)
    if (recovery)
      return {
        kind: 'recovery',
        handle: createRecoveryDispatch({
          info,
          recovery: { ...recovery, databaseFile: DATABASE_FILE },
          store,
          replaceDatabase,
        }),
      }
    return openServices({
      dataDir,
      info,
      host: { backups: store, replaceDatabase, anchor },
      platform: options.platform,
      rendererDir: options.rendererDir,
    })
  }

  // Runs inside the store's `exclusive`, and only for a switching call, so nothing else is in flight.
  const replaceDatabase: ReplaceDatabase = async (source) => {
    let movedAside: string | null = null
    if (state.kind === 'open') {
      // An archive shown for import would be written into the database being replaced.
      void state.services.archives.held.close()
      closeDatabase(state.db)
    } else if (fs.existsSync(databaseFile)) movedAside = moveAside(databaseFile, store.now())
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
  const startOrExplain = (): { found: DatabaseFileState | null; state: BackendState } => {
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
  const { found } = opened
  let state = opened.state

  return {
    state: () => state,
    startedFresh: found === null || found.kind === 'absent' || found.kind === 'empty',
    close() {
      if (state.kind === 'open') {
        void state.services.archives.held.close()
        closeDatabase(state.db)
      }
    },
  }
}
