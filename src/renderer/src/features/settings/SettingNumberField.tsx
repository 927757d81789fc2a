import { Field } from '../../ui/Field'
import { AS_IS, formatNumber, toShown } from '../../ui/format'
import { NumberInput } from '../../ui/NumberInput'
import { DEFAULT_SETTINGS } from './clinical-settings-store'
import type { SettingSpec } from './setting-specs'
import { useClinical, useClinicalActions } from './settings-context'
import { controlId, numberAt, withNumberAt } from './settings-paths'

/** One clinical number: its input with unit and source, main's error, and how it differs from the default. */
export function SettingNumberField({ spec }: { spec: SettingSpec }) {
  const { path, label, unit, scale = AS_IS, source, min, max, step } = spec
  const value = useClinical((s) => numberAt(s.draft, path))
  const error = useClinical((s) => s.errors[path])
  const { edit } = useClinicalActions()
  const set = (next: number) => edit((draft) => withNumberAt(draft, path, next), path)
  const fallback = numberAt(DEFAULT_SETTINGS, path)
  const id = controlId('setting', path)

  return (
    <div className="setting" data-changed={value !== fallback || undefined}>
      <Field id={id} label={`${label} (${unit})`} hint={source} error={error}>
        {(control) => (
          <>
            <NumberInput
              {...control}
              aria-describedby={describedBy(control['aria-describedby'], value !== fallback && `${id}-default`)}
              value={value}
              scale={scale}
              min={min}
              max={max}
              step={step}
              onChange={set}
            />
            {value !== fallback && (
              <DefaultNote
                id={`${id}-default`}
                text={`Default ${formatNumber(toShown(fallback, scale))} ${unit}`}
                useLabel={`Use the default for ${label}`}
                onUse={() => set(fallback)}
              />
            )}
          </>
        )}
      </Field>
    </div>
  )
}

/** Joins the ids a control is described by, skipping the absent ones. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined
}

/** "Default 60 %" beside a value that differs from it, and a button that puts the default back. */
export function DefaultNote(props: { id: string; text: string; useLabel: string; onUse(): void }) {
  return (
    <p className="setting__default">
      <span id={props.id}>{props.text}</span>
      <button type="button" className="link-button" aria-label={props.useLabel} onClick={props.onUse}>
        Use default
      </button>
    </p>
  )
}
