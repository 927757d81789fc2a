import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Design, DesignDocument } from '../../../shared/design/design-types'
import type { Editor } from './editor'

export type SaveStatus =
  | { state: 'saved'; at: string | null }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'error'; message: string; conflict: boolean }

export interface AutosaveState {
  status: SaveStatus
  /** The stored revision the next save builds on; null before the first save. */
  revision: number | null
}

export interface Autosave {
  store: StoreApi<AutosaveState>
  /** Writes any unsaved change now; resolves once it is stored (or has failed). */
  flush(): Promise<void>
  dispose(): void
}

/** Long enough to batch a burst of nudges or keystrokes, short enough that a crash loses little. */
export const AUTOSAVE_DELAY_MS = 500

type SaveFn = (document: DesignDocument, baseRevision: number | null) => Promise<Design>

const isConflict = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'conflict'

/**
 * Saves the editor's document a moment after each change, one save at a time; a change made
 * while a save is under way is saved right after it. A drag in progress is not saved until it
 * ends (only its starting document, if a flush comes mid-drag). The indicator reads "saved"
 * again when undo returns to the stored document.
 */
export function createAutosave(
  editor: Editor,
  initial: Design | null,
  save: SaveFn,
  delay = AUTOSAVE_DELAY_MS,
): Autosave {
  const store = createStore<AutosaveState>(() => ({
    status: { state: 'saved', at: initial?.updatedAt ?? null },
    revision: initial?.revision ?? null,
  }))
  let stored: DesignDocument = editor.getState().document
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null

  const settled = (): DesignDocument => {
    const { toolState, document } = editor.getState()
    return toolState.name === 'dragging' || toolState.name === 'dragging-point' ? toolState.before : document
  }

  const writeOnce = async (): Promise<void> => {
    const document = settled()
    if (document === stored) {
      if (editor.getState().document === stored) store.setState({ status: { state: 'saved', at: null } })
      return
    }
    store.setState({ status: { state: 'saving' } })
    try {
      const saved = await save(document, store.getState().revision)
      stored = document
      const current = editor.getState().document
      store.setState({
        revision: saved.revision,
        status: current === stored ? { state: 'saved', at: saved.updatedAt } : { state: 'unsaved' },
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The design could not be saved.'
      store.setState({ status: { state: 'error', message, conflict: isConflict(error) } })
      throw error
    }
  }

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    if (running) await running.catch(() => {})
    if (store.getState().status.state === 'error' && (store.getState().status as { conflict: boolean }).conflict) return
    running = writeOnce().finally(() => {
      running = null
    })
    await running.catch(() => {})
    // A change made while that save was on its way is written next.
    if (settled() !== stored && store.getState().status.state !== 'error') schedule()
  }

  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), delay)
  }

  const unsubscribe = editor.subscribe((next, previous) => {
    if (next.document === previous.document && next.toolState === previous.toolState) return
    const status = store.getState().status
    if (status.state === 'error' && status.conflict) return
    if (next.document === stored) {
      if (status.state === 'unsaved') store.setState({ status: { state: 'saved', at: null } })
      return
    }
    if (status.state !== 'saving') store.setState({ status: { state: 'unsaved' } })
    schedule()
  })

  return {
    store,
    flush,
    dispose() {
      unsubscribe()
      if (timer) clearTimeout(timer)
    },
  }
}
