import { z } from 'zod'
import { designDocumentSchema } from '../design/design-schema'
import type { Design, DesignSummary } from '../design/design-types'
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
import { clinicalSettingsSchema, pigmentSchema, planDraftSchema } from '../plan/plan-schema'
import type { Pigment, PigmentId, TreatmentPlan } from '../plan/plan-types'
import type { ClinicalSettings } from '../settings/clinical-defaults'

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
  /** `desktop` under Electron, `web` in the harness. */
  shell: 'desktop' | 'web'
  dataDir: string
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
const savedFileKind = z.enum(Object.keys(SAVED_FILE_KINDS) as [SavedFileKind, ...SavedFileKind[]], {
  error: 'Unknown kind of file',
})

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
  /** One file per call, so a batch can show progress and a result per file. */
  'photos.import': call(
    z.strictObject({
      patientId: patientIdSchema,
      name: fileNameSchema,
      lastModified: z.number({ error: 'The file time must be a number' }).finite().nonnegative().nullable(),
      bytes: photoBytesSchema,
    }),
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
  /** Every design of a patient, whole: the treatment plan's zones are drawn in them. */
  'designs.forPatient': call(z.strictObject({ patientId: patientIdSchema })).returns<Design[]>(),
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
  /**
   * Desktop only: offers the native save dialog for a file the renderer made (a sheet, a PNG, a
   * review file) and writes it where the user chose. The web harness answers `unavailable`; the
   * browser downloads instead. Resolves to the saved file's name, or null when cancelled.
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
  ).returns<{ savedAs: string | null }>(),
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
