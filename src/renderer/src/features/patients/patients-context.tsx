import { createStoreContext } from '../../app/store-context'
import type { PatientsState } from './patients-store'

const patients = createStoreContext<PatientsState>('patients')

export const PatientsProvider = patients.Provider
/** Subscribes to the slice of state a component shows; it re-renders only when that slice changes. */
export const usePatients = patients.useSelect
/** The store's actions. They never change, so reading them subscribes to nothing. */
export const usePatientActions = patients.useActions
