import { type FormEvent, useId, useRef, useState } from 'react'
import { localToday } from '../../../../shared/dates'
import type { PatientFields } from '../../../../shared/patients/patient'
import {
  FIELD_LIMITS,
  FITZPATRICK_TYPES,
  GOALS,
  HAIR_COLOURS,
  HAIR_LOSS_PATTERNS,
  MEDICAL_FLAGS,
  SEXES,
} from '../../../../shared/patients/patient-fields'
import { BridgeCallError, errorMessage } from '../../bridge/bridge-client'
import { Banner } from '../../ui/Banner'
import { DateInput } from '../../ui/DateInput'
import { Field } from '../../ui/Field'
import { ClinicalWarnings } from './ClinicalWarnings'
import {
  controlId,
  fieldsFromForm,
  formErrors,
  formFromFields,
  type PatientFormState,
  setMedicalFlag,
  toggle,
} from './patient-form-model'

export interface PatientFormProps {
  title: string
  submitLabel: string
  initial: PatientFields
  /** Saves the fields; a rejection with a `BridgeCallError` puts its messages next to the fields. */
  onSubmit(fields: PatientFields): Promise<unknown>
  onCancel(): void
}

/**
 * Create and edit form for a patient record. Validation lives in main (one set of rules for
 * every transport); the form shows main's messages next to the fields they concern.
 */
export function PatientForm({ title, submitLabel, initial, onSubmit, onCancel }: PatientFormProps) {
  const [form, setForm] = useState<PatientFormState>(() => formFromFields(initial))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState('')
  const [saving, setSaving] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const headingId = useId()

  const update = <K extends keyof PatientFormState>(key: K, value: PatientFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaving(true)
    setErrors({})
    setFormError('')
    try {
      await onSubmit(fieldsFromForm(form))
    } catch (error) {
      const byField = error instanceof BridgeCallError ? formErrors(error.fieldErrors) : {}
      setErrors(byField)
      setFormError(errorMessage(error))
      const first = Object.keys(byField)[0]
      if (first)
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#${controlId(first)}`)?.focus())
    } finally {
      setSaving(false)
    }
  }

  const text = (key: 'fullName' | 'phone' | 'email', label: string, type: string, extra: object = {}) => (
    <Field id={controlId(key)} label={label} required={key === 'fullName'} error={errors[key]}>
      {(control) => (
        <input
          {...control}
          {...extra}
          className="input"
          type={type}
          value={form[key]}
          maxLength={FIELD_LIMITS[key]}
          onChange={(e) => update(key, e.target.value)}
        />
      )}
    </Field>
  )

  const select = (
    key: 'sex' | 'fitzpatrick' | 'hairColour',
    label: string,
    options: readonly { value: string | number; label: string; hint?: string }[],
  ) => (
    <Field id={controlId(key)} label={label} error={errors[key]}>
      {(control) => (
        <select {...control} className="select" value={form[key]} onChange={(e) => update(key, e.target.value)}>
          <option value="">Not recorded</option>
          {options.map((o) => (
            <option key={o.value} value={String(o.value)}>
              {o.hint ? `${o.label}: ${o.hint}` : o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )

  return (
    <form ref={formRef} className="patient-form" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <header className="page-header">
        <h1 id={headingId} className="page-title">
          {title}
        </h1>
        <div className="page-actions">
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : submitLabel}
          </button>
        </div>
      </header>

      {formError && (
        <Banner tone="error" title="Not saved">
          <p>{formError}</p>
        </Banner>
      )}

      <fieldset className="form-section">
        <legend>Identity and contact</legend>
        <div className="form-grid">
          {text('fullName', 'Full name', 'text', { autoComplete: 'off', autoFocus: true })}
          <Field id={controlId('dateOfBirth')} label="Date of birth" error={errors.dateOfBirth}>
            {(control) => (
              <DateInput
                {...control}
                max={localToday()}
                value={form.dateOfBirth}
                onChange={(day) => update('dateOfBirth', day)}
              />
            )}
          </Field>
          {select('sex', 'Sex', SEXES)}
          {text('phone', 'Phone', 'tel')}
          {text('email', 'Email', 'email')}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Skin and hair</legend>
        <div className="form-grid">
          {select('fitzpatrick', 'Fitzpatrick skin type', FITZPATRICK_TYPES)}
          {select('hairColour', 'Natural hair colour', HAIR_COLOURS)}
          <Field id={controlId('hairLossPattern')} label="Hair-loss pattern" error={errors.hairLossPattern}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={form.hairLossPattern}
                onChange={(e) => update('hairLossPattern', e.target.value)}
              >
                <option value="">Not recorded</option>
                {(['Norwood', 'Ludwig'] as const).map((scale) => (
                  <optgroup key={scale} label={scale === 'Norwood' ? 'Norwood (men)' : 'Ludwig (women)'}>
                    {HAIR_LOSS_PATTERNS.filter((p) => p.scale === scale).map((p) => (
                      <option key={p.value} value={p.value}>
                        {p.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-section" aria-describedby={errors.goals ? 'patient-goals-error' : undefined}>
        <legend>Goals</legend>
        <div className="checkbox-row">
          {GOALS.map((goal) => (
            <label key={goal.value} className="checkbox">
              <input
                type="checkbox"
                checked={form.goals.includes(goal.value)}
                onChange={(e) => update('goals', toggle(form.goals, goal.value, e.target.checked))}
              />
              {goal.label}
            </label>
          ))}
        </div>
        {errors.goals && (
          <p className="field__error" id="patient-goals-error">
            {errors.goals}
          </p>
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>Medical flags</legend>
        <div className="checkbox-grid">
          {MEDICAL_FLAGS.map((flag) => (
            <label key={flag.value} className="checkbox">
              <input
                type="checkbox"
                checked={form.medical[flag.value]}
                onChange={(e) => update('medical', setMedicalFlag(form.medical, flag.value, e.target.checked))}
              />
              {flag.label}
            </label>
          ))}
        </div>
        <Field
          id={controlId('transplantDate')}
          label="Last hair transplant"
          hint="Scars are treated no sooner than 6–12 months after a transplant; the plan warns before then."
          error={errors.transplantDate}
        >
          {(control) => (
            <DateInput {...control} value={form.transplantDate} onChange={(day) => update('transplantDate', day)} />
          )}
        </Field>
        <ClinicalWarnings medical={form.medical} />
        <Field id={controlId('medical.other')} label="Other medical notes" error={errors['medical.other']}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={2}
              maxLength={FIELD_LIMITS.medicalOther}
              value={form.medical.other}
              onChange={(e) => update('medical', { ...form.medical, other: e.target.value })}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend>Notes</legend>
        <Field id={controlId('notes')} label="Notes" error={errors.notes}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={5}
              maxLength={FIELD_LIMITS.notes}
              value={form.notes}
              onChange={(e) => update('notes', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
    </form>
  )
}
