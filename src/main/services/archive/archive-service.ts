import fs from 'node:fs'
import type { Database } from 'better-sqlite3'
import type { ArchiveRecords, PhotoArchiveRow } from '../../../shared/archive/archive-records'
import {
  type ArchiveExport,
  type ArchiveImportResult,
  type ArchiveSummary,
  MAX_ARCHIVE_BYTES,
  type OnExisting,
} from '../../../shared/archive/archive-summary'
import type { ArchiveImportNote } from '../../../shared/audit/audit-types'
import { localToday } from '../../../shared/dates'
import { safeFileName } from '../../../shared/files/safe-file-name'
import type { PatientId } from '../../../shared/patients/patient'
import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { decodePool, HeavyWorkStopped } from '../../workers/worker-pool'
import type { PhotoFiles, StoredVariant } from '../photos/photo-files'
import type { PhotoService } from '../photos/photo-service'
import { ServiceError } from '../service-error'
import { appendArchiveHistory } from './archive-audit'
import { photoEntries } from './archive-check-photos'
import { checkRecordValues, countsOf, RecordProblem } from './archive-check-records'
import { copyWithNewIds } from './archive-copy'
import { archivedOriginal } from './archive-originals'
import { createPigmentReconciler } from './archive-pigments'
import { createRecordsReader } from './archive-read'
import { archiveRejected } from './archive-rejected'
import { createRecordsWriter } from './archive-write'
import { packArchive } from './archive-zip'

export interface ArchiveService {
  /** One patient whole, as the bytes of a `.stipple` file and the name to offer; `appVersion` goes in its manifest. */
  export(patientId: PatientId, appVersion: string): Promise<ArchiveExport>
  /** Checks an archive as an import would and says what it holds and whether its patient is here already. */
  inspect(bytes: Uint8Array): Promise<ArchiveSummary>
  /** Checks everything, then writes the patient whole or nothing. */
  import(bytes: Uint8Array, onExisting: OnExisting): Promise<ArchiveImportResult>
}

interface Owner {
  id: string
  full_name: string
}

/** Checking an archive reads, hashes and (on import) decodes every photo: its time grows with its size. */
const archiveTimeoutMs = (byteLength: number) => 15_000 + (byteLength / (1024 * 1024)) * 500

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en')} MB`

