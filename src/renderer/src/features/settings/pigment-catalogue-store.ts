import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CallInput, SavedPigment } from '../../../../shared/bridge/contract'
import { CARBON_MEDIUM_GREY } from '../../../../shared/plan/default-pigments'
import type { PigmentId } from '../../../../shared/plan/plan-types'
import { BridgeCallError, type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { errorsUnder, errorsWithout, sameData } from './settings-paths'

/** A pigment as the editor holds it: the id is null until main has made one. */
export type PigmentDraft = CallInput<'pigments.save'>['pigment']

/** One pigment of the catalogue as it is being edited; `key` stays the same when a new one gets its id. */
export interface PigmentEntry {
  key: string
  draft: PigmentDraft
  /** The revision the edit started from; null for a pigment main has not stored yet. */
  baseRevision: number | null
}

export interface PigmentCatalogueState {
  status: 'loading' | 'ready' | 'error'
  loadError: string
  /** Every pigment main holds, retired ones too: they stay on record and can come back. */
  saved: SavedPigment[]
  /** The catalogue as the user is editing it: compared with `saved` to know what is unsaved. */
  entries: PigmentEntry[]
  /** The pigment whose form is open, by key. */
  openKey: string | null
  /** Main's messages keyed by pigment path (`name`, `fade.tauYears`), by pigment key. */
  errors: Record<string, Record<string, string>>
  formError: string
  /** The last save was refused because the record changed elsewhere. */
  conflict: boolean
  saving: boolean
  /** Why a delete of a listed pigment was refused (a pigment in use), by pigment key. */
  refusals: Record<string, string>
  busyKey: string | null
  notice: string

  /** Reads the catalogue, unless there are unsaved edits to keep. */
  load(): Promise<void>
  startNew(): void
  startEdit(key: string): void
  /** Closes the open form; its edits stay in the draft until Save or Revert. */
  closeEditor(): void
  /** Applies an edit to the open pigment; `path` names what it touched, whose old errors no longer apply. */
  edit(recipe: (draft: PigmentDraft) => PigmentDraft, path?: string): void
  setRetired(key: string, retired: boolean): void
  revert(): void
  /** Saves every new or changed pigment; stops at the first refusal and opens that pigment's form. */
  save(): Promise<void>
  /** Deletes at once (after the confirmation in place): a delete is an action on the record, not an edit. */
  remove(key: string): Promise<void>
}

export type PigmentCatalogueStore = StoreApi<PigmentCatalogueState>

/**
 * What "Add pigment" starts from: the medium grey of the shipped carbon-black inks, the most
 * common permanent pigment, so only the name has to be filled in.
 */
export const NEW_PIGMENT: PigmentDraft = { ...CARBON_MEDIUM_GREY, id: null, name: '' }

const entryOf = ({ revision, ...draft }: SavedPigment): PigmentEntry => ({
  key: draft.id,
  draft,
  baseRevision: revision,
})

/** Whether an entry differs from what main holds (a new pigment always does). */
export function entryChanged(entry: PigmentEntry, saved: readonly SavedPigment[]): boolean {
  const stored = saved.find((p) => p.id === entry.draft.id)
  return !stored || entry.baseRevision !== stored.revision || !sameData(entry.draft, entryOf(stored).draft)
}

export const isCatalogueDirty = (s: PigmentCatalogueState) =>
  s.entries.length !== s.saved.length || s.entries.some((entry) => entryChanged(entry, s.saved))

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record
  return rest
}

