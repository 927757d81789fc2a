import type { Database } from 'better-sqlite3'
import { createDesignService, type DesignService } from '../services/designs/design-service'
import { createPatientService, type PatientService } from '../services/patients/patient-service'
import { createPhotoFiles } from '../services/photos/photo-files'
import { createPhotoService, type PhotoService } from '../services/photos/photo-service'
import { createPigmentService, type PigmentService } from '../services/pigments/pigment-service'
import { createPlanService, type PlanService } from '../services/plans/plan-service'
import { createSettingsService, type SettingsService } from '../services/settings/settings-service'

/** Every service over one open database: what the handlers call. */
export interface Services {
  patients: PatientService
  photos: PhotoService
  designs: DesignService
  settings: SettingsService
  pigments: PigmentService
  plans: PlanService
}

export function createServices(db: Database, dataDir: string): Services {
  const photos = createPhotoService(db, createPhotoFiles(dataDir))
  const designs = createDesignService(db)
  const settings = createSettingsService(db)
  const pigments = createPigmentService(db)
  const plans = createPlanService(db, { settings, pigments, designs, photos })
  return { patients: createPatientService(db), photos, designs, settings, pigments, plans }
}
