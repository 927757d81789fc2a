import fs from 'node:fs'
import type { Database } from 'better-sqlite3'
import type { ArchiveExport } from '../../../shared/archive/archive-summary'
import { localToday } from '../../../shared/dates'
import { HeldFile } from '../../../shared/files/held-file'
import { safeFileName } from '../../../shared/files/safe-file-name'
import type { PatientId } from '../../../shared/patients/patient'
import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import type { ByFile } from '../isolation/spilled-bytes'
import type { PhotoFiles, StoredVariant } from '../photos/photo-files'
import type { PhotoService } from '../photos/photo-service'
import { ServiceError } from '../service-error'
import { checkRecordValues, countsOf, RecordProblem } from './archive-check-records'
import { type ArchiveImporter, createArchiveImporter } from './archive-import'
import { packOffMain } from './archive-pack'
import { partOf, percentReporter, type ReportPercent } from './archive-progress'
import { createRecordsReader } from './archive-read'
import { createHeldArchives, type HeldArchives } from './held-archives'

export interface ArchiveService extends ArchiveImporter {
  /**
   * One patient whole, as the bytes of a `.stipple` file and the name to offer; `appVersion`
   * goes in its manifest. `report` hears how far it has got in whole percent: the photo files
   * read, then every entry hashed, then 100 once the zip is made.
   */
  export(patientId: PatientId, appVersion: string, report?: ReportPercent): Promise<ArchiveExport>
  /** Archives shown for import, kept until imported or let go. */
  held: HeldArchives
}

/** Of the export, where packing (reading the photo files, hashing every entry) ends: the zip is the last step. */
const PACKED_BY = 0.99

/** A photo's stored files in the order an archive lists them (`photoEntries`). */
const VARIANTS: readonly StoredVariant[] = ['original', 'working', 'thumbnail']

/**
 * Patient archives: a patient's records, photos, designs, plan, comments and audit trail in one
 * file to carry to another machine. The export is here; inspecting and importing one are
 * `archive-import`'s, and keeping one shown for its import `held-archives`'.
 */
export function createArchiveService(
  db: Database,
  deps: {
    photos: Pick<PhotoService, 'storeFilesThen'>
    files: Pick<PhotoFiles, 'pathOf'>
    now?: () => Date
    /** Whether originals leave without their location, as the clinic's setting has imports do. */
    removeLocation?: () => boolean
  },
): ArchiveService {
  const now = deps.now ?? (() => new Date())
  const removeLocation = deps.removeLocation ?? (() => true)
  const read = createRecordsReader(db)
  const importer = createArchiveImporter(db, { photos: deps.photos, now })
  const held = createHeldArchives(importer)

  /** A stored file as the packing reads it, by name; a missing one refuses the export, naming its photo. */
  const heldFile = async (path: string, photoName: string) => {
    try {
      return new HeldFile(path, (await fs.promises.stat(path)).size)
    } catch {
      throw new ServiceError(
        'conflict',
        `A file of photo “${photoName}” is missing from this machine’s photo folder, so the archive was not made. Remove the photo or restore a backup, then export again.`,
      )
    }
  }

  const isSample = db.prepare<[string], { sample: number }>('SELECT sample FROM patients WHERE id = ? AND sample = 1')

  return {
    async export(patientId, appVersion, report = () => {}) {
      const records = read(patientId)
      if (!records) throw new ServiceError('not_found', 'That patient record does not exist.')
      if (isSample.get(patientId))
        throw new ServiceError('conflict', 'This is the sample patient, made up to show Stipple; it is never exported.')
      try {
        checkRecordValues(records)
      } catch (error) {
        if (error instanceof RecordProblem)
          throw new ServiceError(
            'conflict',
            `This record holds something Stipple would not accept on import, so the archive was not made: ${error.message}`,
          )
        throw error
      }
      const whole = percentReporter(report)
      whole(0)
      const photoFiles: Record<StoredVariant, ByFile>[] = []
      for (const stored of records.photos) {
        const files = {} as Record<StoredVariant, ByFile>
        for (const variant of VARIANTS)
          files[variant] = {
            byFile: await heldFile(
              deps.files.pathOf(stored.sha256, variant, stored.format as PhotoFormat),
              stored.original_name,
            ),
          }
        photoFiles.push(files)
      }
      const bytes = await packOffMain(
        {
          appVersion,
          schemaVersion: LATEST_SCHEMA_VERSION,
          createdAt: now().toISOString(),
          patient: { id: records.patient.id, fullName: records.patient.full_name },
          counts: countsOf(records),
          records,
          photoFiles,
          removeLocation: removeLocation(),
        },
        partOf(whole, 0, PACKED_BY),
      )
      whole(1)
      return {
        suggestedName: safeFileName(`${records.patient.full_name} ${localToday(now())}`, 'stipple'),
        bytes,
        counts: countsOf(records),
      }
    },

    ...importer,
    held,
  }
}
