import { SESSION_KINDS, TECHNIQUES, type Technique } from '../../../../shared/plan/plan-types'
import type { ClinicalSettings, SpacingWindow, SpacingWindows } from '../../../../shared/settings/clinical-defaults'
import { NumberInput } from '../../ui/NumberInput'
import { describedBy } from './SettingNumberField'
import { useClinical, useClinicalActions } from './settings-context'
import { controlId } from './settings-paths'

type Kind = keyof SpacingWindows

const KINDS: { value: Kind; label: string }[] = SESSION_KINDS.flatMap((k) =>
  k.value === 'base' ? [] : [{ value: k.value, label: k.label }],
)

function withWindow(
  settings: ClinicalSettings,
  technique: Technique,
  kind: Kind,
  patch: Partial<SpacingWindow>,
): ClinicalSettings {
  const windows = settings.spacing[technique]
  return {
    ...settings,
    spacing: { ...settings.spacing, [technique]: { ...windows, [kind]: { ...windows[kind], ...patch } } },
  }
}

/**
 * How far apart each kind of session may be, per technique: the warnings judge a session by its
 * kind, so one past the template's steps is still judged right. Each row says its source.
 */
export function SpacingEditor({ technique }: { technique: Technique }) {
  const windows = useClinical((s) => s.draft.spacing[technique])
  const errors = useClinical((s) => s.errors)
  const { edit } = useClinicalActions()
  const label = TECHNIQUES.find((t) => t.value === technique)?.label ?? technique
  const path = (kind: Kind, field: keyof SpacingWindow) => `spacing.${technique}.${kind}.${field}`
  const control = (kind: Kind, field: keyof SpacingWindow, what: string) => {
    const error = errors[path(kind, field)]
    const id = controlId('setting', path(kind, field))
    return {
      id,
      'aria-label': `${KINDS.find((k) => k.value === kind)?.label} ${what}`,
      'aria-invalid': Boolean(error),
      'aria-describedby': describedBy(error && `${id}-error`),
    }
  }
  return (
    <fieldset className="form-section">
      <legend>{label}: spacing by kind of session</legend>
      <div className="protocol-table__scroll">
        <table className="protocol-table">
          <caption className="visually-hidden">Spacing of each kind of {label.toLowerCase()} session</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Shortest gap (days)</th>
              <th scope="col">Longest gap (days)</th>
              <th scope="col">Counted from</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map(({ value: kind, label: kindLabel }) => {
              const w = windows[kind]
              const set = (patch: Partial<SpacingWindow>) =>
                edit((draft) => withWindow(draft, technique, kind, patch), `spacing.${technique}.${kind}`)
              return (
                <tr key={kind}>
                  <th scope="row">{kindLabel}</th>
                  <td>
                    <NumberInput
                      {...control(kind, 'minDays', 'shortest gap, days')}
                      min={0}
                      step={1}
                      value={w.minDays}
                      onChange={(minDays) => set({ minDays })}
                    />
                  </td>
                  <td>
                    <NumberInput
                      {...control(kind, 'maxDays', 'longest gap, days')}
                      nullable
                      placeholder="no limit"
                      min={0}
                      step={1}
                      value={w.maxDays}
                      onChange={(maxDays) => set({ maxDays })}
                    />
                  </td>
                  <td>
                    <select
                      {...control(kind, 'from', 'counted from')}
                      className="select"
                      value={w.from}
                      onChange={(e) => set({ from: e.target.value === 'first' ? 'first' : 'previous' })}
                    >
                      <option value="previous">the session before</option>
                      <option value="first">the first session</option>
                    </select>
                  </td>
                  <td className="settings-note">{w.source}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {Object.entries(errors)
        .filter(([p]) => p.startsWith(`spacing.${technique}.`))
        .map(([p, message]) => (
          <p key={p} className="field__error" id={`${controlId('setting', p)}-error`}>
            {message}
          </p>
        ))}
    </fieldset>
  )
}
