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
  return <SaveState state={status.state} />
}

/** The quiet states every autosaved document shares: the design's and the plan's. */
export function SaveState({ state }: { state: 'saved' | 'saving' | 'unsaved' }) {
  const text = state === 'saved' ? 'All changes saved' : state === 'saving' ? 'Saving…' : 'Unsaved changes'
  return (
    <output className={`save-indicator save-indicator--${state}`} aria-live="polite">
      {text}
    </output>
  )
}
