import type { Database } from 'better-sqlite3'
import type { ArchiveRecords } from '../../../shared/archive/archive-records'
import type { ArchiveImportResult, ArchiveSummary, OnExisting } from '../../../shared/archive/archive-summary'
import type { ArchiveImportNote } from '../../../shared/audit/audit-types'
import { localToday } from '../../../shared/dates'
import type { HeldFile } from '../../../shared/files/held-file'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { HeavyWorkStopped } from '../../workers/worker-pool'
import { decoding } from '../isolation/decoding'
import type { Kept } from '../isolation/spilled-bytes'
import type { PhotoService } from '../photos/photo-service'
import { ServiceError } from '../service-error'
import { storedSets } from './archive-answer'
import { appendArchiveTrail } from './archive-audit'
import { copyWithNewIds } from './archive-copy'
import type { OpenedArchive, ProvenArchive } from './archive-open'
import { createPigmentReconciler } from './archive-pigments'
import type { ReportPercent } from './archive-progress'
import { archiveRejected } from './archive-rejected'
import { createRecordsWriter } from './archive-write'

/** An archive's bytes as main has them: in memory, or in a file of its own (never read whole into main). */
export type ArchiveBytes = Uint8Array | HeldFile

/**
 * An archive being checked with its photos' copies remade, in a decode process, for an import to
 * come: what it holds is known (`shown`) as soon as it is proven, and the import that follows
 * waits only for what is left of the copies.
 */
export interface PreparedArchive {
  readonly bytes: ArchiveBytes
  /**
   * What it holds and whether its patient is here already, once every entry is proven and every
   * original checked against its record; rejects with the refusal if it is not sound.
   */
  readonly shown: Promise<ArchiveSummary>
  /** From now on `report` hears how far the check has got (at once, the last percent it reached). */
  listen(report: ReportPercent): void
  /**
   * Runs `use` once on the opened archive, when it is ready, and resolves to what `use` gives; the
   * remade copies go once `use` settles. Rejects with the check's refusal, or `use`'s own as it is.
   */
  take<T>(use: (archive: Kept<OpenedArchive>) => Promise<T>): Promise<T>
  /** Lets it go unused: a check still running is stopped, and the remade copies go. */
  drop(): void
}

/**
 * Each checks the whole archive first, telling `report` how far the check has got in whole
 * percent (its entries inflated and hashed, then each photo checked and its copies remade).
 */
export interface ArchiveImporter {
  /** Starts checking an archive for an import to come (`importPrepared`), its photos' copies remade meanwhile. */
  prepare(bytes: ArchiveBytes, report?: ReportPercent): PreparedArchive
  /** Checks everything, then writes the patient whole or nothing. */
  import(bytes: ArchiveBytes, onExisting: OnExisting, report?: ReportPercent): Promise<ArchiveImportResult>
  /** `import` of an archive whose check `prepare` started: only what is left of that check is waited for. */
  importPrepared(prepared: PreparedArchive, onExisting: OnExisting): Promise<ArchiveImportResult>
}

interface Owner {
  id: string
  full_name: string
}

/** Checking an archive reads, hashes and (on import) decodes every photo: its time grows with its size. */
const archiveTimeoutMs = (byteLength: number) => 15_000 + (byteLength / (1024 * 1024)) * 500

/**
 * The import side of patient archives: the whole archive proven first (container, checksums,
 * every record by the bridge's rules, every photo file), then the photo files written and every
 * row in one transaction; if anything fails the files it wrote go again. A patient already here is
 * never overwritten: the caller chooses a copy with new ids or a skip.
 */
