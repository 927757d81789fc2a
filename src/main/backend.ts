import type { AppInfo } from '../shared/bridge/contract'
import { parsePhotoPath } from '../shared/photos/photo-urls'
import { createDispatch, type Dispatch } from './bridge/dispatch'
import { createHandlers } from './bridge/handlers'
import { createServices } from './bridge/services'
import { openDatabase } from './db/database'
import type { Platform } from './platform'

export interface Backend {
  dispatch: Dispatch
  /** The file a photo URL path (`/photos/working/<sha>.jpg`) names, or null: what both transports serve. */
  photoFile(pathname: string): string | null
  close(): void
}

/** After this long without a call, the write-ahead log is folded into the database and emptied. */
export const IDLE_CHECKPOINT_MS = 30_000

/**
 * Everything main does, without a transport: the desktop shell wires it to IPC and its photo
 * protocol, the web harness to HTTP. Throws (with a message for the user) when the database
 * cannot be opened.
 */
export function openBackend(options: {
  dataDir: string
  shell: AppInfo['shell']
  version: string
  idleCheckpointMs?: number
  platform?: Platform
}): Backend {
  const db = openDatabase(options.dataDir)
  const services = createServices(db, options.dataDir)
  services.photos.sweepUnusedFiles()
  const handle = createDispatch(
    createHandlers(
      services,
      { version: options.version, shell: options.shell, dataDir: options.dataDir },
      options.platform,
    ),
  )
  // A long-lived WAL holds recent changes in a second file; folding it back when the app is idle
  // keeps the database file whole on its own (what a backup or a copy by hand picks up).
  let idle: ReturnType<typeof setTimeout> | null = null
  const checkpoint = () => {
    if (db.open) db.pragma('wal_checkpoint(TRUNCATE)')
  }
  const dispatch: Dispatch = async (name, input) => {
    if (idle) clearTimeout(idle)
    try {
      return await handle(name, input)
    } finally {
      idle = setTimeout(checkpoint, options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS)
      idle.unref?.()
    }
  }
  return {
    dispatch,
    photoFile(pathname) {
      const named = parsePhotoPath(pathname)
      return named && services.photos.fileFor(named.sha256, named.variant)
    },
    close() {
      if (idle) clearTimeout(idle)
      if (!db.open) return
      checkpoint()
      db.close()
    },
  }
}
