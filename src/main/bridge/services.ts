import type { Database } from 'better-sqlite3'
import { type ArchiveService, createArchiveService } from '../services/archive/archive-service'
import { type AuditAnchor, type AuditHead, checkAnchors } from '../services/audit/audit-anchor'
import { type AuditService, createAuditService } from '../services/audit/audit-service'
import { type BackupService, createBackupService } from '../services/backups/backup-service'
import type { BackupStore } from '../services/backups/backup-store'
import { photoFilesKeptDatabasesName } from '../services/backups/kept-databases'
import { keepFilesBackupsNeed } from '../services/backups/kept-photo-files'
import type { ReplaceDatabase } from '../services/backups/restore-backup'
import { type ChartService, createChartService } from '../services/charts/chart-service'
import { type ClinicService, createClinicService } from '../services/clinic/clinic-service'
import { createCommentAudit } from '../services/comments/comment-audit'
import { type CommentService, createCommentService } from '../services/comments/comment-service'
import { createDesignService, type DesignService } from '../services/designs/design-service'
import { createPatientService, type PatientService } from '../services/patients/patient-service'
import { createPhotoFiles } from '../services/photos/photo-files'
import { createPhotoService, type PhotoService } from '../services/photos/photo-service'
import { createPigmentService, type PigmentService } from '../services/pigments/pigment-service'
import { createPlanService, type PlanService } from '../services/plans/plan-service'
import { createSampleService, type SampleService } from '../services/sample/sample-service'
import { createSettingsService, type SettingsService } from '../services/settings/settings-service'

/** Every service over one open database: what the handlers call. */
export interface Services {
  patients: PatientService
  photos: PhotoService
  designs: DesignService
  settings: SettingsService
  pigments: PigmentService
  plans: PlanService
  audit: AuditService
  clinic: ClinicService
  comments: CommentService
  backups: BackupService
  archives: ArchiveService
  charts: ChartService
  sample: SampleService
}

/** What the services need from the backend that holds them: its backups, and a way to swap the database under them. */
export interface ServicesHost {
  backups: BackupStore
  replaceDatabase: ReplaceDatabase
  /** The audit head kept in the data folder. */
  anchor: Pick<AuditAnchor, 'read'>
}

/** The audit service whose check also holds the chain against the heads kept outside the database. */
function anchoredAudit(db: Database, audit: AuditService, heads: () => AuditHead[]): AuditService {
  return { ...audit, verify: async () => checkAnchors(db, await audit.verify(), heads()) }
}

export function createServices(db: Database, dataDir: string, host: ServicesHost): Services {
  const settings = createSettingsService(db)
  const photos = createPhotoService(
    db,
    keepFilesBackupsNeed(createPhotoFiles(dataDir, host.backups.now), host.backups.neededPhotoFiles, () =>
      photoFilesKeptDatabasesName(dataDir),
    ),
    undefined,
    () => settings.get().settings.removePhotoLocation,
  )
  const designs = createDesignService(db)
  const pigments = createPigmentService(db)
  const plans = createPlanService(db, { settings, pigments, designs, photos })
  const comments = createCommentService(db, { onChange: createCommentAudit(db) })
  const patients = createPatientService(db)
  const charts = createChartService(db, { photos, designs })
  return {
    patients,
    charts,
    sample: createSampleService(db, { patients, photos, designs, charts, plans, pigments, settings, comments }),
    photos,
    designs,
    settings,
    pigments,
    plans,
    audit: anchoredAudit(db, createAuditService(db), () => {
      const anchor = host.anchor.read()
      return [...(anchor ? [anchor] : []), ...host.backups.auditHeads(anchor?.since)]
    }),
    clinic: createClinicService(db),
    comments,
    archives: createArchiveService(db, {
      photos,
      files: createPhotoFiles(dataDir),
      removeLocation: () => settings.get().settings.removePhotoLocation,
    }),
    backups: createBackupService({
      db,
      store: host.backups,
      sweepPhotos: () => photos.sweepUnusedFiles(),
      replaceDatabase: host.replaceDatabase,
    }),
  }
}
