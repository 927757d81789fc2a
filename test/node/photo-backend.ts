import fs from 'node:fs'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach } from 'vitest'
import { createDispatch } from '../../src/main/bridge/dispatch'
import { createHandlers } from '../../src/main/bridge/handlers'
import { openDatabase } from '../../src/main/db/database'
import { createArchiveService } from '../../src/main/services/archive/archive-service'
import { createAuditService } from '../../src/main/services/audit/audit-service'
import { createBackupService } from '../../src/main/services/backups/backup-service'
import { createBackupStore } from '../../src/main/services/backups/backup-store'
import { createChartService } from '../../src/main/services/charts/chart-service'
import { createClinicService } from '../../src/main/services/clinic/clinic-service'
import { createCommentAudit } from '../../src/main/services/comments/comment-audit'
import { createCommentService } from '../../src/main/services/comments/comment-service'
import { createDesignService } from '../../src/main/services/designs/design-service'
import { createPatientService } from '../../src/main/services/patients/patient-service'
import { createPhotoFiles } from '../../src/main/services/photos/photo-files'
import { createPhotoService } from '../../src/main/services/photos/photo-service'
import { createPigmentService } from '../../src/main/services/pigments/pigment-service'
import { createPlanService } from '../../src/main/services/plans/plan-service'
import { createSampleService } from '../../src/main/services/sample/sample-service'
import { createSettingsService } from '../../src/main/services/settings/settings-service'
import type { Photo } from '../../src/shared/photos/photo'
import { validFields } from '../fixtures/patients'
import { flatJpeg } from './images'

/** Every file under the data folder's photos/, relative to it, temp files included. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/**
 * The photo and design services over a real database and real folders, with the bridge dispatch
 * in front of them (what the renderer reaches), closed after each test. `makeDir` gives a fresh
 * folder.
 */
export function photoBackendsForEachTest(makeDir: () => string) {
  const open: Database[] = []
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close()
  })
  return () => {
    const dataDir = makeDir()
    // A clock that moves a second per call keeps stamps distinct and ordered.
    let t = Date.parse('2026-03-01T09:00:00Z')
    const now = () => {
      t += 1000
      return new Date(t)
    }
    const db = openDatabase(dataDir)
    open.push(db)
    const files = createPhotoFiles(dataDir)
    const settings = createSettingsService(db, now)
    const photos = createPhotoService(db, files, now, () => settings.get().settings.removePhotoLocation)
    const patients = createPatientService(db, now)
    const designs = createDesignService(db, now)
    const pigments = createPigmentService(db, now)
    const plans = createPlanService(db, { settings, pigments, designs, photos }, now)
    const clinic = createClinicService(db, now)
    const comments = createCommentService(db, { now, onChange: createCommentAudit(db) })
    const audit = createAuditService(db)
    const backups = createBackupService({
      db,
      store: createBackupStore({ dataDir, appVersion: '0.0.0-test', now }),
      sweepPhotos: () => photos.sweepUnusedFiles(),
      // Swapping the database under the services takes a whole backend (openBackend).
      replaceDatabase: () => Promise.reject(new Error('restore needs openBackend')),
    })
    const archives = createArchiveService(db, {
      photos,
      files,
      now,
      removeLocation: () => settings.get().settings.removePhotoLocation,
    })
    const charts = createChartService(db, { photos, designs }, now)
    const sample = createSampleService(
      db,
      { patients, photos, designs, charts, plans, pigments, settings, comments },
      now,
    )
    const dispatch = createDispatch(
      createHandlers(
        {
          patients,
          photos,
          designs,
          settings,
          pigments,
          plans,
          clinic,
          comments,
          audit,
          backups,
          archives,
          charts,
          sample,
        },
        { version: '0.0.0-test', shell: 'web', dataDir },
      ),
      () => {},
    )
    const photosDir = path.join(dataDir, 'photos')
    return {
      dataDir,
      db,
      photos,
      patients,
      designs,
      settings,
      pigments,
      plans,
      clinic,
      comments,
      audit,
      backups,
      archives,
      charts,
      sample,
      dispatch,
      /** Where the untouched original of a photo is kept. */
      originalOf: (photo: Pick<Photo, 'sha256' | 'format'>) => files.pathOf(photo.sha256, 'original', photo.format),
      /** A new patient's id. */
      patient: (fullName = 'Ana Ruiz') => patients.create(validFields({ fullName })).id,
      /** A new patient with one plain 200 × 150 photo, the size the measuring and design tests draw on. */
      async plainPhoto(name = 'front.jpg'): Promise<Photo> {
        const { photo } = await photos.import({
          patientId: patients.create(validFields({ fullName: 'Ana Ruiz' })).id,
          name,
          lastModified: null,
          bytes: await flatJpeg(200, 150),
        })
        return photo
      },
      storedFiles: () => filesUnder(photosDir),
      rowCount: (table: 'photos' | 'photo_measurements' | 'designs') =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    }
  }
}
