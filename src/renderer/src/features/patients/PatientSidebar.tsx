import type { RefObject } from 'react'
import { Loading } from '../../ui/Loading'
import { ImportPatientButton } from '../archive/ArchiveImport'
import { PatientList } from './PatientList'
import { usePatientActions, usePatients } from './patients-context'

export function PatientSidebar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const query = usePatients((s) => s.query)
  const includeArchived = usePatients((s) => s.includeArchived)
  const list = usePatients((s) => s.list)
  const view = usePatients((s) => s.view)
  const { setQuery, setIncludeArchived, refreshList, open, startCreate } = usePatientActions()
  const selectedId = view.kind === 'patient' ? view.id : null

  return (
    <section className="sidebar__section" aria-label="Patient records" data-tour="patients">
      <button type="button" className="button button--primary sidebar__new" onClick={startCreate}>
        New patient
      </button>
      <ImportPatientButton className="button sidebar__new" />
      <div className="sidebar__search">
        <label className="visually-hidden" htmlFor="patient-search">
          Search patients
        </label>
        <input
          ref={searchRef}
          id="patient-search"
          className="input"
          type="search"
          placeholder="Search by name"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="checkbox sidebar__archived">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          Show archived
        </label>
      </div>

      {list.status === 'loading' && <Loading className="sidebar__status">Loading patients…</Loading>}
      {list.status === 'error' && (
        <div className="sidebar__status sidebar__status--error" role="alert">
          <p>{list.message}</p>
          <button type="button" className="button" onClick={() => void refreshList()}>
            Retry
          </button>
        </div>
      )}
      {list.status === 'ready' && (
        <>
          <p className="sidebar__count" role="status">
            {countLabel(list.value.total, query)}
          </p>
          {list.value.total === 0 ? (
            <p className="sidebar__empty">
              {query.trim() ? `No patient matches “${query.trim()}”.` : 'No patients yet. Create the first record.'}
            </p>
          ) : (
            <PatientList patients={list.value.patients} selectedId={selectedId} onOpen={(id) => void open(id)} />
          )}
        </>
      )}
    </section>
  )
}

function countLabel(total: number, query: string): string {
  const noun = total === 1 ? 'patient' : 'patients'
  return query.trim() ? `${total} ${noun} found` : `${total} ${noun}`
}
