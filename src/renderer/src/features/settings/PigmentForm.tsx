import { useId } from 'react'
import { PERMANENT_FADE, TEMPORARY_FADE } from '../../../../shared/plan/default-pigments'
import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import { TECHNIQUES, type Technique } from '../../../../shared/plan/plan-types'
import { Field } from '../../ui/Field'
import { AS_IS, PERCENT, type Scale } from '../../ui/format'
import { NumberInput } from '../../ui/NumberInput'
import { OptionSelect } from '../../ui/OptionSelect'
import { FadeChart } from './FadeChart'
import { CHART_YEARS, fadedColour, freshColour } from './fade-curve'
import type { PigmentDraft, PigmentEntry } from './pigment-catalogue-store'
import { Swatch } from './Swatch'
import { useCatalogue, useCatalogueActions } from './settings-context'
import { controlId, type NumberPaths, numberAt, withNumberAt } from './settings-paths'

const FITTED_FADE: Record<Technique, PigmentDraft['fade']> = { temporary: TEMPORARY_FADE, permanent: PERMANENT_FADE }

const id = (path: string) => controlId('pigment', path)
const NO_ERRORS: Record<string, string> = {}

/**
 * Edits one pigment of the catalogue's draft, with its fade curve and dot colours drawn live from
 * the numbers typed. The section's bar saves it; Done (or Escape) closes it and keeps the edits.
 */
