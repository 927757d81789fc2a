import { z } from 'zod'
import {
  type ArchiveExport,
  type ArchiveImportResult,
  HELD_ARCHIVE_ID_PATTERN,
  type HeldArchiveSummary,
  MAX_ARCHIVE_BYTES,
} from '../archive/archive-summary'
import { auditPageQuerySchema } from '../audit/audit-schema'
import type { AuditPage, ChainReport } from '../audit/audit-types'
import { backupIdSchema, backupPolicySchema } from '../backups/backup-schema'
import type {
  BackupId,
  BackupPolicy,
  BackupPreview,
  BackupSummary,
  DatabaseCheck,
  RecoveryState,
  RestoreOutcome,
} from '../backups/backup-types'
import { HEAD_CHART_VIEWS, type HeadChartView } from '../charts/head-chart'
import type { SavedClinic } from '../clinic/clinic-details'
import { clinicDetailsSchema } from '../clinic/clinic-schema'
import type { CommentId, ReviewComment } from '../comments/comment'
import {
  commentAuthorSchema,
  commentIdSchema,
  commentInputSchema,
  commentRevisionSchema,
  designIdSchema,
} from '../comments/comment-schema'
import { designDocumentSchema } from '../design/design-schema'
import type { Design, DesignSummary } from '../design/design-types'
import { chosenPathSchema } from '../files/chosen-file'
import { HeldFile } from '../files/held-file'
import type { MadeFile } from '../files/made-file'
import { SAVED_FILE_KINDS, type SavedFileKind, safeFileName } from '../files/safe-file-name'
import type { Patient, PatientList } from '../patients/patient'
import { FIELD_LIMITS } from '../patients/patient-fields'
import { patientFieldsSchema, patientIdSchema } from '../patients/patient-schema'
import type { Measurement, Photo, PhotoDetail, PhotoId, PhotoImportOutcome } from '../photos/photo'
import {
  calibrationSchema,
  fileNameSchema,
  measurementIdSchema,
  measurementInputSchema,
  measurementLabelSchema,
  photoBytesSchema,
  photoFieldsSchema,
  photoIdSchema,
} from '../photos/photo-schema'
import type { ViewHint } from '../photos/suggest-view'
import { clinicalSettingsSchema, pigmentSchema, planDraftSchema } from '../plan/plan-schema'
import type { Pigment, PigmentId, TreatmentPlan } from '../plan/plan-types'
import type { SampleStatus } from '../sample/sample-patient'
import type { ClinicalSettings } from '../settings/clinical-defaults'
import type { Orientation, PaperSize } from '../sheets/paper'

declare const outputType: unique symbol

/** One bridge call: its runtime input schema and, as a type only, what it returns. */
export interface CallDef<I extends z.ZodType, O> {
  input: I
  readonly [outputType]?: O
}

function call<I extends z.ZodType>(input: I) {
  return { returns: <O>(): CallDef<I, O> => ({ input }) }
}

export interface AppInfo {
  version: string
  /** `desktop` under Electron, `web` in the harness, `offline` in an offline review file. */
  shell: 'desktop' | 'web' | 'offline'
  dataDir: string
  /** Present when the database could not be opened: the app shows its recovery screen. */
  recovery?: RecoveryState
}

/** The clinical settings in force and the revision a save must name: 0 while the defaults apply. */
export interface SavedSettings {
  settings: ClinicalSettings
  revision: number
}

/** A catalogue pigment with the revision an edit must name, so two windows cannot overwrite each other. */
export interface SavedPigment extends Pigment {
  revision: number
}

const revision = z.int({ error: 'Revision must be a whole number' }).min(1)
/** A revision to save over, where 0 names "nothing saved yet". */
const baseRevision = z.int({ error: 'Revision must be a whole number' }).min(0)
const pigmentIdSchema = pigmentSchema.shape.id

/** Largest file the app hands to the save dialog: an offline review file with many full photos. */
export const MAX_SAVED_FILE_BYTES = 1024 * 1024 * 1024
/**
 * A patient archive as the renderer read it from the file the person chose or dropped, or as
 * main holds it in a file (a harness upload received straight to disk).
 */
