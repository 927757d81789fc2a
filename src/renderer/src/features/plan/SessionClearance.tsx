import { type FormEvent, useState } from 'react'
import { localToday } from '../../../../shared/dates'
import { type ClearanceFlag, clearanceNeeds, clearancePhrase } from '../../../../shared/patients/contraindications'
import type { MedicalFlags } from '../../../../shared/patients/patient'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import type { Clearance, Session } from '../../../../shared/plan/plan-types'
import { DateInput } from '../../ui/DateInput'
import { Field } from '../../ui/Field'

interface SessionClearanceProps {
  session: Session
  title: string
  /** The patient's record: each contraindication on it needs the clearance before the session is done. */
  medical: Pick<MedicalFlags, ClearanceFlag>
  onChange(clearance: Clearance | null): void
}

/**
 * Who gave medical clearance for this session despite the patient's contraindications, when and
 * why; the heading names them. A session cannot be marked done without it, and it enters the
 * history with the plan. Shown only when the patient has one, or a clearance was recorded.
 */
export function SessionClearance({ session, title, medical, onChange }: SessionClearanceProps) {
  const [editing, setEditing] = useState(false)
  const clearance = session.clearance
  const needs = clearanceNeeds(medical)
  const base = `session-${session.id}-clearance`
  if (needs.length === 0 && !clearance) return null
  return (
    <section className="plan-clearance" aria-labelledby={`${base}-title`}>
      <h4 className="plan-clearance__title" id={`${base}-title`}>
        Medical clearance{needs.length > 0 && ` (${clearancePhrase(needs, 'label')})`}
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
        {(control) => <DateInput {...control} value={on} onChange={setOn} />}
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
