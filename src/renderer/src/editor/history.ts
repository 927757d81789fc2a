import type { DesignDocument } from '../../../shared/design/design-types'

/**
 * A change kept outside the design document (a measurement, the calibration): main stores it,
 * so undo and redo ask main to reverse it and apply it again.
 */
export interface ExternalChange {
  undo(): Promise<void>
  redo(): Promise<void>
}

/**
 * One undo step: the document before and after a command, under the name the menu shows. The
 * plan keeps its own history of the same shape, so the document type is a parameter.
 */
export interface HistoryEntry<D = DesignDocument> {
  label: string
  before: D
  after: D
  /**
   * Steps with the same key in a row merge into one, so typing a name or nudging a slider is
   * one undo step rather than one per keystroke.
   */
  coalesceKey?: string
  /** Set for a step outside the document; its `before` and `after` are the same document. */
  external?: ExternalChange
}

export interface History<D = DesignDocument> {
  past: HistoryEntry<D>[]
  future: HistoryEntry<D>[]
}

/** Enough for an afternoon's work; documents share structure, so each step is small. */
export const HISTORY_LIMIT = 500

export const emptyHistory = <D = DesignDocument>(): History<D> => ({ past: [], future: [] })

export function record<D>(history: History<D>, entry: HistoryEntry<D>): History<D> {
  if (entry.before === entry.after && !entry.external) return history
  const last = history.past.at(-1)
  if (entry.coalesceKey && last?.coalesceKey === entry.coalesceKey && last.after === entry.before) {
    return { past: [...history.past.slice(0, -1), { ...entry, before: last.before }], future: [] }
  }
  return { past: [...history.past, entry].slice(-HISTORY_LIMIT), future: [] }
}

export interface Step<D = DesignDocument> {
  history: History<D>
  document: D
  label: string
  external?: ExternalChange
}

export function undo<D>(history: History<D>): Step<D> | null {
  const entry = history.past.at(-1)
  if (!entry) return null
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, entry] },
    document: entry.before,
    label: entry.label,
    ...(entry.external && { external: entry.external }),
  }
}

export function redo<D>(history: History<D>): Step<D> | null {
  const entry = history.future.at(-1)
  if (!entry) return null
  return {
    history: { past: [...history.past, entry], future: history.future.slice(0, -1) },
    document: entry.after,
    label: entry.label,
    ...(entry.external && { external: entry.external }),
  }
}
