import { createStore, type StoreApi } from 'zustand/vanilla'
import { errorMessage } from '../bridge/bridge-client'

/** What every autosaved document's indicator shows: the design's and the plan's alike. */
export type SaveStatus =
  | { state: 'saved'; at: string | null }
  | { state: 'unsaved' }
  | { state: 'saving' }
  /** The document has problems that stand in the way of saving it; the stored one is untouched. */
  | { state: 'invalid'; count: number }
  /** `conflict`: stored from elsewhere since it was opened; saving stops until it is reopened. */
  | { state: 'error'; message: string; conflict: boolean }

export interface AutosaveState {
  status: SaveStatus
  /** The stored revision the next save builds on; null before the first save. */
  revision: number | null
}

/** A document as it is stored: the revision a save builds on, and when it was written. */
export interface StoredDocument<D> {
  document: D
  revision: number | null
  at: string | null
}

/** Where the loop reads the document being edited. Documents are immutable: a change is a new object. */
export interface AutosaveSource<D> {
  current(): D
  /** What a save may write now (a gesture under way writes the document from before it); `current` by default. */
  settled?(): D
  /** How many problems stand in the way of saving the current document; none by default. */
  problems?(): number
  /** Calls back after each change to what `current` or `settled` answer. */
  subscribe(onChange: () => void): () => void
}

export interface AutosaveOptions<D> {
  source: AutosaveSource<D>
  stored: StoredDocument<D>
  save(document: D, baseRevision: number | null): Promise<{ revision: number; updatedAt: string | null }>
  /** Hears a failed save before the status says so (the plan shows main's field errors). */
  onError?(error: unknown, document: D): void
  delay?: number
}

export interface Autosave<D = unknown> {
  store: StoreApi<AutosaveState>
  /** Writes any unsaved change now; resolves once it is stored (or has failed). */
  flush(): Promise<void>
  /** Starts again from a document as just loaded: nothing unsaved, no error, no save pending. */
  reset(stored: StoredDocument<D>): void
  dispose(): void
}

/** Long enough to batch a burst of nudges or keystrokes, short enough that a crash loses little. */
export const AUTOSAVE_DELAY_MS = 500

/** Main answers a save built on an old revision with `conflict` (another window saved since). */
const isConflict = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'conflict'

/**
 * Saves a document a moment after each change, one save at a time; a change made while a save
 * is under way is saved right after it. A document with problems is not saved until they are
 * fixed. A failed save (offline, disk full) is tried again with the next change or "Try again";
 * a conflict stops saving until the document is reopened. The status reads "saved" again when
 * undo returns to the stored document.
 */
export function createAutosave<D>(options: AutosaveOptions<D>): Autosave<D> {
  const { source, save, onError, delay = AUTOSAVE_DELAY_MS } = options
  const settled = source.settled ?? source.current
  const problems = source.problems ?? (() => 0)
  const store = createStore<AutosaveState>(() => ({
    status: { state: 'saved', at: options.stored.at },
    revision: options.stored.revision,
  }))
  let stored = options.stored.document
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null
  /** Bumped by `reset`, so a save answered after a reload does not overwrite what was loaded. */
  let generation = 0

  const status = () => store.getState().status
  const setStatus = (next: SaveStatus) => store.setState({ status: next })
  const conflicted = () => {
    const now = status()
    return now.state === 'error' && now.conflict
  }
  const pendingStatus = (): SaveStatus => {
    const count = problems()
    return count > 0 ? { state: 'invalid', count } : { state: 'unsaved' }
  }

  const writeOnce = async (): Promise<void> => {
    const document = settled()
    if (document === stored) {
      if (source.current() === stored) setStatus({ state: 'saved', at: null })
      return
    }
    const count = problems()
    if (count > 0) {
      setStatus({ state: 'invalid', count })
      return
    }
    setStatus({ state: 'saving' })
    const ticket = generation
    try {
      const saved = await save(document, store.getState().revision)
      if (ticket !== generation) return
      stored = document
      store.setState({
        revision: saved.revision,
        status: source.current() === stored ? { state: 'saved', at: saved.updatedAt } : pendingStatus(),
      })
    } catch (error) {
      if (ticket !== generation) return
      onError?.(error, document)
      setStatus({ state: 'error', message: errorMessage(error), conflict: isConflict(error) })
    }
  }

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    while (running) await running
    if (conflicted()) return
    running = writeOnce().finally(() => {
      running = null
    })
    await running
    // A change made while that save was on its way is written next.
    const after = status().state
    if (settled() !== stored && after !== 'error' && after !== 'invalid') schedule()
  }

  function schedule(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), delay)
  }

  const unsubscribe = source.subscribe(() => {
    if (conflicted()) return
    const state = status().state
    if (source.current() === stored) {
      if (state !== 'saved' && state !== 'saving') setStatus({ state: 'saved', at: null })
      return
    }
    if (state === 'saving') {
      schedule()
      return
    }
    const next = pendingStatus()
    setStatus(next)
    if (next.state === 'unsaved') schedule()
  })

  return {
    store,
    flush,
    reset(next) {
      generation++
      if (timer) clearTimeout(timer)
      timer = null
      stored = next.document
      store.setState({ status: { state: 'saved', at: next.at }, revision: next.revision })
    },
    dispose() {
      unsubscribe()
      if (timer) clearTimeout(timer)
    },
  }
}
