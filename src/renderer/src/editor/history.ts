import type { DesignDocument } from '../../../shared/design/design-types'

/**
 * One undo step: what was kept before and after a command, under the name the menu shows. The
 * plan keeps its own history of the same shape, so what is kept is a parameter.
 */
export interface UndoStep<D = DesignDocument> {
  label: string
  before: D
  after: D
  /**
   * Steps with the same key in a row merge into one, so typing a name or nudging a slider is
   * one undo step rather than one per keystroke.
   */
  coalesceKey?: string
}

export interface History<D = DesignDocument> {
  past: UndoStep<D>[]
  future: UndoStep<D>[]
}

/** Enough for an afternoon's work; documents share structure, so each step is small. */
export const HISTORY_LIMIT = 500

export const emptyHistory = <D = DesignDocument>(): History<D> => ({ past: [], future: [] })

export function record<D>(history: History<D>, step: UndoStep<D>): History<D> {
  if (step.before === step.after) return history
  const last = history.past.at(-1)
  if (step.coalesceKey && last?.coalesceKey === step.coalesceKey && last.after === step.before) {
    return { past: [...history.past.slice(0, -1), { ...step, before: last.before }], future: [] }
  }
  return { past: [...history.past, step].slice(-HISTORY_LIMIT), future: [] }
}

export interface Step<D = DesignDocument> {
  history: History<D>
  document: D
  label: string
}

export function undo<D>(history: History<D>): Step<D> | null {
  const step = history.past.at(-1)
  if (!step) return null
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, step] },
    document: step.before,
    label: step.label,
  }
}

export function redo<D>(history: History<D>): Step<D> | null {
  const step = history.future.at(-1)
  if (!step) return null
  return {
    history: { past: [...history.past, step], future: history.future.slice(0, -1) },
    document: step.after,
    label: step.label,
  }
}

/**
 * Where a gesture (a drag, a marquee) began: the history and what was kept then. Every change the
 * gesture makes is recorded as it goes; its end squashes them into one step, Escape bails back.
 */
export interface Mark<D = DesignDocument> {
  history: History<D>
  at: D
}

export const mark = <D>(history: History<D>, at: D): Mark<D> => ({ history, at })

/** Everything since the mark as one step named `label`, or no step when it came back to where it began. */
export function squashToMark<D>(mark: Mark<D>, now: D, label: string): History<D> {
  return record(mark.history, { label, before: mark.at, after: now })
}

/** Back to the mark: what was kept and the history exactly as they were, the gesture's steps gone. */
export function bailToMark<D>(mark: Mark<D>): Step<D> {
  return { history: mark.history, document: mark.at, label: '' }
}
