import { useEffect, useMemo } from 'react'
import type { PatientId } from '../../../../shared/patients/patient'
import { createStoreContext } from '../../app/store-context'
import { useBridge } from '../../bridge/bridge-context'
import { createPlanStore, type PlanState, type PlanStore } from './plan-store'

const plan = createStoreContext<PlanState>('plan')

export const PlanProvider = plan.Provider
export const usePlan = plan.useSelect
export const usePlanActions = plan.useActions

/**
 * The open patient's plan, loaded once for the record and shared by the Plan tab and the photo
 * workspace; any unsaved change is written when the record closes or the page goes away.
 */
export function usePlanStore(patientId: PatientId): PlanStore {
  const bridge = useBridge()
  const store = useMemo(() => createPlanStore(bridge, patientId), [bridge, patientId])
  useEffect(() => {
    void store.getState().load()
    const flush = () => void store.getState().flush()
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      void store
        .getState()
        .flush()
        .finally(() => store.getState().dispose())
    }
  }, [store])
  return store
}
