import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DesignSummary } from '../../../../shared/design/design-types'
import type { PatientId } from '../../../../shared/patients/patient'
import type { Photo, PhotoDetail, PhotoEditableFields, PhotoId } from '../../../../shared/photos/photo'
import { type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import type { Loaded } from '../../ui/use-load'
import type { Grouping } from './group-photos'
import { createImportQueue, type ImportJob } from './photo-imports'

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
  /**
   * The open photo's calibration or measurements were stored (the open design's editor owns
   * them): takes in the photo main returned, or reads the photo again for its counts.
   */
  measuresStored(photo: Photo | null): Promise<void>
}

export type PhotosStore = StoreApi<PhotosState>

/** A patient's photo library: the list, imports with per-file outcomes, and the open photo. */
export function createPhotosStore(bridge: BridgeClient): PhotosStore {
  let loadRequest = 0

  return createStore<PhotosState>((set, get) => {
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

    // Badges are a convenience: a failure leaves them as they were rather than failing the library.
    const loadDesigns = async (patientId: PatientId) => {
      try {
        const summaries = await bridge.call('designs.list', { patientId })
        if (get().patientId === patientId)
          set({ designs: Object.fromEntries(summaries.map((summary) => [summary.photoId, summary])) })
      } catch {}
    }

    const imports = createImportQueue({ bridge, get, set, replacePhoto })

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

      importFiles: imports.importFiles,
      dismissImports: imports.dismissImports,

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

      async measuresStored(photo) {
        if (photo) replacePhoto(photo)
        else await refreshOpen()
      },
    }
  })
}