const archiveBytes = z
  .custom<Uint8Array | HeldFile>((v) => v instanceof Uint8Array || v instanceof HeldFile, {
    error: 'The archive file is missing',
  })
  .refine((b) => b.byteLength > 0, 'The archive file is empty (0 bytes)')
  .refine(
    (b) => b.byteLength <= MAX_ARCHIVE_BYTES,
    'The archive file is larger than 1 GB, more than any archive Stipple writes',
  )
const heldArchiveId = z
  .string({ error: 'An archive to import is named by the id its check gave' })
  .regex(HELD_ARCHIVE_ID_PATTERN, 'That is not the id of an archive shown for import')
/** Where the desktop's save dialog put a file main made and wrote itself; null when the person cancelled. */
export interface SavedAs {
  savedAs: string | null
}
const savedFileKind = z.enum(Object.keys(SAVED_FILE_KINDS) as [SavedFileKind, ...SavedFileKind[]], {
  error: 'Unknown kind of file',
})

/** A file name for the save dialog to start from: one `safeFileName` would make, with the kind's extension. */
function suggestedNameOf(kind: SavedFileKind) {
  return z
    .string({ error: 'The file name must be text' })
    .max(200, 'The file name is too long')
    .refine(
      (name) => safeFileName(name.replace(/\.[^.]*$/, ''), SAVED_FILE_KINDS[kind].extension) === name,
      'The file name holds characters a file system refuses, or the wrong extension',
    )
}

/**
 * Every call the renderer may make. The preload's allow-list, the main-process handler table
 * and the harness client are all derived from this object: a new call is one entry here and
 * one handler in `src/main/bridge/handlers.ts`.
 */
