import { createContext, type ReactNode, useContext } from 'react'
import { useStore } from 'zustand'
import type { PatientsState, PatientsStore } from './patients-store'

const PatientsContext = createContext<PatientsStore | null>(null)

export function PatientsProvider({ store, children }: { store: PatientsStore; children: ReactNode }) {
  return <PatientsContext.Provider value={store}>{children}</PatientsContext.Provider>
}

export function usePatients<T>(selector: (state: PatientsState) => T): T {
  const store = useContext(PatientsContext)
  if (!store) throw new Error('usePatients outside PatientsProvider')
  return useStore(store, selector)
}
