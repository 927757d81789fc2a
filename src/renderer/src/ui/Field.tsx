import type { ReactNode } from 'react'

/** A labelled control with its hint and error; the control gets `id`, `aria-invalid` and `aria-describedby` from here. */
export function Field(props: {
  id: string
  label: string
  required?: boolean
  hint?: string
  error?: string | undefined
  children: (control: {
    id: string
    'aria-invalid': boolean
    'aria-required'?: boolean
    'aria-describedby'?: string
  }) => ReactNode
}) {
  const { id, label, required, hint, error, children } = props
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            (required)
          </span>
        )}
      </label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(required && { 'aria-required': true }),
        ...(describedBy && { 'aria-describedby': describedBy }),
      })}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

/** A labelled one-line text field: the row the plan's forms repeat for names, lots and practitioners. */
export function TextField(props: {
  id: string
  label: string
  value: string
  maxLength: number
  error?: string | undefined
  onChange(value: string): void
  onFocus?(): void
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <input
          {...control}
          className="input"
          type="text"
          autoComplete="off"
          maxLength={props.maxLength}
          value={props.value}
          onFocus={props.onFocus}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  )
}
