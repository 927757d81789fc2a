import { useRef } from 'react'
import type { Patient } from '../../../../shared/patients/patient'
import { MEDICAL_FLAGS, NOT_RECORDED } from '../../../../shared/patients/patient-fields'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { Banner } from '../../ui/Banner'
import { DeleteInPlace, useAskInPlace } from '../../ui/DeleteInPlace'
import { formatMoment } from '../../ui/format'
import { useArrivalFocus } from '../../ui/use-arrival-focus'
import { ExportPatientButton } from '../archive/ExportPatientButton'
import { ReviewFileButton } from '../offline/ReviewFileButton'
import { ClinicalWarnings } from './ClinicalWarnings'
import { formatBirth } from './format'
import { choiceWords, goalsWords, PATIENT_LABELS as LABEL } from './patient-words'

/** A patient's record, read-only, with its warnings first. */
export function PatientRecord(props: {
  patient: Patient
  onEdit(): void
  onArchive(): void
  onRestore(): void
  /** Opens the patient's design sheet. */
  onDesignSheet?(): void
}) {
  const { patient: p } = props
  const headingRef = useRef<HTMLHeadingElement>(null)
  // After a save or cancel, or back from the design sheet, the control that held focus is gone.
  useArrivalFocus(headingRef)
  const archiving = useAskInPlace()
  const flags = MEDICAL_FLAGS.filter((f) => p.medical[f.value]).map((f) => f.label)
  const rows: [string, string][] = [
    [LABEL.dateOfBirth, p.dateOfBirth ? formatBirth(p.dateOfBirth) : NOT_RECORDED],
    [LABEL.sex, choiceWords('sex', p.sex)],
    [LABEL.phone, p.phone || NOT_RECORDED],
    [LABEL.email, p.email || NOT_RECORDED],
    [LABEL.fitzpatrick, choiceWords('fitzpatrick', p.fitzpatrick)],
    [LABEL.hairColour, choiceWords('hairColour', p.hairColour)],
    [LABEL.hairLossPattern, choiceWords('hairLossPattern', p.hairLossPattern)],
    [LABEL.goals, goalsWords(p.goals) || NOT_RECORDED],
    ['Medical flags', flags.join(', ') || NOT_RECORDED],
    [LABEL.transplantDate, p.transplantDate ? formatDay(p.transplantDate) : NOT_RECORDED],
    [LABEL['medical.other'], p.medical.other || NOT_RECORDED],
  ]

  return (
    <article className="patient-record" aria-labelledby="patient-record-title">
      <header className="page-header">
        <div>
          <h1 id="patient-record-title" className="page-title" ref={headingRef} tabIndex={-1}>
            {p.fullName}
          </h1>
          <p className="page-subtitle">Last changed {formatMoment(p.updatedAt)}</p>
        </div>
        <div className="page-actions">
          {props.onDesignSheet && (
            <button type="button" className="button" data-tour="sheet" onClick={props.onDesignSheet}>
              Design sheet…
            </button>
          )}
          <ReviewFileButton patient={p} />
          <ExportPatientButton patient={p} />
          {p.archivedAt ? (
            <button type="button" className="button" onClick={props.onRestore}>
              Restore
            </button>
          ) : (
            <>
              {archiving.asking ? (
                <DeleteInPlace
                  className="page-actions__confirm"
                  label="Archive this record"
                  busy={false}
                  onConfirm={props.onArchive}
                  onCancel={archiving.keep}
                />
              ) : (
                <button
                  ref={archiving.askRef}
                  type="button"
                  className="button button--danger"
                  title="Archive: hidden from the list, kept read-only; Restore brings it back"
                  onClick={archiving.ask}
                >
                  Archive…
                </button>
              )}
              <button type="button" className="button button--primary" onClick={props.onEdit}>
                Edit
              </button>
            </>
          )}
        </div>
      </header>

      {p.archivedAt && (
        <Banner tone="info" title="Archived record">
          <p>Archived {formatMoment(p.archivedAt)}. Restore it to edit or plan treatment.</p>
        </Banner>
      )}
      <ClinicalWarnings medical={p.medical} />

      <dl className="record-grid">
        {rows.map(([label, value]) => (
          <div key={label} className="record-grid__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section className="record-notes" aria-label="Notes">
        <h2 className="section-title">Notes</h2>
        <p className="record-notes__text">{p.notes || NOT_RECORDED}</p>
      </section>
    </article>
  )
}
