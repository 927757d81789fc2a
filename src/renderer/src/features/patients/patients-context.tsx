import { createContext, type ReactNode, useContext } from 'react'
import { useStore } from 'zustand'
import type { PatientsState, PatientsStore } from './patients-store'

const PatientsContext = createContext<PatientsStore | null>(null)

export function PatientsProvider({ store, children }: { store: PatientsStore; children: ReactNode }) {
  return <PatientsContext.Provider value={store}>{children}</PatientsContext.Provider>
}

function usePatientsStore(): PatientsStore {
  const store = useContext(PatientsContext)
  if (!store) throw new Error('patients hooks used outside PatientsProvider')
  return store
}

/** Subscribes to the slice of state a component shows; it re-renders only when that slice changes. */
export function usePatients<T>(selector: (state: PatientsState) => T): T {
  return useStore(usePatientsStore(), selector)
}

/** The store's actions. They never change, so reading them subscribes to nothing. */
export function usePatientActions(): PatientsState {
  return usePatientsStore().getState()
}
