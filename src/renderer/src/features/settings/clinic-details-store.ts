import { createStore, type StoreApi } from 'zustand/vanilla'
import { CLINIC_DEFAULTS, type ClinicDetails, type SavedClinic } from '../../../../shared/clinic/clinic-details'
import { BridgeCallError, type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { errorsUnder, errorsWithout, sameData } from './settings-paths'

export interface ClinicDetailsState {
  status: 'loading' | 'ready' | 'error'
  loadError: string
  saved: SavedClinic | null
  draft: ClinicDetails
  /** Main's messages, and the logo's own checks, keyed by field. */
  errors: Record<string, string>
  formError: string
  /** The last save was refused because the record changed elsewhere. */
  conflict: boolean
  saving: boolean
  notice: string

  /** Reads the record, unless there are unsaved edits to keep. */
  load(): Promise<void>
  set<F extends keyof ClinicDetails>(field: F, value: ClinicDetails[F]): void
  /** Flags a field without changing the draft (a logo file that cannot be used). */
  refuse(field: keyof ClinicDetails, message: string): void
  revert(): void
  save(): Promise<void>
}

export type ClinicDetailsStore = StoreApi<ClinicDetailsState>

export const isClinicDirty = (s: ClinicDetailsState) => s.saved !== null && !sameData(s.draft, s.saved.details)

/** The clinic's details as Settings edits them: a draft that lives as long as the app, saved as one record. */
export function createClinicDetailsStore(bridge: BridgeClient): ClinicDetailsStore {
  return createStore<ClinicDetailsState>((set, get) => {
    const accept = (saved: SavedClinic, notice: string) =>
      set({ saved, draft: saved.details, errors: {}, formError: '', conflict: false, notice, status: 'ready' })

    return {
      status: 'loading',
      loadError: '',
      saved: null,
      draft: CLINIC_DEFAULTS,
      errors: {},
      formError: '',
      conflict: false,
      saving: false,
      notice: '',

      async load() {
        if (isClinicDirty(get())) return
        if (get().saved === null) set({ status: 'loading' })
        try {
          accept(await bridge.call('clinic.get', {}), '')
        } catch (error) {
          if (get().saved === null) set({ status: 'error', loadError: errorMessage(error) })
        }
      },

      set(field, value) {
        set({ draft: { ...get().draft, [field]: value }, errors: errorsWithout(get().errors, field), notice: '' })
      },

      refuse: (field, message) => set({ errors: { ...get().errors, [field]: message } }),

      revert() {
        const { saved } = get()
        if (saved) accept(saved, 'Unsaved edits reverted')
      },

      async save() {
        const { saved, draft, saving } = get()
        if (!saved || saving) return
        set({ saving: true, notice: '' })
        try {
          accept(
            await bridge.call('clinic.save', { baseRevision: saved.revision, details: draft }),
            'Clinic details saved',
          )
        } catch (error) {
          set({
            errors: error instanceof BridgeCallError ? errorsUnder('details', error.fieldErrors) : {},
            formError: errorMessage(error),
            conflict: error instanceof BridgeCallError && error.code === 'conflict',
          })
        } finally {
          set({ saving: false })
        }
      },
    }
  })
}
