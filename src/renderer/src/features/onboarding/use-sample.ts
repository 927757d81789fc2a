import { useCallback, useEffect, useMemo } from 'react'
import { useBridge } from '../../bridge/bridge-context'
import { usePatientActions } from '../patients/patients-context'
import { guideStore, useGuide } from './guide-store'

/** The sample patient: whether it is here, and opening (making it first when needed) and removing it. */
export function useSample() {
  const bridge = useBridge()
  const { open, refreshList, close } = usePatientActions()
  const sampleId = useGuide((s) => s.sampleId)

  const refresh = useCallback(async () => {
    const { patientId } = await bridge.call('sample.status', {})
    guideStore.getState().setSampleId(patientId)
    return patientId
  }, [bridge])

  useEffect(() => {
    void refresh().catch(() => {})
  }, [refresh])

  const openSample = useCallback(async () => {
    const { patientId } = await bridge.call('sample.open', {})
    guideStore.getState().setSampleId(patientId)
    await refreshList()
    await open(patientId)
    return patientId
  }, [bridge, open, refreshList])

  const removeSample = useCallback(async () => {
    const { patientId } = await bridge.call('sample.remove', {})
    guideStore.getState().setSampleId(patientId)
    close()
    await refreshList()
  }, [bridge, refreshList, close])

  return useMemo(() => ({ sampleId, openSample, removeSample, refresh }), [sampleId, openSample, removeSample, refresh])
}
