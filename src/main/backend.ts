import type { AppInfo } from '../shared/bridge/contract'
import { createDispatch, type Dispatch } from './bridge/dispatch'
import { createHandlers } from './bridge/handlers'
import { openDatabase } from './db/database'
import { createPatientService } from './services/patients/patient-service'

export interface Backend {
  dispatch: Dispatch
  close(): void
}

/**
 * Everything main does, without a transport: the desktop shell wires it to IPC, the web
 * harness to HTTP. Throws (with a message for the user) when the database cannot be opened.
 */
export function openBackend(options: { dataDir: string; shell: AppInfo['shell']; version: string }): Backend {
  const db = openDatabase(options.dataDir)
  const services = { patients: createPatientService(db) }
  const dispatch = createDispatch(
    createHandlers(services, { version: options.version, shell: options.shell, dataDir: options.dataDir }),
  )
  return {
    dispatch,
    close() {
      if (!db.open) return
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
