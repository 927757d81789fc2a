import { useCallback, useEffect, useState } from 'react'
import { EMPTY_PATIENT_FIELDS, type Patient, toFields } from '../../../../shared/patients/patient'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { onTabListKey } from '../../ui/tab-keys'
import { AuditTrailTab } from '../audit/AuditTrailTab'
import { DesignWorkspace } from '../designer/DesignWorkspace'
import { guideStore, useGuide } from '../onboarding/guide-store'
import { SampleBanner } from '../onboarding/SampleBanner'
import { useRestorePhoto } from '../onboarding/use-where-you-were'
import { Welcome } from '../onboarding/Welcome'
import type { Section } from '../onboarding/where-you-were'
import { PhotoDropZone } from '../photos/PhotoDropZone'
import { PhotoLibrary } from '../photos/PhotoLibrary'
import { usePhotoActions, usePhotos } from '../photos/photos-context'
import { PlanPage } from '../plan/PlanPage'
import { PlanProvider, usePlanStore } from '../plan/plan-context'
import { ReviewPage } from '../review/ReviewPage'
import { SheetPage } from '../sheets/SheetPage'
import { PatientForm } from './PatientForm'
import { PatientRecord } from './PatientRecord'
import { usePatientActions, usePatients } from './patients-context'

/** The main area: the open record, its edit form, the new-patient form, or a prompt. */
export function PatientPage() {
  const view = usePatients((s) => s.view)
  const { save, cancelEdit, startEdit, archive, restore, open } = usePatientActions()

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
  if (view.kind === 'none') return <Welcome />
  if (view.record.status === 'loading') {
    return <Loading>Loading record…</Loading>
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
    <OpenPatient
      patient={patient}
      onEdit={startEdit}
      onArchive={() => void archive()}
      onRestore={() => void restore()}
    />
  )
}

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'record', label: 'Record' },
  { id: 'photos', label: 'Photos' },
  { id: 'plan', label: 'Plan' },
  { id: 'review', label: 'Review' },
  { id: 'history', label: 'History' },
]

/** An open patient: the record, photo library and treatment plan as tabs, or one photo in the canvas. */
function OpenPatient(props: { patient: Patient; onEdit(): void; onArchive(): void; onRestore(): void }) {
  const planStore = usePlanStore(props.patient.id)
  return (
    <PlanProvider store={planStore}>
      <PatientSections {...props} />
    </PlanProvider>
  )
}

function PatientSections(props: { patient: Patient; onEdit(): void; onArchive(): void; onRestore(): void }) {
  const patientId = props.patient.id
  const section = useGuide((s) => s.sections[patientId] ?? 'record')
  const setSection = useCallback((to: Section) => guideStore.getState().setSection(patientId, to), [patientId])
  const isSample = useGuide((s) => s.sampleId === props.patient.id)
  const openPhoto = usePhotos((s) => s.open)
  const photoCount = usePhotos((s) =>
    s.patientId === props.patient.id && s.photos.status === 'ready' ? s.photos.value.length : null,
  )
  const { closePhoto, load } = usePhotoActions()
  // Choosing a patient in the list shows its tabs, even when one of its photos was open; a photo
  // restored from where the user was opens after this.
  useEffect(() => {
    closePhoto()
  }, [closePhoto])
  useRestorePhoto(props.patient.id)
  // Loaded with the record, not the tab, so the tab shows the count and a photo open for
  // another patient never lingers.
  useEffect(() => {
    void load(props.patient.id)
  }, [load, props.patient.id])
  const showPhotos = useCallback(() => {
    closePhoto()
    setSection('photos')
  }, [closePhoto, setSection])
  const archived = props.patient.archivedAt !== null
  const [sheetOpen, setSheetOpen] = useState(false)

  if (openPhoto) return <DesignWorkspace />
  if (sheetOpen) return <SheetPage patient={props.patient} onClose={() => setSheetOpen(false)} />
  return (
    <PhotoDropZone enabled={!archived} onImport={showPhotos}>
      {isSample && <SampleBanner />}
      <div
        className="patient-tabs"
        role="tablist"
        aria-label="Patient sections"
        onKeyDown={(event) =>
          onTabListKey(
            event,
            SECTIONS.map((s) => s.id),
            section,
            setSection,
            (id) => `tab-${id}`,
          )
        }
        data-tour="tabs"
        data-sample-open={isSample || undefined}
      >
        {SECTIONS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={section === id}
            aria-controls={`panel-${id}`}
            tabIndex={section === id ? 0 : -1}
            className="patient-tabs__tab"
            onClick={() => setSection(id)}
          >
            {id === 'photos' && photoCount !== null ? `${label} (${photoCount})` : label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${section}`} aria-labelledby={`tab-${section}`} className="patient-tabs__panel">
        {section === 'record' ? (
          <PatientRecord
            patient={props.patient}
            onEdit={props.onEdit}
            onArchive={props.onArchive}
            onRestore={props.onRestore}
            onDesignSheet={() => setSheetOpen(true)}
          />
        ) : section === 'photos' ? (
          <div className="page-pad">
            <PhotoLibrary patientId={props.patient.id} archived={archived} />
          </div>
        ) : section === 'history' ? (
          <AuditTrailTab patientId={props.patient.id} />
        ) : section === 'review' ? (
          <ReviewPage patient={props.patient} canComment={!archived} />
        ) : (
          <PlanPage archived={archived} />
        )}
      </div>
    </PhotoDropZone>
  )
}
