import { SESSION_KINDS, type SessionKind, type Technique } from '../../../../shared/plan/plan-types'
import type { ProtocolStep } from '../../../../shared/settings/clinical-defaults'
import { formatNumber, PERCENT, toShown } from '../../ui/format'
import { NumberInput } from '../../ui/NumberInput'
import { type StepField, stepPath, withStepField, withSteps } from './protocol-steps'
import { describedBy } from './SettingNumberField'
import { useClinicalActions } from './settings-context'
import { controlId } from './settings-paths'

interface ProtocolStepRowProps {
  technique: Technique
  index: number
  step: ProtocolStep
  /** The default protocol's step at this place, if it has one. */
  fallback: ProtocolStep | undefined
  errors: Record<string, string>
  canRemove: boolean
}

/** One step of a protocol template as a table row; each cell is labelled for a screen reader. */
export function ProtocolStepRow({ technique, index, step, fallback, errors, canRemove }: ProtocolStepRowProps) {
  const { edit } = useClinicalActions()
  const n = index + 1
  const set = <F extends StepField>(field: F, value: ProtocolStep[F]) =>
    edit((draft) => withStepField(draft, technique, index, field, value), stepPath(technique, index, field))

  /** What every cell's control shares: its id, its error link, and whether it differs from the default. */
  const cell = (field: StepField, label: string, shown: (v: ProtocolStep[StepField]) => string = String) => {
    const path = stepPath(technique, index, field)
    const error = errors[path]
    const differs = fallback === undefined || fallback[field] !== step[field]
    return {
      id: controlId('setting', path),
      'aria-label': `Step ${n} ${label}`,
      'aria-invalid': Boolean(error),
      'aria-describedby': describedBy(error && `${controlId('setting', path)}-error`),
      'data-changed': differs || undefined,
      title: fallback && differs ? `Default: ${shown(fallback[field])}` : undefined,
    }
  }
  const days = (v: ProtocolStep[StepField]) => String(v)
  const kindLabel = (v: ProtocolStep[StepField]) => SESSION_KINDS.find((k) => k.value === v)?.label ?? String(v)
  const percent = (v: ProtocolStep[StepField]) => `${formatNumber(toShown(Number(v), PERCENT))}%`

  return (
    <tr>
      <td>
        <input
          {...cell('label', 'name')}
          className="input"
          type="text"
          value={step.label}
          onChange={(e) => set('label', e.target.value)}
        />
      </td>
      <td>
        <NumberInput
          {...cell('gapDays', 'proposed gap, days', days)}
          min={0}
          step={1}
          value={step.gapDays}
          onChange={(v) => set('gapDays', v)}
        />
      </td>
      <td>
        <select
          {...cell('kind', 'kind of session', kindLabel)}
          className="select"
          value={step.kind}
          onChange={(e) => set('kind', e.target.value as SessionKind)}
        >
          {SESSION_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <NumberInput
          {...cell('cumulativeShare', 'share of target reached, %', percent)}
          scale={PERCENT}
          min={0}
          step={5}
          value={step.cumulativeShare}
          onChange={(v) => set('cumulativeShare', v)}
        />
      </td>
      <td>
        <button
          type="button"
          className="button button--ghost button--icon"
          aria-label={`Remove step ${n}`}
          title={canRemove ? `Remove step ${n}` : 'A protocol has at least one step'}
          disabled={!canRemove}
          onClick={() =>
            edit(
              (draft) =>
                withSteps(
                  draft,
                  technique,
                  draft.protocols[technique].steps.filter((_, i) => i !== index),
                ),
              `protocols.${technique}.steps`,
            )
          }
        >
          ×
        </button>
      </td>
    </tr>
  )
}
