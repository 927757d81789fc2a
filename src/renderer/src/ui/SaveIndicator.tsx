import { useStore } from 'zustand'
import type { Autosave } from '../state/autosave'

/** Focuses the first field a save is waiting on, within the page of the button that asked. */
function showFirstProblem(from: HTMLElement) {
  const field = (from.closest('main') ?? from.ownerDocument).querySelector<HTMLElement>('[aria-invalid="true"]')
  field?.scrollIntoView({ block: 'center' })
  field?.focus()
}

/**
 * Saved / unsaved / saving, always visible, for any autosaved document; a document with problems
 * says how many stand in the way of saving it, and a failed save says why and what to do:
 * "Try again" after a failure, "Reopen" (`onReload`) after a conflict.
 */
export function SaveIndicator({ autosave, onReload }: { autosave: Autosave; onReload(): void }) {
  const status = useStore(autosave.store, (s) => s.status)
  if (status.state === 'error')
    return (
      <span className="save-indicator save-indicator--error" role="alert">
        Not saved: {status.message}{' '}
        {status.conflict ? (
          <button type="button" className="button button--small" onClick={onReload}>
            Reopen
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => void autosave.flush()}>
            Try again
          </button>
        )}
      </span>
    )
  if (status.state === 'invalid')
    return (
      <span className="save-indicator save-indicator--error">
        <output aria-live="polite">
          Not saved: {status.count} problem{status.count === 1 ? '' : 's'} to fix
        </output>
        <button
          type="button"
          className="button button--small"
          onClick={(event) => showFirstProblem(event.currentTarget)}
        >
          Show
        </button>
      </span>
    )
  const text =
    status.state === 'saved' ? 'All changes saved' : status.state === 'saving' ? 'Saving…' : 'Unsaved changes'
  return (
    <output className={`save-indicator save-indicator--${status.state}`} aria-live="polite">
      {text}
    </output>
  )
}
