import { EMPTY_PATIENT_FIELDS, toFields } from '../../../../shared/patients/patient'
import { Banner } from '../../ui/Banner'
import { PatientForm } from './PatientForm'
import { PatientRecord } from './PatientRecord'
import { usePatientActions, usePatients } from './patients-context'

/** The main area: the open record, its edit form, the new-patient form, or a prompt. */
export function PatientPage() {
  const view = usePatients((s) => s.view)
  const { save, cancelEdit, startEdit, archive, restore, startCreate, open } = usePatientActions()

  if (view.kind === 'create') {
    return (
      <PatientForm
        title="New patient"
        submitLabel="Create patient"
        initial={EMPTY_PATIENT_FIELDS}
        onSubmit={save}
        onCancel={cancelEdit}
      />
    )
  }
  if (view.kind === 'none') {
    return (
      <div className="empty-state">
        <p className="empty-state__title">No patient open</p>
        <p>Choose a patient from the list, or start a new record.</p>
        <button type="button" className="button button--primary" onClick={startCreate}>
          New patient
        </button>
      </div>
    )
  }
  if (view.record.status === 'loading') {
    return (
      <div className="empty-state" role="status">
        <span className="spinner" aria-hidden="true" /> Loading record…
      </div>
    )
  }
  if (view.record.status === 'error') {
    return (
      <div className="page-pad">
        <Banner tone="error" title="This record could not be opened">
          <p>{view.record.message}</p>
          <button type="button" className="button" onClick={() => void open(view.id)}>
            Try again
          </button>
        </Banner>
      </div>
    )
  }
  const patient = view.record.value
  if (view.editing) {
    return (
      <PatientForm
        key={`${patient.id}:${patient.revision}`}
        title={`Edit ${patient.fullName}`}
        submitLabel="Save changes"
        initial={toFields(patient)}
        onSubmit={save}
        onCancel={cancelEdit}
      />
    )
  }
  return (
    <PatientRecord
      patient={patient}
      onEdit={startEdit}
      onArchive={() => void archive()}
      onRestore={() => void restore()}
    />
  )
}