export const contract = {
  'app.info': call(z.strictObject({})).returns<AppInfo>(),
  'patients.list': call(
    z.strictObject({
      query: z.string({ error: 'Search must be text' }).max(FIELD_LIMITS.searchQuery, 'Search is too long'),
      includeArchived: z.boolean({ error: 'includeArchived must be yes or no' }),
    }),
  ).returns<PatientList>(),
  'patients.get': call(z.strictObject({ id: patientIdSchema })).returns<Patient>(),
  'patients.create': call(z.strictObject({ fields: patientFieldsSchema })).returns<Patient>(),
  'patients.update': call(
    z.strictObject({ id: patientIdSchema, revision, fields: patientFieldsSchema }),
  ).returns<Patient>(),
  'patients.archive': call(z.strictObject({ id: patientIdSchema })).returns<Patient>(),
  'patients.restore': call(z.strictObject({ id: patientIdSchema })).returns<Patient>(),
  'photos.list': call(z.strictObject({ patientId: patientIdSchema })).returns<Photo[]>(),
  'photos.get': call(z.strictObject({ id: photoIdSchema })).returns<PhotoDetail>(),
  /** The view the photo's own metadata points to (a camera pointed straight down: the top), or null when it cannot tell. */
  'photos.viewHint': call(z.strictObject({ id: photoIdSchema })).returns<ViewHint | null>(),
  /** One file per call, so a batch can show progress and a result per file. */
  'photos.import': call(
    z.strictObject({
      patientId: patientIdSchema,
      name: fileNameSchema,
      // Past year 9999 a time is no file's and has no date to show (a day short of it, so every
      // time zone's local date is still in 9999).
      lastModified: z
        .number({ error: 'The file time must be a number' })
        .finite()
        .nonnegative()
        .max(Date.UTC(9999, 11, 30), 'The file time is past the year 9999')
        .nullable(),
      bytes: photoBytesSchema,
    }),
  ).returns<PhotoImportOutcome>(),
  /**
   * Desktop only: `photos.import` of the file at `path` (chosen in the open dialog or dropped),
   * read by main, named by its file name and dated by its modification time.
   */
  'photos.importFile': call(
    z.strictObject({ patientId: patientIdSchema, path: chosenPathSchema }),
  ).returns<PhotoImportOutcome>(),
  'photos.update': call(z.strictObject({ id: photoIdSchema, revision, fields: photoFieldsSchema })).returns<Photo>(),
  'photos.calibrate': call(
    z.strictObject({ id: photoIdSchema, revision, calibration: calibrationSchema.nullable() }),
  ).returns<Photo>(),
  'photos.delete': call(z.strictObject({ id: photoIdSchema })).returns<{ id: PhotoId; filesRemoved: boolean }>(),
  'measurements.add': call(
    z.strictObject({ photoId: photoIdSchema, measurement: measurementInputSchema }),
  ).returns<Measurement>(),
  'measurements.rename': call(
    z.strictObject({ id: measurementIdSchema, label: measurementLabelSchema }),
  ).returns<Measurement>(),
  'measurements.delete': call(z.strictObject({ id: measurementIdSchema })).returns<{ id: string }>(),
  'designs.list': call(z.strictObject({ patientId: patientIdSchema })).returns<DesignSummary[]>(),
  /** The design drawn over a photo, or null before its first save. */
  'designs.forPhoto': call(z.strictObject({ photoId: photoIdSchema })).returns<Design | null>(),
  /**
   * Saves the whole document. `baseRevision` is the revision the editor started from (null for
   * a photo's first design); a save over a newer revision is refused as a conflict.
   */
  'designs.save': call(
    z.strictObject({ photoId: photoIdSchema, baseRevision: revision.nullable(), document: designDocumentSchema }),
  ).returns<Design>(),
  /**
   * Draws the patient's head chart of a view (average adult proportions, a 5 cm scale bar as its
   * calibration, its landmarks placed) and stores it as a photo flagged as a chart; the same
   * chart again answers the one already there.
   */
  'charts.add': call(
    z.strictObject({
      patientId: patientIdSchema,
      view: z.enum(HEAD_CHART_VIEWS.map((v) => v.value) as [HeadChartView, ...HeadChartView[]], {
        error: 'Choose front, top, left side, right side or back',
      }),
    }),
  ).returns<Photo>(),
  /**
   * Carries the design on one picture (a head chart, usually) onto a photo of the same patient
   * by the landmarks both carry (glabella, temple points, vertex): refused, with what to do, when
   * fewer than two match or the photo has a design of its own.
   */
  'designs.takeOver': call(z.strictObject({ fromPhotoId: photoIdSchema, toPhotoId: photoIdSchema })).returns<Design>(),
  /** Whether the sample patient is here, and its record. */
  'sample.status': call(z.strictObject({})).returns<SampleStatus>(),
  /** The sample patient: a whole case on head charts, made on first use or after a removal. */
  'sample.open': call(z.strictObject({})).returns<{ patientId: string }>(),
  /** Removes the sample patient and everything of it; Help brings it back. */
  'sample.remove': call(z.strictObject({})).returns<SampleStatus>(),
  /** Every design of a patient, whole: the treatment plan's zones are drawn in them. */
  'designs.forPatient': call(z.strictObject({ patientId: patientIdSchema })).returns<Design[]>(),
  /** A design's review comments, oldest first; kept beside the design, never in its document. */
  'comments.list': call(z.strictObject({ designId: designIdSchema })).returns<ReviewComment[]>(),
  /** Pins a comment at a point of the design's photo (photo pixels); refused on an archived record. */
  'comments.add': call(z.strictObject({ comment: commentInputSchema })).returns<ReviewComment>(),
  /** Marks a comment resolved by `by`, from the revision the reviewer saw (a stale one is a conflict). */
  'comments.resolve': call(
    z.strictObject({ id: commentIdSchema, revision: commentRevisionSchema, by: commentAuthorSchema }),
  ).returns<ReviewComment>(),
  'comments.reopen': call(
    z.strictObject({ id: commentIdSchema, revision: commentRevisionSchema, by: commentAuthorSchema }),
  ).returns<ReviewComment>(),
  'comments.delete': call(z.strictObject({ id: commentIdSchema, by: commentAuthorSchema })).returns<{
    id: CommentId
  }>(),
  'settings.get': call(z.strictObject({})).returns<SavedSettings>(),
  /** Saves the whole record over `baseRevision` (0 when editing the defaults); a stale one is a conflict. */
  'settings.save': call(z.strictObject({ baseRevision, settings: clinicalSettingsSchema })).returns<SavedSettings>(),
  /** Forgets the saved settings: the defaults apply again, at revision 0. */
  'settings.reset': call(z.strictObject({})).returns<SavedSettings>(),
  /** The catalogue in its order; retired pigments only when asked for (a plan still shows them). */
  'pigments.list': call(
    z.strictObject({ includeRetired: z.boolean({ error: 'includeRetired must be yes or no' }) }),
  ).returns<SavedPigment[]>(),
  /**
   * Creates a pigment (id null: main makes one; `baseRevision` null) or updates one from
   * `baseRevision`; a stale revision is a conflict.
   */
  'pigments.save': call(
    z.strictObject({
      pigment: pigmentSchema.extend({ id: pigmentIdSchema.nullable() }),
      baseRevision: revision.nullable(),
    }),
  ).returns<SavedPigment>(),
  /** Hides a pigment from new sessions, or brings it back; sessions that use it keep it. */
  'pigments.retire': call(
    z.strictObject({ id: pigmentIdSchema, retired: z.boolean({ error: 'retired must be yes or no' }) }),
  ).returns<SavedPigment>(),
  /** Refused while any session uses the pigment: retire it instead. */
  'pigments.delete': call(z.strictObject({ id: pigmentIdSchema })).returns<{ id: PigmentId }>(),
  /** The patient's plan; revision 0 and no sessions before its first save. */
  'plans.get': call(z.strictObject({ patientId: patientIdSchema })).returns<TreatmentPlan>(),
  /**
   * Replaces the whole plan over `baseRevision` (0 for the first save). Refused, with nothing
   * written, when stale (conflict) or when `planProblems` finds a problem (invalid_input, the
   * field errors keyed as `planProblems` keys them: `sessions.<id>.<field>`).
   */
  'plans.save': call(
    z.strictObject({ patientId: patientIdSchema, baseRevision, draft: planDraftSchema }),
  ).returns<TreatmentPlan>(),
  /** A patient's audit trail, newest first, a page at a time, optionally one kind of change only. */
  'audit.forPatient': call(auditPageQuerySchema).returns<AuditPage>(),
  /** Checks the whole audit trail against its hashes and its head; names the first entry that does not hold. */
  'audit.verify': call(z.strictObject({})).returns<ChainReport>(),
  /** The clinic's details printed on design sheets; defaults at revision 0 until the first save. */
  'clinic.get': call(z.strictObject({})).returns<SavedClinic>(),
  /**
   * Saves the whole record over `baseRevision`; a new logo is decoded and stored as a fresh PNG
   * without metadata, and one that cannot be read is refused on `details.logo`.
   */
  'clinic.save': call(z.strictObject({ baseRevision, details: clinicDetailsSchema })).returns<SavedClinic>(),
  /**
   * Desktop only: prints the window's design sheet (the print view the app shows) to PDF on the
   * chosen paper and writes it where the save dialog says, starting from `suggestedName`. The
   * web harness answers `unavailable`; the browser prints the same view itself.
   */
  'sheets.savePdf': call(
    z.strictObject({
      paper: z.enum(['a4', 'letter'], { error: 'Choose A4 or US Letter' }) satisfies z.ZodType<PaperSize>,
      orientation: z.enum(['portrait', 'landscape'], {
        error: 'Choose portrait or landscape',
      }) satisfies z.ZodType<Orientation>,
      suggestedName: suggestedNameOf('pdf'),
    }),
  ).returns<SavedAs>(),
  /**
   * Desktop only: offers the native save dialog for a file the renderer made (a PNG of a view)
   * and writes it where the user chose. The web harness answers `unavailable`; the browser
   * downloads instead. Resolves to the saved file's name, or null when cancelled.
   */
  'files.save': call(
    z
      .strictObject({
        suggestedName: z.string({ error: 'The file name must be text' }).max(200, 'The file name is too long'),
        kind: savedFileKind,
        bytes: z
          .instanceof(Uint8Array, { error: 'The file content is missing' })
          .refine((b) => b.byteLength > 0, 'The file is empty')
          .refine((b) => b.byteLength <= MAX_SAVED_FILE_BYTES, 'The file is too large to save'),
      })
      .refine(
        (f) =>
          safeFileName(f.suggestedName.replace(/\.[^.]*$/, ''), SAVED_FILE_KINDS[f.kind].extension) === f.suggestedName,
        {
          path: ['suggestedName'],
          error: 'The file name holds characters a file system refuses, or the wrong extension',
        },
      ),
  ).returns<SavedAs>(),
  /**
   * The patient's offline review file: one HTML page holding the app, the review data and the
   * photos, that opens in any browser with no network. The renderer saves it with `files.save`
   * or as a download. `unavailable` where the app runs from the development server (there is
   * no built app to pack).
   */
  'review.exportFile': call(z.strictObject({ patientId: patientIdSchema })).returns<MadeFile>(),
  /** Desktop only: `review.exportFile`, written by main where the save dialog says. */
  'review.saveFile': call(z.strictObject({ patientId: patientIdSchema })).returns<SavedAs>(),
  /**
   * One patient whole (record, photos, designs, plan, pigments used, comments, history) as a
   * `.stipple` archive to save with `files.save` or as a download; refused when the record holds
   * something an import would not accept, or a photo file is missing here.
   */
  'archives.export': call(z.strictObject({ patientId: patientIdSchema })).returns<ArchiveExport>(),
  /** Desktop only: `archives.export`, written by main where the save dialog says. */
  'archives.saveFile': call(z.strictObject({ patientId: patientIdSchema })).returns<SavedAs>(),
  /**
   * Proves an archive as an import would and says what it holds; a damaged one is refused with
   * what is wrong. A sound one is kept for its import under the `heldId` it answers.
   */
  'archives.inspect': call(z.strictObject({ bytes: archiveBytes })).returns<HeldArchiveSummary>(),
  /**
   * Imports an archive `archives.inspect` (or `archives.inspectFile`) showed, whole or not at all.
   * When its patient is here already, `onExisting` says what to do: `copy` imports it beside that
   * record with new ids and a marked name, `skip` writes nothing; the record here is never changed.
   */
  'archives.import': call(
    z.strictObject({
      heldId: heldArchiveId,
      onExisting: z.enum(['copy', 'skip'], { error: 'Choose to import a copy or to skip' }),
    }),
  ).returns<ArchiveImportResult>(),
  /** Lets an archive shown for import go without importing it (its dialog closed). */
  'archives.release': call(z.strictObject({ heldId: heldArchiveId })).returns<{ heldId: string }>(),
  /** Every backup in the data folder's backups/, newest first. */
  'backups.list': call(z.strictObject({})).returns<BackupSummary[]>(),
  /** Desktop only: `archives.inspect` of the `.stipple` file at `path`, read by main. */
  'archives.inspectFile': call(z.strictObject({ path: chosenPathSchema })).returns<HeldArchiveSummary>(),
  /** Backs the database up now (SQLite's online backup, while the app keeps working); the rotation runs after. */
  'backups.create': call(z.strictObject({})).returns<BackupSummary>(),
  /** What a backup holds and whether it can be restored: checksum, integrity, schema, photo files. */
  'backups.preview': call(z.strictObject({ id: backupIdSchema })).returns<BackupPreview>(),
  /**
   * Puts a backup in place of the database, checked first (a bad one changes nothing), after a
   * safety backup of the current database; in recovery the damaged file is moved aside instead.
   * The renderer reloads afterwards: every record it holds may have changed.
   */
  'backups.restore': call(z.strictObject({ id: backupIdSchema })).returns<RestoreOutcome>(),
  'backups.delete': call(z.strictObject({ id: backupIdSchema })).returns<{ id: BackupId }>(),
  'backups.policy.get': call(z.strictObject({})).returns<BackupPolicy>(),
  /** Saves how many backups are kept and applies it at once. */
  'backups.policy.save': call(z.strictObject({ policy: backupPolicySchema })).returns<BackupPolicy>(),
  /** SQLite's full integrity check of the open database (the start-up check is the quick one). */
  'database.check': call(z.strictObject({})).returns<DatabaseCheck>(),
  /**
   * Recovery only: moves the damaged database aside (never deleting it) and starts an empty one;
   * refused as a conflict while the database opens normally.
   */
  'database.startEmpty': call(z.strictObject({})).returns<{ movedAside: string | null }>(),
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
/** What a caller sends. */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>
/** What a handler receives, after validation and normalisation. */
export type ValidInput<K extends CallName> = z.output<Contract[K]['input']>
export type CallOutput<K extends CallName> = Contract[K] extends CallDef<z.ZodType, infer O> ? O : never

/** A pigment as `pigments.save` receives it: the id is null for a new one. */
export type PigmentInput = ValidInput<'pigments.save'>['pigment']

export const CALL_NAMES = Object.keys(contract) as CallName[]

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** The IPC channel of a call; the preload and main agree on it through this one function. */
export const channelOf = (name: CallName) => `stipple:${name}`
