import type { PatientId } from '../../../../shared/patients/patient'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import type { ChainState } from './use-audit-trail'

const entries = (n: number) => (n === 1 ? '1 entry' : `${n.toLocaleString('en')} entries`)

/** Whether the audit trail still reads as Stipple wrote it; a break is an alert, never a footnote. */
export function ChainStatus(props: { state: ChainState; patientId: PatientId; onRecheck(): void }) {
  const { state } = props
  if (state.status === 'loading') return <Loading className="audit-status">Checking the history…</Loading>
  if (state.status === 'error')
    return (
      <Banner tone="caution" title="The history could not be checked">
        <p>{state.message}</p>
        <button type="button" className="button" onClick={props.onRecheck}>
          Check again
        </button>
      </Banner>
    )
  const report = state.value
  if (report.intact)
    return (
      <p className="audit-status audit-status--intact" data-testid="audit-status">
        <span aria-hidden="true">✓</span> History intact, {entries(report.checked)} checked
        <span className="audit-status__scope"> (every patient’s, each against the one before it)</span>
      </p>
    )
  const { problem } = report
  const whose =
    problem.patientId === null
      ? ''
      : problem.patientId === props.patientId
        ? ' It is in this patient’s history.'
        : ' It is in another patient’s history.'
  return (
    <Banner tone="error" title="The history has been tampered with">
      <p data-testid="audit-status">
        {problem.message}
        {whose}
      </p>
      <p>
        It was changed outside Stipple, so the history from that point on cannot be relied on
        {report.checked > 0 &&
          `; the ${entries(report.checked)} up to it ${report.checked === 1 ? 'checks' : 'check'} out`}
        . A backup from before then holds the history as it was.
      </p>
    </Banner>
  )
}