export function createArchiveImporter(
  db: Database,
  deps: { photos: Pick<PhotoService, 'storeFilesThen'>; now: () => Date },
): ArchiveImporter {
  const { now } = deps
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

  /** Why checking an archive was stopped, as the person importing it reads it. */
  const stopped = (error: unknown): never => {
    if (!(error instanceof HeavyWorkStopped)) throw error
    archiveRejected(
      error.reason === 'time'
        ? 'Stipple stopped checking this archive: it took far longer than an archive of its size can. It may be damaged or crafted; nothing was imported.'
        : 'Stipple stopped checking this archive: it needed more memory than an archive of its size can. It may be damaged or crafted; nothing was imported.',
    )
  }

  const summaryOf = ({ manifest, records }: ProvenArchive, byteSize: number): ArchiveSummary => {
    const owner = existingOwner(records)
    return {
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      byteSize,
      patient: {
        id: records.patient.id,
        fullName: records.patient.full_name,
        dateOfBirth: records.patient.date_of_birth,
        archived: records.patient.archived_at !== null,
      },
      counts: manifest.counts,
      existing: owner && { id: owner.id, fullName: owner.full_name },
    }
  }

  /**
   * The whole archive proven sound with its photos' copies remade, or a refusal naming what is
   * wrong with it: checked in a decode process, so the app keeps answering, and stopped if it
   * takes too long or too much memory. What it holds is shown once it is proven; then one `use`
   * takes it: the remade copies stay in the files the decode process wrote them to until `use`
   * settles, and are stored from there, never read into main. A refusal of `use`'s own is passed
   * on as it is.
   */
  function prepare(bytes: ArchiveBytes, report?: ReportPercent): PreparedArchive {
    let listener = report
    let latest: number | null = null
    type Use = (archive: Kept<OpenedArchive>) => Promise<unknown>
    let hand: (use: Use | null) => void = () => {}
    const handed = new Promise<Use | null>((resolve) => {
      hand = resolve
    })
    let shownYet = false
    let markShown: (summary: ArchiveSummary) => void = () => {}
    const told = new Promise<ArchiveSummary>((resolve) => {
      markShown = (summary) => {
        shownYet = true
        resolve(summary)
      }
    })
    let taken = false
    let answered = false
    const unwanted = new AbortController()
    const checked = decoding
      .runThen(
        'openArchive',
        { archive: { byFile: bytes }, latestSchema: LATEST_SCHEMA_VERSION },
        {
          timeoutMs: archiveTimeoutMs(bytes.byteLength),
          onProgress(percent) {
            latest = percent
            listener?.(percent)
          },
          onTold: (proven) => markShown(summaryOf(proven as ProvenArchive, bytes.byteLength)),
          signal: unwanted.signal,
        },
        async (archive) => {
          answered = true
          // Told before its answer whenever it is sound; this is only so no caller waits forever.
          if (!shownYet) markShown(summaryOf(archive, bytes.byteLength))
          const use = await handed
          return use ? use(archive) : undefined
        },
      )
      .catch((error: unknown) => (answered ? Promise.reject(error) : stopped(error)))
    // Heard by `take`; an archive let go unused has no one to tell.
    checked.catch(() => {})
    // A refusal before it was proven is the answer to showing it.
    const shown = Promise.race([told, checked.then(() => told)])
    shown.catch(() => {})
    return {
      bytes,
      shown,
      listen(next) {
        listener = next
        if (latest !== null) next(latest)
      },
      take<T>(use: (archive: Kept<OpenedArchive>) => Promise<T>) {
        if (taken) return Promise.reject(new Error('A prepared archive is taken once'))
        taken = true
        hand(use)
        return checked as Promise<T>
      },
      drop() {
        if (taken) return
        taken = true
        hand(null)
        // Still checking: its decode process is ended rather than left making copies no one will store.
        if (!answered) unwanted.abort(new Error('The archive was let go'))
      },
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
      appendArchiveTrail(db, {
        patientId: records.patient.id,
        entries: original.audit,
        ids: copyIds,
        note: { ...archive, copyOf: copyIds ? original.patient.id : null, entries: original.audit.length },
        at: now().toISOString(),
      })
      return pigments
    },
  )

  const importPrepared: ArchiveImporter['importPrepared'] = ({ bytes, take }, onExisting) =>
    take(async ({ manifest, records, fileSets }): Promise<ArchiveImportResult> => {
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
      const pigments = await deps.photos.storeFilesThen(storedSets(fileSets, bytes), () =>
        importRows.immediate(target, records, copy?.ids ?? null, archive),
      )
      return {
        status: copy ? 'copied' : 'imported',
        patient: { id: target.patient.id, fullName: target.patient.full_name },
        counts: manifest.counts,
        pigmentsAdded: pigments.added,
        pigmentsAddedAsCopies: pigments.addedAsCopies,
      }
    })

  return {
    prepare,
    import: (bytes, onExisting, report) => importPrepared(prepare(bytes, report), onExisting),
    importPrepared,
  }
}
