import type { AppInfo } from '../../shared/bridge/contract'
import { createDispatch } from '../bridge/dispatch'
import { createHandlers } from '../bridge/handlers'
import { createServices, type ServicesHost } from '../bridge/services'
import { openDatabase } from '../db/database'
import type { Platform } from '../platform'
import type { BackendState } from './backend-state'

/** Opens the database and wires every service to the bridge's handlers. */
export function openServices(options: {
  dataDir: string
  info: AppInfo
  host: ServicesHost
  platform: Platform | undefined
  rendererDir: string | null
}): Extract<BackendState, { kind: 'open' }> {
  const db = openDatabase(options.dataDir)
  const services = createServices(db, options.dataDir, options.host)
  try {
    services.photos.sweepUnusedFiles()
  } catch (error) {
    // A read-only or full disk must not keep the records from opening.
    console.error('Could not sweep the photo folders:', error)
  }
  const handlers = createHandlers(services, options.info, options.platform, options.rendererDir)
  return { kind: 'open', db, services, handle: createDispatch(handlers) }
}
