import { NEEDLE_CONFIGS, type NeedleConfig } from '../../../../shared/plan/plan-types'
import { Field } from '../../ui/Field'
import { OptionSelect } from '../../ui/OptionSelect'
import { DEFAULT_SETTINGS } from './clinical-settings-store'
import { DefaultNote, describedBy } from './SettingNumberField'
import { useClinical, useClinicalActions } from './settings-context'

const ID = 'setting-needle-config'
const labelOf = (config: NeedleConfig) => NEEDLE_CONFIGS.find((c) => c.value === config)?.label ?? config

/** The needle grouping a new session starts with. */
export function NeedleConfigField() {
  const value = useClinical((s) => s.draft.needle.config)
  const error = useClinical((s) => s.errors['needle.config'])
  const { edit } = useClinicalActions()
  const fallback = DEFAULT_SETTINGS.needle.config
  const set = (config: NeedleConfig) =>
    edit((draft) => ({ ...draft, needle: { ...draft.needle, config } }), 'needle.config')

  return (
    <div className="setting" data-changed={value !== fallback || undefined}>
      <Field
        id={ID}
        label="Default needle"
        hint="1RL for hairline detail and soft edges, 3RL for density fill."
        error={error}
      >
        {(control) => (
          <>
            <OptionSelect
              {...control}
              aria-describedby={describedBy(control['aria-describedby'], value !== fallback && `${ID}-default`)}
              options={NEEDLE_CONFIGS}
              value={value}
              onChange={set}
            />
            {value !== fallback && (
              <DefaultNote
                id={`${ID}-default`}
                text={`Default ${labelOf(fallback)}`}
                useLabel="Use the default needle"
                onUse={() => set(fallback)}
              />
            )}
          </>
        )}
      </Field>
    </div>
  )
}
