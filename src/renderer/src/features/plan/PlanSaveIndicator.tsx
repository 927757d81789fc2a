import { SaveState } from '../designer/SaveIndicator'
import { usePlan, usePlanActions } from './plan-context'

/** Focuses the first field a save is waiting on. */
function showFirstProblem(from: HTMLElement) {
  const field = from.closest('.plan-page')?.querySelector<HTMLElement>('[aria-invalid="true"]')
  field?.scrollIntoView({ block: 'center' })
  field?.focus()
}

/**
 * Saved / unsaved / saving, always visible; a plan with problems says how many stand in the way
 * of saving it, and a failed save says why and what to do.
 */
export function PlanSaveIndicator() {
  const status = usePlan((s) => s.save)
  const { load, flush } = usePlanActions()
  if (status.state === 'error')
    return (
      <span className="save-indicator save-indicator--error" role="alert">
        Not saved: {status.message}{' '}
        {status.conflict ? (
          <button type="button" className="button button--small" onClick={() => void load()}>
            Reload
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => void flush()}>
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
  return <SaveState state={status.state} />
}
