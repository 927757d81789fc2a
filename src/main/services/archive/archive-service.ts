import fs from 'node:fs'
import type { Database } from 'better-sqlite3'
import type { PhotoArchiveRow } from '../../../shared/archive/archive-records'
import { type ArchiveExport, MAX_ARCHIVE_BYTES } from '../../../shared/archive/archive-summary'
import { localToday } from '../../../shared/dates'
import { safeFileName } from '../../../shared/files/safe-file-name'
import type { PatientId } from '../../../shared/patients/patient'
import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import type { PhotoFiles, StoredVariant } from '../photos/photo-files'
import type { PhotoService } from '../photos/photo-service'
import { ServiceError } from '../service-error'
import { photoEntries } from './archive-check-photos'
import { checkRecordValues, countsOf, RecordProblem } from './archive-check-records'
import { type ArchiveImporter, createArchiveImporter } from './archive-import'
import { archivedOriginal } from './archive-originals'
import { packOffMain } from './archive-pack'
import { partOf, percentReporter, type ReportPercent, unitCounter } from './archive-progress'
import { createRecordsReader } from './archive-read'

export interface ArchiveService extends ArchiveImporter {
  /**
   * One patient whole, as the bytes of a `.stipple` file and the name to offer; `appVersion`
   * goes in its manifest. `report` hears how far it has got in whole percent: the photo files
   * read, then every entry hashed, then 100 once the zip is made.
   */
  export(patientId: PatientId, appVersion: string, report?: ReportPercent): Promise<ArchiveExport>
}

/**
 * Of the export, how much is reading the photo files, and where hashing every entry ends: the
 * zip stores the hashed entries as they are, the last step.
 */
const READ_BY = 0.5
const HASHED_BY = 0.99

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en')} MB`

/**
 * Patient archives: a patient's records, photos, designs, plan, comments and audit trail in one
 * file to carry to another machine. The export is here; inspecting and importing one are
 * `archive-import`'s.
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

  const readFile = async (path: string, photoName: string) => {
    try {
      return await fs.promises.readFile(path)
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
      const photoRead = unitCounter(records.photos.length, partOf(whole, 0, READ_BY))
      const createdAt = now().toISOString()
      const files: [string, Uint8Array][] = []
      const photos: PhotoArchiveRow[] = []
      let size = 0
      for (const stored of records.photos) {
        const fileOf = (variant: StoredVariant) =>
          readFile(deps.files.pathOf(stored.sha256, variant, stored.format as PhotoFormat), stored.original_name)
        const original = await archivedOriginal(stored, await fileOf('original'), removeLocation(), createdAt)
        const photo = original.photo
        photos.push(photo)
        const entries = photoEntries(photo)
        for (const variant of Object.keys(entries) as StoredVariant[]) {
          const bytes = variant === 'original' ? original.bytes : await fileOf(variant)
          size += bytes.byteLength
          if (size > MAX_ARCHIVE_BYTES)
            throw new ServiceError(
              'invalid_input',
              `This patient’s photos come to more than ${megabytes(MAX_ARCHIVE_BYTES)}, the most one archive holds.`,
            )
          files.push([entries[variant], bytes])
        }
        photoRead(1)
      }
      const bytes = await packOffMain(
        {
          appVersion,
          schemaVersion: LATEST_SCHEMA_VERSION,
          createdAt,
          patient: { id: records.patient.id, fullName: records.patient.full_name },
          counts: countsOf(records),
          records: { ...records, photos },
          files,
        },
        partOf(whole, READ_BY, HASHED_BY),
      )
      whole(1)
      return {
        suggestedName: safeFileName(`${records.patient.full_name} ${localToday(now())}`, 'stipple'),
        bytes,
        counts: countsOf(records),
      }
    },

    ...importer,
  }
}
