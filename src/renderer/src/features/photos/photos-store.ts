import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DesignSummary } from '../../../../shared/design/design-types'
import type { Point } from '../../../../shared/geometry/point'
import type { PatientId } from '../../../../shared/patients/patient'
import type {
  Calibration,
  Measurement,
  MeasurementId,
  MeasurementKind,
  Photo,
  PhotoDetail,
  PhotoEditableFields,
  PhotoId,
} from '../../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import { type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { desktopPathOf } from '../../bridge/desktop-files'
import type { ExternalChange } from '../../editor/history'
import type { Loaded } from '../../ui/use-load'
import type { Grouping } from './group-photos'

export type ImportStatus = 'waiting' | 'importing' | 'imported' | 'duplicate' | 'failed'

export interface ImportJob {
  key: number
  patientId: PatientId
  name: string
  size: number
  status: ImportStatus
  message: string
}

export interface PhotosState {
  patientId: PatientId | null
  photos: Loaded<Photo[]>
  grouping: Grouping
  imports: ImportJob[]
  /** The photo open in the canvas, with its measurements. */
  open: { id: PhotoId; detail: Loaded<PhotoDetail> } | null
  /** The photo opened last, which the library focuses again when the canvas closes. */
  lastOpened: PhotoId | null
  /** Up to two photos picked for before/after. */
  compare: PhotoId[]
  /** What each photo's design holds, for the library's badges; refreshed when a photo closes. */
  designs: Record<PhotoId, DesignSummary>
  notice: string

  load(patientId: PatientId): Promise<void>
  setGrouping(grouping: Grouping): void
  importFiles(files: readonly File[]): Promise<void>
  dismissImports(): void
  updateFields(photo: Photo, fields: Partial<PhotoEditableFields>): Promise<void>
  remove(photo: Photo): Promise<void>
  openPhoto(id: PhotoId): Promise<void>
  closePhoto(): void
  toggleCompare(id: PhotoId): void
  clearCompare(): void
  calibrate(calibration: Calibration | null): Promise<void>
  addMeasurement(kind: MeasurementKind, points: Point[]): Promise<void>
  renameMeasurement(id: MeasurementId, label: string): Promise<void>
  deleteMeasurement(id: MeasurementId): Promise<void>
  /**
   * Where calibration and measurement changes are recorded for undo: the open design's
   * history, so one Ctrl+Z takes back whatever was done last.
   */
  setUndoRecorder(recorder: UndoRecorder | null): void
}

export type UndoRecorder = (label: string, change: ExternalChange) => void

type MeasurementInput = Pick<Measurement, 'kind' | 'label' | 'points'>

export type PhotosStore = StoreApi<PhotosState>

const DONE: readonly ImportStatus[] = ['imported', 'duplicate', 'failed']
export const isFinished = (job: ImportJob) => DONE.includes(job.status)