export function PigmentForm({ entry }: { entry: PigmentEntry }) {
  const errors = useCatalogue((s) => s.errors[entry.key]) ?? NO_ERRORS
  const { edit, closeEditor } = useCatalogueActions()
  const headingId = useId()
  const { draft } = entry
  const isNew = entry.baseRevision === null

  const number = (
    path: NumberPaths<PigmentDraft>,
    label: string,
    options: { scale?: Scale; min?: number; max?: number; step: number; hint?: string; disabled?: boolean },
  ) => (
    <Field id={id(path)} label={label} hint={options.hint} error={errors[path]}>
      {(control) => (
        <NumberInput
          {...control}
          value={numberAt(draft, path)}
          scale={options.scale ?? AS_IS}
          min={options.min}
          max={options.max}
          step={options.step}
          disabled={options.disabled}
          onChange={(value) => edit((d) => withNumberAt(d, path, value), path)}
        />
      )}
    </Field>
  )

  const colour = (path: 'shade' | 'driftColour', label: string, hint: string, disabled = false) => (
    <Field id={id(path)} label={label} hint={hint} error={errors[path]}>
      {(control) => (
        <span className="colour-input">
          <input
            {...control}
            type="color"
            className="colour-input__picker"
            value={draft[path]}
            disabled={disabled}
            onChange={(e) => edit((d) => ({ ...d, [path]: e.target.value }), path)}
          />
          <code className="colour-input__hex">{draft[path]}</code>
        </span>
      )}
    </Field>
  )

  const fitted = FITTED_FADE[draft.family]
  const usesFitted =
    draft.fade.settleLoss === fitted.settleLoss &&
    draft.fade.settleDays === fitted.settleDays &&
    draft.fade.tauYears === fitted.tauYears &&
    draft.fade.shape === fitted.shape &&
    draft.fade.floor === fitted.floor

  return (
    <fieldset
      className="pigment-form"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') closeEditor()
      }}
    >
      <h3 id={headingId} className="pigment-form__title">
        {isNew ? 'New pigment' : `Edit ${draft.name}`}
      </h3>
      <div className="pigment-form__body">
        <div className="pigment-form__fields">
          <div className="form-grid">
            <Field id={id('name')} label="Name" required error={errors.name}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="text"
                  autoComplete="off"
                  // The form opens on the artist's request, so moving focus into it is expected.
                  // biome-ignore lint/a11y/noAutofocus: see above.
                  autoFocus
                  maxLength={PLAN_LIMITS.pigmentName}
                  value={draft.name}
                  onChange={(e) => edit((d) => ({ ...d, name: e.target.value }), 'name')}
                />
              )}
            </Field>
            <Field id={id('family')} label="Family" error={errors.family}>
              {(control) => (
                <OptionSelect
                  {...control}
                  options={TECHNIQUES}
                  value={draft.family}
                  onChange={(family) => edit((d) => ({ ...d, family }), 'family')}
                />
              )}
            </Field>
            {colour('shade', 'Shade', 'The neat pigment, before water is added.')}
            {number('dilution', 'Dilution (% water)', {
              scale: PERCENT,
              min: 0,
              max: 95,
              step: 1,
              hint: 'One carbon black is diluted into greys to suit hair colour and skin type.',
            })}
          </div>

          <fieldset className="option-group pigment-form__group">
            <legend>Fading</legend>
            <p className="settings-note">
              Fresh dots look darker than they will: each session first settles, losing part of its fresh look, then
              what has settled fades with time.
            </p>
            <div className="form-grid">
              {number('fade.settleLoss', 'Settling loss (%)', {
                scale: PERCENT,
                min: 0,
                max: 90,
                step: 1,
                hint: 'Share of the fresh look lost while the dots heal (temporary: 30–50% by the finishing session).',
              })}
              {number('fade.settleDays', 'Settling time (days)', {
                min: 0,
                max: 365,
                step: 1,
                hint: 'Most of the settling is done by then.',
              })}
              {number('fade.tauYears', 'Fade time τ (years)', {
                min: 0.01,
                max: 100,
                step: 0.05,
                hint: 'By τ the fading part is down to 37%.',
              })}
              {number('fade.shape', 'Fade shape', {
                min: 0.2,
                max: 3,
                step: 0.05,
                hint: 'Above 1 holds at first, then clears (temporary); 1 is a steady exponential.',
              })}
              {number('fade.floor', 'Never fades (%)', {
                scale: PERCENT,
                min: 0,
                max: 95,
                step: 1,
                hint: 'Carbon black stays in the skin; temporary pigment clears completely (0%).',
              })}
            </div>
            <Field id={id('fade.sources')} label="Where these figures come from" error={errors['fade.sources']}>
              {(control) => (
                <textarea
                  {...control}
                  className="textarea"
                  rows={2}
                  maxLength={PLAN_LIMITS.notes}
                  value={draft.fade.sources}
                  onChange={(e) =>
                    edit((d) => ({ ...d, fade: { ...d.fade, sources: e.target.value } }), 'fade.sources')
                  }
                />
              )}
            </Field>
            {!usesFitted && (
              <p className="setting__default">
                <span>
                  {draft.family === 'temporary' ? 'Temporary' : 'Permanent'} fitted fade: settles{' '}
                  {Math.round(fitted.settleLoss * 100)}% over {fitted.settleDays} days, τ {fitted.tauYears} years, shape{' '}
                  {fitted.shape}, {Math.round(fitted.floor * 100)}% lasting
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => edit((d) => ({ ...d, fade: fitted }), 'fade')}
                >
                  Use fitted fade
                </button>
              </p>
            )}
          </fieldset>

          <fieldset className="option-group pigment-form__group">
            <legend>Colour drift</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.carbonBlack}
                onChange={(e) => edit((d) => ({ ...d, carbonBlack: e.target.checked }), 'carbonBlack')}
              />
              Carbon black (can drift toward blue-green as it fades)
            </label>
            <div className="form-grid">
              {number('drift', 'Drift at full fade (%)', {
                scale: PERCENT,
                min: 0,
                max: 100,
                step: 5,
                disabled: !draft.carbonBlack,
                hint: 'Worse when implanted too dark or too deep.',
              })}
              {colour('driftColour', 'Drift colour', 'What a faded carbon-black dot turns toward.', !draft.carbonBlack)}
            </div>
          </fieldset>
        </div>

        <figure className="pigment-form__preview">
          <figcaption className="pigment-form__caption">Preview</figcaption>
          <FadeChart pigment={draft} name={draft.name} />
          <div className="pigment-form__swatches">
            <span className="pigment-form__swatch">
              <Swatch colour={freshColour(draft)} /> Fresh dot
            </span>
            <span className="pigment-form__swatch">
              <Swatch colour={fadedColour(draft)} /> After {CHART_YEARS} years
            </span>
          </div>
        </figure>
      </div>

      <div className="page-actions pigment-form__actions">
        <p className="settings-note">The Save above saves it with the rest of the catalogue.</p>
        <button type="button" className="button" onClick={closeEditor}>
          Done
        </button>
      </div>
    </fieldset>
  )
}
