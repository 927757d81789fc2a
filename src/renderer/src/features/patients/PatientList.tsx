import type { PatientId, PatientSummary } from '../../../../shared/patients/patient'
import { HAIR_LOSS_PATTERNS, labelOf } from '../../../../shared/patients/patient-fields'
import { useGuide } from '../onboarding/guide-store'
import { formatBirth } from './format'

/** The patients as a list of buttons: Tab reaches the list, Enter or a click opens a record. */
export function PatientList(props: {
  patients: PatientSummary[]
  selectedId: PatientId | null
  onOpen(id: PatientId): void
}) {
  const sampleId = useGuide((s) => s.sampleId)
  return (
    <ul className="patient-list" aria-label="Patients">
      {props.patients.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            className="patient-list__item"
            aria-current={p.id === props.selectedId ? 'true' : undefined}
            onClick={() => props.onOpen(p.id)}
          >
            <span className="patient-list__name">
              {p.fullName}
              {p.keloid && (
                <span className="badge badge--danger" title="Keloid tendency: contraindication">
                  Keloid
                </span>
              )}
              {p.archivedAt && <span className="badge badge--muted">Archived</span>}
              {p.id === sampleId && (
                <span className="badge" title="A made-up case to explore Stipple">
                  Sample
                </span>
              )}
            </span>
            <span className="patient-list__meta">
              {formatBirth(p.dateOfBirth)}
              {p.hairLossPattern && ` · ${labelOf(HAIR_LOSS_PATTERNS, p.hairLossPattern)}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