/**
 * Patient archives: a patient's records, photos, designs, plan, comments and history in one file
 * to carry to another machine. An import proves the whole archive first (container, checksums,
 * every record by the bridge's rules, every photo file), writes the photo files, then every row in
 * one transaction; if anything fails the files it wrote go again. A patient already here is never
 * overwritten: the caller chooses a copy with new ids or a skip.
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
  const write = createRecordsWriter(db)
  const reconcilePigments = createPigmentReconciler(db)
  const ids = (rows: readonly { id: string }[]) => JSON.stringify(rows.map((r) => r.id))
  const ownerOf = db.prepare<Record<string, string>, Owner>(
    `SELECT id, full_name FROM patients WHERE id = @patient
     UNION ALL SELECT p.id, p.full_name FROM photos JOIN patients p ON p.id = photos.patient_id
       WHERE photos.id IN (SELECT value FROM json_each(@photos))
     UNION ALL SELECT p.id, p.full_name FROM designs JOIN patients p ON p.id = designs.patient_id
       WHERE designs.id IN (SELECT value FROM json_each(@designs))
     UNION ALL SELECT p.id, p.full_name FROM sessions JOIN patients p ON p.id = sessions.patient_id
       WHERE sessions.id IN (SELECT value FROM json_each(@sessions))
     UNION ALL SELECT p.id, p.full_name FROM photo_measurements m JOIN photos ON photos.id = m.photo_id
       JOIN patients p ON p.id = photos.patient_id WHERE m.id IN (SELECT value FROM json_each(@measurements))
     UNION ALL SELECT p.id, p.full_name FROM comments c JOIN designs ON designs.id = c.design_id
       JOIN patients p ON p.id = designs.patient_id WHERE c.id IN (SELECT value FROM json_each(@comments))
     LIMIT 1`,
  )

  /** The record here that holds any of the archive's ids: its patient, or one whose photo, design... it is. */
  const existingOwner = (records: ArchiveRecords): Owner | null =>
    ownerOf.get({
      patient: records.patient.id,
      photos: ids(records.photos),
      designs: ids(records.designs),
      sessions: ids(records.sessions),
      measurements: ids(records.measurements),
      comments: ids(records.comments),
    }) ?? null

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

  /**
   * The whole archive proven sound, or a refusal naming what is wrong with it: checked in a
   * worker thread, so the app keeps answering, and stopped if it takes too long or too much memory.
   */
  async function open(bytes: Uint8Array, remake: boolean) {
    try {
      return await decodePool.run(
        'openArchive',
        { bytes, latestSchema: LATEST_SCHEMA_VERSION, remake },
        { timeoutMs: archiveTimeoutMs(bytes.byteLength) },
      )
    } catch (error) {
      if (!(error instanceof HeavyWorkStopped)) throw error
      archiveRejected(
        error.reason === 'time'
          ? 'Stipple stopped checking this archive: it took far longer than an archive of its size can. It may be damaged or crafted; nothing was imported.'
          : 'Stipple stopped checking this archive: it needed more memory than an archive of its size can. It may be damaged or crafted; nothing was imported.',
      )
    }
  }

  const importRows = db.transaction(
    (
      records: ArchiveRecords,
      original: ArchiveRecords,
      copyIds: ReadonlyMap<string, string> | null,
      archive: Pick<ArchiveImportNote, 'archiveCreatedAt' | 'appVersion'>,
    ) => {
      // Checked again under the write lock: the same archive imported twice at once lands once.
      if (existingOwner(records))
        throw new ServiceError('conflict', 'This patient was imported meanwhile; open the import again to choose.')
      const pigments = reconcilePigments(records.pigments, localToday(now()))
      write(records, pigments.ids)
      appendArchiveHistory(db, {
        patientId: records.patient.id,
        history: original.audit,
        ids: copyIds,
        note: { ...archive, copyOf: copyIds ? original.patient.id : null, entries: original.audit.length },
        at: now().toISOString(),
      })
      return pigments
    },
  )

  const isSample = db.prepare<[string], { sample: number }>('SELECT sample FROM patients WHERE id = ? AND sample = 1')

  return {
    async export(patientId, appVersion) {
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
      const createdAt = now().toISOString()
      const files = new Map<string, Uint8Array>()
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
          files.set(entries[variant], bytes)
        }
      }
      const bytes = packArchive({
        appVersion,
        schemaVersion: LATEST_SCHEMA_VERSION,
        createdAt,
        patient: { id: records.patient.id, fullName: records.patient.full_name },
        counts: countsOf(records),
        records: { ...records, photos },
        files,
      })
      return {
        suggestedName: safeFileName(`${records.patient.full_name} ${localToday(now())}`, 'stipple'),
        bytes,
        counts: countsOf(records),
      }
    },

    async inspect(bytes) {
      const { manifest, records } = await open(bytes, false)
      const owner = existingOwner(records)
      return {
        createdAt: manifest.createdAt,
        appVersion: manifest.appVersion,
        schemaVersion: manifest.schemaVersion,
        byteSize: bytes.byteLength,
        patient: {
          id: records.patient.id,
          fullName: records.patient.full_name,
          dateOfBirth: records.patient.date_of_birth,
          archived: records.patient.archived_at !== null,
        },
        counts: manifest.counts,
        existing: owner && { id: owner.id, fullName: owner.full_name },
      }
    },

    async import(bytes, onExisting) {
      const { manifest, records, fileSets } = await open(bytes, true)
      const owner = existingOwner(records)
      if (owner && onExisting === 'skip')
        return {
          status: 'skipped',
          patient: { id: owner.id, fullName: owner.full_name },
          counts: manifest.counts,
          pigmentsAdded: [],
          pigmentsAddedAsCopies: [],
        }
      const copy = owner ? copyWithNewIds(records, localToday(now())) : null
      const target = copy?.records ?? records
      const archive = { archiveCreatedAt: manifest.createdAt, appVersion: manifest.appVersion }
      const pigments = await deps.photos.storeFilesThen(fileSets, () =>
        importRows.immediate(target, records, copy?.ids ?? null, archive),
      )
      return {
        status: copy ? 'copied' : 'imported',
        patient: { id: target.patient.id, fullName: target.patient.full_name },
        counts: manifest.counts,
        pigmentsAdded: pigments.added,
        pigmentsAddedAsCopies: pigments.addedAsCopies,
      }
    },
  }
}
