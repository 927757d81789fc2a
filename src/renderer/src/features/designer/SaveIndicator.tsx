import { useStore } from 'zustand'
import type { Autosave } from '../../editor/autosave'

/** Saved / unsaved / saving, always visible, and what to do when a save fails. */
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
  const text =
    status.state === 'saved' ? 'All changes saved' : status.state === 'saving' ? 'Saving…' : 'Unsaved changes'
  return (
    <output className={`save-indicator save-indicator--${status.state}`} aria-live="polite">
      {text}
    </output>
  )
}
