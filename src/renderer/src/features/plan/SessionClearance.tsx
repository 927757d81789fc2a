import { type FormEvent, useState } from 'react'
import { localToday } from '../../../../shared/dates'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import type { Clearance, Session } from '../../../../shared/plan/plan-types'
import { Field } from '../../ui/Field'

interface SessionClearanceProps {
  session: Session
  title: string
  /** The patient has a contraindication, so a done session needs the clearance. */
  required: boolean
  onChange(clearance: Clearance | null): void
}

/**
 * Who gave medical clearance for this session despite the patient's contraindication, when and
 * why. A session cannot be marked done without it, and it enters the history with the plan.
 */
export function SessionClearance({ session, title, required, onChange }: SessionClearanceProps) {
  const [editing, setEditing] = useState(false)
  const clearance = session.clearance
  const base = `session-${session.id}-clearance`
  return (
    <section className="plan-clearance" aria-labelledby={`${base}-title`}>
      <h4 className="plan-clearance__title" id={`${base}-title`}>
        Medical clearance{required && ' (keloid tendency)'}
      </h4>
      {!editing && clearance && (
        <p>
          Cleared by <strong>{clearance.by}</strong> on {formatDay(clearance.on)}: {clearance.reason}
        </p>
      )}
      {!editing && !clearance && (
        <p className="plan-clearance__missing">
          Not recorded. Record who cleared {title}, when and why before marking it done.
        </p>
      )}
      {editing ? (
        <ClearanceForm
          base={base}
          initial={clearance}
          onCancel={() => setEditing(false)}
          onSave={(next) => {
            onChange(next)
            setEditing(false)
          }}
        />
      ) : (
        <div className="plan-clearance__actions">
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {clearance ? 'Change clearance' : 'Record clearance…'}
          </button>
          {clearance && (
            <button type="button" className="button button--small" onClick={() => onChange(null)}>
              Remove clearance
            </button>
          )}
        </div>
      )}
    </section>
  )
}

function ClearanceForm(props: {
  base: string
  initial: Clearance | null
  onCancel(): void
  onSave(clearance: Clearance): void
}) {
  const { base, initial } = props
  const [by, setBy] = useState(initial?.by ?? '')
  const [on, setOn] = useState(initial?.on ?? localToday())
  const [reason, setReason] = useState(initial?.reason ?? '')
  const [tried, setTried] = useState(false)
  const missing = {
    by: by.trim() ? undefined : 'Say who gave the clearance.',
    on: /^\d{4}-\d{2}-\d{2}$/.test(on) ? undefined : 'Enter the date of the clearance.',
    reason: reason.trim() ? undefined : 'Say why treatment is cleared.',
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (missing.by || missing.on || missing.reason) return
    props.onSave({ by: by.trim(), on, reason: reason.trim() })
  }
  return (
    <form className="plan-clearance__form" onSubmit={submit} noValidate>
      <Field id={`${base}-by`} label="Cleared by" required error={tried ? missing.by : undefined}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            maxLength={PLAN_LIMITS.practitioner}
            value={by}
            onChange={(event) => setBy(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${base}-on`} label="On" required error={tried ? missing.on : undefined}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="date"
            value={on}
            onChange={(event) => setOn(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${base}-reason`} label="Why" required error={tried ? missing.reason : undefined}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={2}
            maxLength={PLAN_LIMITS.notes}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <div className="plan-clearance__actions">
        <button type="submit" className="button button--small button--primary">
          Save clearance
        </button>
        <button type="button" className="button button--small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