/** The pigment catalogue: a draft of every pigment, saved together; deletes act at once once confirmed. */
export function createPigmentCatalogueStore(bridge: BridgeClient): PigmentCatalogueStore {
  return createStore<PigmentCatalogueState>((set, get) => {
    let made = 0
    const mapEntry = (key: string, change: (entry: PigmentEntry) => PigmentEntry) =>
      get().entries.map((entry) => (entry.key === key ? change(entry) : entry))

    return {
      status: 'loading',
      loadError: '',
      saved: [],
      entries: [],
      openKey: null,
      errors: {},
      formError: '',
      conflict: false,
      saving: false,
      refusals: {},
      busyKey: null,
      notice: '',

      async load() {
        if (isCatalogueDirty(get())) return
        if (get().status !== 'ready') set({ status: 'loading' })
        try {
          const saved = await bridge.call('pigments.list', { includeRetired: true })
          set({ saved, entries: saved.map(entryOf), status: 'ready' })
        } catch (error) {
          if (get().status !== 'ready') set({ status: 'error', loadError: errorMessage(error) })
        }
      },

      startNew() {
        made += 1
        const key = `new-${made}`
        set({ entries: [...get().entries, { key, draft: NEW_PIGMENT, baseRevision: null }], openKey: key, notice: '' })
      },

      startEdit: (key) => set({ openKey: key, notice: '' }),

      closeEditor: () => set({ openKey: null }),

      edit(recipe, path) {
        const { openKey, errors } = get()
        if (openKey === null) return
        set({
          entries: mapEntry(openKey, (entry) => ({ ...entry, draft: recipe(entry.draft) })),
          errors: { ...errors, [openKey]: errorsWithout(errors[openKey] ?? {}, path) },
          notice: '',
        })
      },

      setRetired(key, retired) {
        set({ entries: mapEntry(key, (entry) => ({ ...entry, draft: { ...entry.draft, retired } })), notice: '' })
      },

      revert() {
        set({
          entries: get().saved.map(entryOf),
          openKey: null,
          errors: {},
          formError: '',
          conflict: false,
          notice: 'Unsaved edits reverted',
        })
      },

      async save() {
        if (get().saving) return
        set({ saving: true, formError: '', conflict: false, notice: '' })
        try {
          for (const entry of get().entries) {
            if (!entryChanged(entry, get().saved)) continue
            try {
              const stored = await bridge.call('pigments.save', {
                pigment: entry.draft,
                baseRevision: entry.baseRevision,
              })
              const { saved, errors } = get()
              set({
                saved: saved.some((p) => p.id === stored.id)
                  ? saved.map((p) => (p.id === stored.id ? stored : p))
                  : [...saved, stored],
                entries: mapEntry(entry.key, () => ({ ...entryOf(stored), key: entry.key })),
                errors: withoutKey(errors, entry.key),
              })
            } catch (error) {
              const name = entry.draft.name.trim() || 'The new pigment'
              set({
                errors: {
                  ...get().errors,
                  [entry.key]: error instanceof BridgeCallError ? errorsUnder('pigment', error.fieldErrors) : {},
                },
                formError: `${name}: ${errorMessage(error)}`,
                conflict: error instanceof BridgeCallError && error.code === 'conflict',
                openKey: entry.key,
              })
              return
            }
          }
          set({ openKey: null, notice: 'Pigment catalogue saved' })
        } finally {
          set({ saving: false })
        }
      },

      async remove(key) {
        const entry = get().entries.find((e) => e.key === key)
        if (!entry) return
        const name = entry.draft.name || 'The new pigment'
        const drop = () => ({
          entries: get().entries.filter((e) => e.key !== key),
          saved: get().saved.filter((p) => p.id !== entry.draft.id),
          openKey: get().openKey === key ? null : get().openKey,
          notice: `Deleted ${name}`,
        })
        if (entry.baseRevision === null) return set(drop())
        const id = entry.draft.id as PigmentId
        set({ busyKey: key, refusals: withoutKey(get().refusals, key) })
        try {
          await bridge.call('pigments.delete', { id })
          set(drop())
        } catch (error) {
          set({ refusals: { ...get().refusals, [key]: errorMessage(error) } })
        } finally {
          set({ busyKey: null })
        }
      },
    }
  })
}