/** A patient's photo library: the list, imports with per-file outcomes, and the open photo. */
export function createPhotosStore(bridge: BridgeClient): PhotosStore {
  let loadRequest = 0
  let nextKey = 1
  let draining = false

  return createStore<PhotosState>((set, get) => {
    const patchJob = (key: number, patch: Partial<ImportJob>) =>
      set({ imports: get().imports.map((j) => (j.key === key ? { ...j, ...patch } : j)) })

    /** Puts a changed photo everywhere it is shown. */
    const replacePhoto = (photo: Photo) => {
      const { photos, open, patientId } = get()
      if (photos.status === 'ready' && photo.patientId === patientId) {
        const exists = photos.value.some((p) => p.id === photo.id)
        const value = exists ? photos.value.map((p) => (p.id === photo.id ? photo : p)) : [photo, ...photos.value]
        set({ photos: { status: 'ready', value } })
      }
      if (open?.id === photo.id && open.detail.status === 'ready') {
        set({ open: { ...open, detail: { status: 'ready', value: { ...open.detail.value, ...photo } } } })
      }
    }

    const openDetail = (): PhotoDetail | null => {
      const { open } = get()
      return open?.detail.status === 'ready' ? open.detail.value : null
    }

    const setDetail = (detail: PhotoDetail) => {
      set({ open: { id: detail.id, detail: { status: 'ready', value: detail } } })
      replacePhoto(detail)
    }

    const refreshOpen = async () => {
      const detail = openDetail()
      if (detail) setDetail(await bridge.call('photos.get', { id: detail.id }))
    }

    const attempt = async (what: () => Promise<unknown>, done?: string) => {
      try {
        await what()
        if (done) set({ notice: done })
      } catch (error) {
        set({ notice: errorMessage(error) })
        throw error
      }
    }

    let recorder: UndoRecorder | null = null

    // The bridge calls behind each change, shared by the change itself and by its undo and redo.
    const storeMeasurement = async (photoId: PhotoId, input: MeasurementInput): Promise<Measurement> => {
      const saved = await bridge.call('measurements.add', { photoId, measurement: input })
      await refreshOpen()
      return saved
    }
    const dropMeasurement = async (id: MeasurementId) => {
      await bridge.call('measurements.delete', { id })
      await refreshOpen()
    }
    const relabel = async (id: MeasurementId, label: string) => {
      await bridge.call('measurements.rename', { id, label })
      await refreshOpen()
    }
    const storeCalibration = async (calibration: Calibration | null) => {
      const detail = openDetail()
      if (!detail) throw new Error('The photo is no longer open.')
      replacePhoto(await bridge.call('photos.calibrate', { id: detail.id, revision: detail.revision, calibration }))
    }

    // Badges are a convenience: a failure leaves them as they were rather than failing the library.
    const loadDesigns = async (patientId: PatientId) => {
      try {
        const summaries = await bridge.call('designs.list', { patientId })
        if (get().patientId === patientId)
          set({ designs: Object.fromEntries(summaries.map((summary) => [summary.photoId, summary])) })
      } catch {}
    }

    // The files of queued jobs; kept out of state because a File is not data to render.
    const pending = new Map<number, File>()

    const drain = async () => {
      if (draining) return
      draining = true
      try {
        for (;;) {
          const job = get().imports.find((j) => j.status === 'waiting')
          if (!job) break
          const file = pending.get(job.key)
          pending.delete(job.key)
          if (!file) continue
          patchJob(job.key, { status: 'importing' })
          try {
            if (file.size > PHOTO_LIMITS.maxBytes)
              throw new Error(`${file.name}: The file is larger than ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB`)
            const path = desktopPathOf(file)
            const outcome = path
              ? await bridge.call('photos.importFile', { patientId: job.patientId, path })
              : await bridge.call('photos.import', {
                  patientId: job.patientId,
                  name: file.name || 'pasted image',
                  lastModified: file.lastModified || null,
                  bytes: new Uint8Array(await file.arrayBuffer()),
                })
            patchJob(job.key, {
              status: outcome.status,
              message: outcome.status === 'duplicate' ? 'Already in this library' : 'Imported',
            })
            replacePhoto(outcome.photo)
          } catch (error) {
            patchJob(job.key, { status: 'failed', message: errorMessage(error).replace(`${file.name}: `, '') })
          }
        }
      } finally {
        draining = false
      }
      const jobs = get().imports
      const imported = jobs.filter((j) => j.status === 'imported').length
      const failed = jobs.filter((j) => j.status === 'failed').length
      set({
        notice: `Import finished: ${imported} imported${failed ? `, ${failed} could not be imported` : ''}`,
      })
    }

    return {
      patientId: null,
      photos: { status: 'loading' },
      grouping: 'view',
      imports: [],
      open: null,
      lastOpened: null,
      compare: [],
      designs: {},
      notice: '',

      async load(patientId) {
        const request = ++loadRequest
        const samePatient = get().patientId === patientId
        set({
          patientId,
          ...(samePatient
            ? {}
            : { photos: { status: 'loading' }, open: null, lastOpened: null, compare: [], designs: {} }),
        })
        void loadDesigns(patientId)
        try {
          const value = await bridge.call('photos.list', { patientId })
          if (request === loadRequest) set({ photos: { status: 'ready', value } })
        } catch (error) {
          if (request === loadRequest) set({ photos: { status: 'error', message: errorMessage(error) } })
        }
      },

      setGrouping: (grouping) => set({ grouping }),

      async importFiles(files) {
        const { patientId } = get()
        if (!patientId || files.length === 0) return
        const finishedBefore = get().imports.every(isFinished)
        const jobs = files.map((file): ImportJob => {
          const key = nextKey++
          pending.set(key, file)
          return { key, patientId, name: file.name || 'pasted image', size: file.size, status: 'waiting', message: '' }
        })
        // A new batch after a finished one starts a fresh list; while importing, files queue up.
        set({ imports: [...(finishedBefore ? [] : get().imports), ...jobs] })
        await drain()
      },

      dismissImports: () => set({ imports: get().imports.filter((j) => !isFinished(j)) }),

      async updateFields(photo, fields) {
        await attempt(async () => {
          const saved = await bridge.call('photos.update', {
            id: photo.id,
            revision: photo.revision,
            fields: { view: photo.view, caption: photo.caption, sessionId: photo.sessionId, ...fields },
          })
          replacePhoto(saved)
        })
      },

      async remove(photo) {
        await attempt(async () => {
          await bridge.call('photos.delete', { id: photo.id })
          const { photos, open, compare } = get()
          if (photos.status === 'ready')
            set({ photos: { status: 'ready', value: photos.value.filter((p) => p.id !== photo.id) } })
          set({ compare: compare.filter((id) => id !== photo.id), open: open?.id === photo.id ? null : open })
        }, `Deleted ${photo.originalName}`)
      },

      async openPhoto(id) {
        set({ open: { id, detail: { status: 'loading' } }, lastOpened: id })
        try {
          const detail = await bridge.call('photos.get', { id })
          if (get().open?.id === id) set({ open: { id, detail: { status: 'ready', value: detail } } })
        } catch (error) {
          if (get().open?.id === id) set({ open: { id, detail: { status: 'error', message: errorMessage(error) } } })
        }
      },

      closePhoto() {
        set({ open: null })
        const { patientId } = get()
        if (patientId) void loadDesigns(patientId)
      },

      toggleCompare(id) {
        const { compare } = get()
        set({ compare: compare.includes(id) ? compare.filter((c) => c !== id) : [...compare, id].slice(-2) })
      },

      clearCompare: () => set({ compare: [] }),

      async calibrate(calibration) {
        const detail = openDetail()
        if (!detail) return
        const previous = detail.calibration
        await attempt(
          () => storeCalibration(calibration),
          calibration ? `Calibrated: ${calibration.lengthMm} mm` : 'Calibration removed',
        )
        recorder?.(calibration ? 'Calibrate' : 'Remove calibration', {
          undo: () => storeCalibration(previous),
          redo: () => storeCalibration(calibration),
        })
      },

      async addMeasurement(kind, points) {
        const detail = openDetail()
        if (!detail) return
        const input: MeasurementInput = { kind, label: '', points }
        let current: Measurement | null = null
        await attempt(async () => {
          current = await storeMeasurement(detail.id, input)
        })
        recorder?.(kind === 'distance' ? 'Measure distance' : 'Measure area', {
          undo: async () => {
            if (current) await dropMeasurement(current.id)
          },
          redo: async () => {
            current = await storeMeasurement(detail.id, input)
          },
        })
      },

      async renameMeasurement(id, label) {
        const previous = openDetail()?.measurements.find((m) => m.id === id)?.label ?? ''
        await attempt(() => relabel(id, label))
        recorder?.('Rename measurement', { undo: () => relabel(id, previous), redo: () => relabel(id, label) })
      },

      async deleteMeasurement(id) {
        const detail = openDetail()
        const deleted = detail?.measurements.find((m) => m.id === id)
        await attempt(() => dropMeasurement(id), 'Measurement deleted')
        if (!detail || !deleted) return
        // Undo stores it again under a new id; redo deletes whichever copy undo made.
        let current: Measurement = deleted
        recorder?.('Delete measurement', {
          undo: async () => {
            current = await storeMeasurement(detail.id, {
              kind: deleted.kind,
              label: deleted.label,
              points: deleted.points,
            })
          },
          redo: () => dropMeasurement(current.id),
        })
      },

      setUndoRecorder(next) {
        recorder = next
      },
    }
  })
}
