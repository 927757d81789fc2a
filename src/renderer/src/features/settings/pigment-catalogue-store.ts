import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CallInput, SavedPigment } from '../../../../shared/bridge/contract'
import { CARBON_MEDIUM_GREY } from '../../../../shared/plan/default-pigments'
import type { PigmentId } from '../../../../shared/plan/plan-types'
import { BridgeCallError, type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { errorsUnder, errorsWithout } from './settings-paths'

/** A pigment as the editor holds it: the id is null until main has made one. */
export type PigmentDraft = CallInput<'pigments.save'>['pigment']

export interface PigmentEditor {
  draft: PigmentDraft
  /** The revision the edit started from; null for a new pigment. */
  baseRevision: number | null
  /** Main's messages keyed by pigment path (`name`, `fade.tauYears`). */
  errors: Record<string, string>
  formError: string
  saving: boolean
}

export interface PigmentCatalogueState {
  status: 'loading' | 'ready' | 'error'
  loadError: string
  /** Every pigment, retired ones too: they stay on record and can come back. */
  pigments: SavedPigment[]
  editor: PigmentEditor | null
  /** Why an action on a listed pigment was refused (a delete of a pigment in use), by pigment. */
  refusals: Record<PigmentId, string>
  busyId: PigmentId | null
  notice: string

  load(): Promise<void>
  startNew(): void
  startEdit(id: PigmentId): void
  /** Applies an edit; `path` names what it touched, whose old errors (its own and those under it) no longer apply. */
  edit(recipe: (draft: PigmentDraft) => PigmentDraft, path?: string): void
  cancelEdit(): void
  save(): Promise<void>
  setRetired(id: PigmentId, retired: boolean): Promise<void>
  remove(id: PigmentId): Promise<void>
}

export type PigmentCatalogueStore = StoreApi<PigmentCatalogueState>

/**
 * What "Add pigment" starts from: the medium grey of the shipped carbon-black inks, the most
 * common permanent pigment, so only the name has to be filled in.
 */
export const NEW_PIGMENT: PigmentDraft = { ...CARBON_MEDIUM_GREY, id: null, name: '' }

const withoutKey = (record: Record<string, string>, key: string) => {
  const { [key]: _gone, ...rest } = record
  return rest
}

/** The pigment catalogue: list, edit one pigment at a time, retire, delete. */
export function createPigmentCatalogueStore(bridge: BridgeClient): PigmentCatalogueStore {
  return createStore<PigmentCatalogueState>((set, get) => {
    const replace = (saved: SavedPigment) => {
      const { pigments } = get()
      return pigments.some((p) => p.id === saved.id)
        ? pigments.map((p) => (p.id === saved.id ? saved : p))
        : [...pigments, saved]
    }

    const openEditor = (draft: PigmentDraft, baseRevision: number | null) =>
      set({ editor: { draft, baseRevision, errors: {}, formError: '', saving: false }, notice: '' })

    const patchEditor = (patch: Partial<PigmentEditor>) => {
      const { editor } = get()
      if (editor) set({ editor: { ...editor, ...patch } })
    }

    return {
      status: 'loading',
      loadError: '',
      pigments: [],
      editor: null,
      refusals: {},
      busyId: null,
      notice: '',

      async load() {
        if (get().status !== 'ready') set({ status: 'loading' })
        try {
          set({ pigments: await bridge.call('pigments.list', { includeRetired: true }), status: 'ready' })
        } catch (error) {
          if (get().status !== 'ready') set({ status: 'error', loadError: errorMessage(error) })
        }
      },

      startNew: () => openEditor(NEW_PIGMENT, null),

      startEdit(id) {
        const pigment = get().pigments.find((p) => p.id === id)
        if (!pigment) return
        const { revision, ...draft } = pigment
        openEditor(draft, revision)
      },

      edit(recipe, path) {
        const { editor } = get()
        if (!editor) return
        set({
          editor: {
            ...editor,
            draft: recipe(editor.draft),
            errors: errorsWithout(editor.errors, path),
          },
        })
      },

      cancelEdit: () => set({ editor: null }),

      async save() {
        const { editor } = get()
        if (!editor || editor.saving) return
        patchEditor({ saving: true })
        try {
          const saved = await bridge.call('pigments.save', { pigment: editor.draft, baseRevision: editor.baseRevision })
          set({ pigments: replace(saved), editor: null, notice: `Saved ${saved.name}` })
        } catch (error) {
          patchEditor({
            saving: false,
            errors: error instanceof BridgeCallError ? errorsUnder('pigment', error.fieldErrors) : {},
            formError: errorMessage(error),
          })
        }
      },

      async setRetired(id, retired) {
        set({ busyId: id, refusals: withoutKey(get().refusals, id) })
        try {
          const saved = await bridge.call('pigments.retire', { id, retired })
          set({ pigments: replace(saved), notice: `${saved.name} ${retired ? 'retired' : 'back in use'}` })
        } catch (error) {
          set({ refusals: { ...get().refusals, [id]: errorMessage(error) } })
        } finally {
          set({ busyId: null })
        }
      },

      async remove(id) {
        const name = get().pigments.find((p) => p.id === id)?.name ?? 'The pigment'
        set({ busyId: id, refusals: withoutKey(get().refusals, id) })
        try {
          await bridge.call('pigments.delete', { id })
          set({ pigments: get().pigments.filter((p) => p.id !== id), notice: `Deleted ${name}` })
        } catch (error) {
          set({ refusals: { ...get().refusals, [id]: errorMessage(error) } })
        } finally {
          set({ busyId: null })
        }
      },
    }
  })
}
