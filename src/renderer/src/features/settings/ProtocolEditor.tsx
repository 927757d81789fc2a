import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import { TECHNIQUES, type Technique } from '../../../../shared/plan/plan-types'
import { PERCENT } from '../../ui/format'
import { DEFAULT_SETTINGS } from './clinical-settings-store'
import { ProtocolStepRow } from './ProtocolStepRow'
import { nextStep, withSteps } from './protocol-steps'
import { DefaultNote, SettingNumberField } from './SettingNumberField'
import { useClinical, useClinicalActions } from './settings-context'
import { controlId, sameData } from './settings-paths'

const SOURCES: Record<Technique, { protocol: string; duration: string; touchUp: string }> = {
  temporary: {
    protocol:
      'Day 1 lays the base, day 2 is the next day, the finishing session at least 6 weeks later (up to 6 months), then a touch-up every year.',
    duration: 'Temporary appointments are 6–8 hours.',
    touchUp: 'Seed 000: a touch-up every year; a finished plan falls to 60% about eleven months on.',
  },
  permanent: {
    protocol:
      'Seed 002: sessions two to four weeks apart; 2–4 of them (most need 3), building up 30% → 70% → 100% of the target.',
    duration: 'Permanent sessions take 1–5 hours, depending on the area.',
    touchUp: 'Permanent touch-ups come every 2–5 years, once the look has visibly faded.',
  },
}

const techniqueLabel = (technique: Technique) => TECHNIQUES.find((t) => t.value === technique)?.label ?? technique

/** One technique's protocol template: session length, touch-up line, and its steps as an editable table. */
export function ProtocolEditor({ technique }: { technique: Technique }) {
  const steps = useClinical((s) => s.draft.protocols[technique].steps)
  // The whole record is selected (it keeps its identity until it changes); this protocol's part is picked below.
  const allErrors = useClinical((s) => s.errors)
  const { edit } = useClinicalActions()
  const defaults = DEFAULT_SETTINGS.protocols[technique].steps
  const stepsPath = `protocols.${technique}.steps`
  const listError = allErrors[stepsPath]
  const cellErrors = Object.entries(allErrors).filter(([path]) => path.startsWith(`${stepsPath}.`))
  const title = `${techniqueLabel(technique)} protocol`
  const captionId = controlId('setting', `${stepsPath}.caption`)

  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      <p className="settings-note">{SOURCES[technique].protocol}</p>
      <div className="form-grid">
        <SettingNumberField
          spec={{
            path: `protocols.${technique}.durationMin`,
            label: 'Proposed session length',
            unit: 'minutes',
            source: SOURCES[technique].duration,
            min: PLAN_LIMITS.durationMin.min,
            max: PLAN_LIMITS.durationMin.max,
            step: 15,
          }}
        />
        <SettingNumberField
          spec={{
            path: `protocols.${technique}.touchUpShare`,
            label: 'Touch-up line',
            unit: '% of target',
            scale: PERCENT,
            source: SOURCES[technique].touchUp,
            max: 100,
            step: 1,
          }}
        />
      </div>
      <div className="protocol-table__scroll">
        <table className="protocol-table" aria-describedby={captionId}>
          <caption className="visually-hidden">Steps of the {title}</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Proposed gap (days)</th>
              <th scope="col">Kind (judges its spacing)</th>
              <th scope="col">Brings each zone to (% of target, healed)</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step, index) => (
              <ProtocolStepRow
                // Steps have no identity of their own; their place in the protocol is what main names.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                key={index}
                technique={technique}
                index={index}
                step={step}
                fallback={defaults[index]}
                errors={allErrors}
                canRemove={steps.length > 1}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint" id={captionId}>
        The proposed gap counts from the session before; the spacing a session may have is set by its kind, below. What
        each step brings a zone to is cumulative and counts what has faded: 30, 70, 100 builds up to the full target
        over three sessions, and a touch-up at 100 puts back what has cleared.
      </p>
      {(listError || cellErrors.length > 0) && (
        <ul className="protocol-errors">
          {listError && (
            <li className="field__error" id={controlId('setting', `${stepsPath}-error`)}>
              {listError}
            </li>
          )}
          {cellErrors.map(([path, message]) => (
            <li key={path} className="field__error" id={`${controlId('setting', path)}-error`}>
              {describeStepPath(stepsPath, path)}: {message}
            </li>
          ))}
        </ul>
      )}
      <div className="protocol-actions">
        <button
          type="button"
          className="button"
          onClick={() => edit((draft) => withSteps(draft, technique, [...steps, nextStep(steps)]), stepsPath)}
        >
          Add step
        </button>
        {!sameData(steps, defaults) && (
          <DefaultNote
            id={controlId('setting', `${stepsPath}-default`)}
            text={`Differs from the default ${defaults.length}-step protocol`}
            useLabel={`Use the default ${techniqueLabel(technique)} steps`}
            onUse={() => edit((draft) => withSteps(draft, technique, structuredClone(defaults)), stepsPath)}
          />
        )}
      </div>
    </fieldset>
  )
}

const FIELD_NAMES: Record<string, string> = {
  label: 'name',
  gapDays: 'proposed gap',
  minGapDays: 'shortest gap',
  maxGapDays: 'longest gap',
  cumulativeShare: 'share reached',
}

/** "Step 2, proposed gap" for `protocols.permanent.steps.1.gapDays`. */
function describeStepPath(stepsPath: string, path: string): string {
  const [index = '', field = ''] = path.slice(stepsPath.length + 1).split('.')
  const step = `Step ${Number(index) + 1}`
  return FIELD_NAMES[field] ? `${step}, ${FIELD_NAMES[field]}` : step
}
