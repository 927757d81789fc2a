import type { AppInfo } from '../shared/bridge/contract'
import { parsePhotoPath } from '../shared/photos/photo-urls'
import { createDispatch, type Dispatch } from './bridge/dispatch'
import { createHandlers } from './bridge/handlers'
import { openDatabase } from './db/database'
import { createDesignService } from './services/designs/design-service'
import { createPatientService } from './services/patients/patient-service'
import { createPhotoFiles } from './services/photos/photo-files'
import { createPhotoService } from './services/photos/photo-service'
import { createPigmentService } from './services/pigments/pigment-service'
import { createPlanService } from './services/plans/plan-service'
import { createSettingsService } from './services/settings/settings-service'

export interface Backend {
  dispatch: Dispatch
  /** The file a photo URL path (`/photos/working/<sha>.jpg`) names, or null: what both transports serve. */
  photoFile(pathname: string): string | null
  close(): void
}

/**
 * Everything main does, without a transport: the desktop shell wires it to IPC and its photo
 * protocol, the web harness to HTTP. Throws (with a message for the user) when the database
 * cannot be opened.
 */
export function openBackend(options: { dataDir: string; shell: AppInfo['shell']; version: string }): Backend {
  const db = openDatabase(options.dataDir)
  const photos = createPhotoService(db, createPhotoFiles(options.dataDir))
  photos.sweepUnusedFiles()
  const designs = createDesignService(db)
  const settings = createSettingsService(db)
  const pigments = createPigmentService(db)
  const plans = createPlanService(db, { settings, pigments, designs, photos })
  const services = { patients: createPatientService(db), photos, designs, settings, pigments, plans }
  const dispatch = createDispatch(
    createHandlers(services, { version: options.version, shell: options.shell, dataDir: options.dataDir }),
  )
  return {
    dispatch,
    photoFile(pathname) {
      const named = parsePhotoPath(pathname)
      return named && photos.fileFor(named.sha256, named.variant)
    },
    close() {
      if (!db.open) return
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
