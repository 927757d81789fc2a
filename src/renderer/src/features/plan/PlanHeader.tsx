import { TECHNIQUES, type Technique } from '../../../../shared/plan/plan-types'
import { SaveIndicator } from '../../ui/SaveIndicator'
import { usePlan, usePlanActions } from './plan-context'

/** The plan's technique, its save state, undo and redo naming their step, and the template. */
export function PlanHeader({ archived, onApplyTemplate }: { archived: boolean; onApplyTemplate(): void }) {
  const technique = usePlan((s) => s.draft.technique)
  const undoLabel = usePlan((s) => s.history.past.at(-1)?.label ?? null)
  const redoLabel = usePlan((s) => s.history.future.at(-1)?.label ?? null)
  const autosave = usePlan((s) => s.autosave)
  const { change, undo, redo, load } = usePlanActions()
  const setTechnique = (next: Technique) =>
    change('Technique change', (d) => (d.technique === next ? d : { ...d, technique: next }))

  return (
    <header className="plan-header">
      <div className="plan-header__title">
        <h1 className="page-title">Treatment plan</h1>
        <SaveIndicator autosave={autosave} onReload={() => void load()} />
      </div>
      <fieldset className="plan-header__tools" disabled={archived}>
        <legend className="visually-hidden">Plan</legend>
        <fieldset className="segmented">
          <legend className="visually-hidden">Technique</legend>
          {TECHNIQUES.map((t) => (
            <label key={t.value} className="segmented__option">
              <input
                type="radio"
                name="plan-technique"
                value={t.value}
                checked={technique === t.value}
                onChange={() => setTechnique(t.value)}
              />
              {t.label}
            </label>
          ))}
        </fieldset>
        <div className="plan-header__history">
          <button
            type="button"
            className="button button--small"
            disabled={!undoLabel}
            title={undoLabel ? `Undo ${undoLabel} (Ctrl/Cmd+Z)` : 'Nothing to undo'}
            onClick={undo}
          >
            {undoLabel ? `Undo ${undoLabel}` : 'Undo'}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!redoLabel}
            title={redoLabel ? `Redo ${redoLabel} (Shift+Ctrl/Cmd+Z)` : 'Nothing to redo'}
            onClick={redo}
          >
            {redoLabel ? `Redo ${redoLabel}` : 'Redo'}
          </button>
        </div>
        <button type="button" className="button button--primary" onClick={onApplyTemplate}>
          Apply template…
        </button>
      </fieldset>
    </header>
  )
}
