import type { DesignDocument } from '../../../shared/design/design-types'

/**
 * A change kept outside the design document (a measurement, the calibration): main stores it,
 * so undo and redo ask main to reverse it and apply it again.
 */
export interface ExternalChange {
  undo(): Promise<void>
  redo(): Promise<void>
}

/** One undo step: the document before and after a command, under the name the menu shows. */
export interface HistoryEntry {
  label: string
  before: DesignDocument
  after: DesignDocument
  /**
   * Steps with the same key in a row merge into one, so typing a name or nudging a slider is
   * one undo step rather than one per keystroke.
   */
  coalesceKey?: string
  /** Set for a step outside the document; its `before` and `after` are the same document. */
  external?: ExternalChange
}

export interface History {
  past: HistoryEntry[]
  future: HistoryEntry[]
}

/** Enough for an afternoon's work; documents share structure, so each step is small. */
export const HISTORY_LIMIT = 500

export const emptyHistory = (): History => ({ past: [], future: [] })

export function record(history: History, entry: HistoryEntry): History {
  if (entry.before === entry.after && !entry.external) return history
  const last = history.past.at(-1)
  if (entry.coalesceKey && last?.coalesceKey === entry.coalesceKey && last.after === entry.before) {
    return { past: [...history.past.slice(0, -1), { ...entry, before: last.before }], future: [] }
  }
  return { past: [...history.past, entry].slice(-HISTORY_LIMIT), future: [] }
}

export interface Step {
  history: History
  document: DesignDocument
  label: string
  external?: ExternalChange
}

export function undo(history: History): Step | null {
  const entry = history.past.at(-1)
  if (!entry) return null
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, entry] },
    document: entry.before,
    label: entry.label,
    ...(entry.external && { external: entry.external }),
  }
}

export function redo(history: History): Step | null {
  const entry = history.future.at(-1)
  if (!entry) return null
  return {
    history: { past: [...history.past, entry], future: history.future.slice(0, -1) },
    document: entry.after,
    label: entry.label,
    ...(entry.external && { external: entry.external }),
  }
}
