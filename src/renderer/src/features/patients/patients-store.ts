import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Patient, PatientFields, PatientId, PatientSummary } from '../../../../shared/patients/patient'
import { type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import type { Loaded } from '../../ui/use-load'

/** What the main area shows. */
export type PatientView =
  | { kind: 'none' }
  | { kind: 'create' }
  | { kind: 'patient'; id: PatientId; editing: boolean; record: Loaded<Patient> }

export interface PatientsState {
  query: string
  includeArchived: boolean
  list: Loaded<{ patients: PatientSummary[]; total: number }>
  view: PatientView
  /** A one-line outcome of the last action ("Archived Ana Ruiz"), announced politely. */
  notice: string

  setQuery(query: string): void
  setIncludeArchived(include: boolean): void
  refreshList(): Promise<void>
  open(id: PatientId): Promise<void>
  startCreate(): void
  /** Back to the first screen, with no record open. */
  close(): void
  startEdit(): void
  cancelEdit(): void
  /** Creates or updates; rejects with the bridge's error so the form can show it by field. */
  save(fields: PatientFields): Promise<Patient>
  archive(): Promise<void>
  restore(): Promise<void>
}

export type PatientsStore = StoreApi<PatientsState>

export function createPatientsStore(bridge: BridgeClient): PatientsStore {
  // Typing fires a search per keystroke; only the newest answer may land.
  let listRequest = 0
  let openRequest = 0

  return createStore<PatientsState>((set, get) => {
    const showRecord = (patient: Patient, notice = '') =>
      set({
        view: { kind: 'patient', id: patient.id, editing: false, record: { status: 'ready', value: patient } },
        notice,
      })

    const currentRecord = (): Patient | null => {
      const { view } = get()
      return view.kind === 'patient' && view.record.status === 'ready' ? view.record.value : null
    }

    const changeArchived = async (call: 'patients.archive' | 'patients.restore', verb: string) => {
      const patient = currentRecord()
      if (!patient) return
      try {
        showRecord(await bridge.call(call, { id: patient.id }), `${verb} ${patient.fullName}`)
      } catch (error) {
        set({ notice: errorMessage(error) })
      }
      await get().refreshList()
    }

    return {
      query: '',
      includeArchived: false,
      list: { status: 'loading' },
      view: { kind: 'none' },
      notice: '',

      setQuery(query) {
        set({ query })
        void get().refreshList()
      },

      setIncludeArchived(includeArchived) {
        set({ includeArchived })
        void get().refreshList()
      },

      async refreshList() {
        const request = ++listRequest
        const { query, includeArchived, list } = get()
        if (list.status === 'error') set({ list: { status: 'loading' } })
        try {
          const value = await bridge.call('patients.list', { query, includeArchived })
          if (request === listRequest) set({ list: { status: 'ready', value } })
        } catch (error) {
          if (request === listRequest) set({ list: { status: 'error', message: errorMessage(error) } })
        }
      },

      async open(id) {
        const request = ++openRequest
        set({ view: { kind: 'patient', id, editing: false, record: { status: 'loading' } }, notice: '' })
        try {
          const patient = await bridge.call('patients.get', { id })
          if (request === openRequest) showRecord(patient)
        } catch (error) {
          if (request !== openRequest) return
          set({
            view: { kind: 'patient', id, editing: false, record: { status: 'error', message: errorMessage(error) } },
          })
        }
      },

      startCreate() {
        ++openRequest
        set({ view: { kind: 'create' }, notice: '' })
      },

      close() {
        ++openRequest
        set({ view: { kind: 'none' }, notice: '' })
      },

      startEdit() {
        const { view } = get()
        if (view.kind === 'patient' && view.record.status === 'ready')
          set({ view: { ...view, editing: true }, notice: '' })
      },

      cancelEdit() {
        const { view } = get()
        if (view.kind === 'create') set({ view: { kind: 'none' } })
        else if (view.kind === 'patient') set({ view: { ...view, editing: false } })
      },

      async save(fields) {
        const existing = currentRecord()
        const saved = existing
          ? await bridge.call('patients.update', { id: existing.id, revision: existing.revision, fields })
          : await bridge.call('patients.create', { fields })
        showRecord(saved, existing ? `Saved changes to ${saved.fullName}` : `Created ${saved.fullName}`)
        await get().refreshList()
        return saved
      },

      archive: () => changeArchived('patients.archive', 'Archived'),
      restore: () => changeArchived('patients.restore', 'Restored'),
    }
  })
}
