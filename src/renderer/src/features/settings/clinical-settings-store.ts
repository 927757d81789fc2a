import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CallInput, SavedSettings } from '../../../../shared/bridge/contract'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { BridgeCallError, type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { errorsUnder, errorsWithout, sameData } from './settings-paths'

/** The shipped defaults, typed as the editable record so a field can be compared with its default. */
export const DEFAULT_SETTINGS: ClinicalSettings = CLINICAL_DEFAULTS

export interface ClinicalSettingsState {
  status: 'loading' | 'ready' | 'error'
  loadError: string
  /** The record main holds; the draft is compared with it to know what is unsaved. */
  saved: SavedSettings | null
  /** The record as the user is editing it. A number being typed may be NaN: main says why. */
  draft: ClinicalSettings
  /** Main's messages, keyed by settings path (`touchUpShare`, `protocols.permanent.steps.1.gapDays`). */
  errors: Record<string, string>
  formError: string
  /** The last save was refused because the record changed elsewhere. */
  conflict: boolean
  busy: null | 'saving' | 'restoring'
  /** A one-line outcome ("Settings saved"), announced politely. */
  notice: string

  /** Reads the record, unless there are unsaved edits to keep. */
  load(): Promise<void>
  /** Applies an edit; `path` names what it touched, whose old errors (its own and those under it) no longer apply. */
  edit(recipe: (draft: ClinicalSettings) => ClinicalSettings, path?: string): void
  revert(): void
  save(): Promise<void>
  /** Settings › Your data's draft of whether import removes a photo's location; null while it is unchanged. */
  locationChoice: boolean | null
  locationError: string
  chooseLocationRemoval(remove: boolean): void
  revertLocationChoice(): void
  /**
   * Saves the location choice over the saved record: the unsaved clinical edits stay unsaved,
   * and stay in the draft.
   */
  saveLocationChoice(): Promise<void>
  restoreDefaults(): Promise<void>
}

export type ClinicalSettingsStore = StoreApi<ClinicalSettingsState>

/**
 * The record as the save call types it: each protocol is filed under its own technique, which
 * `ClinicalSettings` types only as "a technique".
 */
const forSave = ({ protocols, ...rest }: ClinicalSettings): CallInput<'settings.save'>['settings'] => ({
  ...rest,
  protocols: {
    temporary: { ...protocols.temporary, technique: 'temporary' },
    permanent: { ...protocols.permanent, technique: 'permanent' },
  },
})

export const isDirty = (s: ClinicalSettingsState) => s.saved !== null && !sameData(s.draft, s.saved.settings)

/**
 * The clinical settings form's state. It lives as long as the app, so edits survive leaving
 * Settings for a patient and coming back; only Save writes them, and only as a whole record.
 */
export function createClinicalSettingsStore(bridge: BridgeClient): ClinicalSettingsStore {
  return createStore<ClinicalSettingsState>((set, get) => {
    const accept = (saved: SavedSettings, notice: string) =>
      set({ saved, draft: saved.settings, errors: {}, formError: '', conflict: false, notice, status: 'ready' })

    const refuse = (error: unknown) => {
      const fieldErrors = error instanceof BridgeCallError ? errorsUnder('settings', error.fieldErrors) : {}
      set({
        errors: fieldErrors,
        formError: errorMessage(error),
        conflict: error instanceof BridgeCallError && error.code === 'conflict',
        notice: '',
      })
    }

    return {
      status: 'loading',
      loadError: '',
      saved: null,
      draft: DEFAULT_SETTINGS,
      errors: {},
      formError: '',
      conflict: false,
      busy: null,
      notice: '',
      locationChoice: null,
      locationError: '',

      async load() {
        if (isDirty(get())) return
        if (get().saved === null) set({ status: 'loading' })
        try {
          accept(await bridge.call('settings.get', {}), '')
        } catch (error) {
          if (get().saved === null) set({ status: 'error', loadError: errorMessage(error) })
        }
      },

      edit(recipe, path) {
        set({ draft: recipe(get().draft), errors: errorsWithout(get().errors, path), notice: '' })
      },

      revert() {
        const { saved } = get()
        if (saved) set({ draft: saved.settings, errors: {}, formError: '', notice: 'Unsaved edits reverted' })
      },

      async save() {
        const { saved, draft, busy } = get()
        if (!saved || busy) return
        set({ busy: 'saving' })
        try {
          accept(
            await bridge.call('settings.save', { baseRevision: saved.revision, settings: forSave(draft) }),
            'Settings saved',
          )
        } catch (error) {
          refuse(error)
        } finally {
          set({ busy: null })
        }
      },

      chooseLocationRemoval(remove) {
        const stored = get().saved?.settings.removePhotoLocation
        set({ locationChoice: remove === stored ? null : remove, locationError: '', notice: '' })
      },

      revertLocationChoice: () => set({ locationChoice: null, locationError: '', notice: 'Unsaved edits reverted' }),

      async saveLocationChoice() {
        const { saved, busy, locationChoice: remove } = get()
        if (!saved || busy || remove === null) return
        set({ busy: 'saving' })
        try {
          const result = await bridge.call('settings.save', {
            baseRevision: saved.revision,
            settings: forSave({ ...saved.settings, removePhotoLocation: remove }),
          })
          set({
            saved: result,
            draft: { ...get().draft, removePhotoLocation: result.settings.removePhotoLocation },
            locationChoice: null,
            locationError: '',
            notice: remove ? 'Locations will be removed from imported photos' : 'Imported photos keep their location',
          })
        } catch (error) {
          set({ locationError: errorMessage(error), notice: '' })
        } finally {
          set({ busy: null })
        }
      },

      async restoreDefaults() {
        if (get().busy) return
        set({ busy: 'restoring' })
        try {
          accept(await bridge.call('settings.reset', {}), 'Clinical defaults restored')
        } catch (error) {
          refuse(error)
        } finally {
          set({ busy: null })
        }
      },
    }
  })
}
