import { useCallback, useEffect, useState } from 'react'
import type { ClinicDetails } from '../../../../shared/clinic/clinic-details'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'

export type ClinicLoad =
  | { status: 'loading' }
  | { status: 'ready'; details: ClinicDetails }
  | { status: 'error'; message: string }

/** The clinic's details as Settings saved them, read when the sheet opens. */
export function useClinicDetails(): { load: ClinicLoad; reload(): void } {
  const bridge = useBridge()
  const [load, setLoad] = useState<ClinicLoad>({ status: 'loading' })
  const reload = useCallback(() => {
    setLoad({ status: 'loading' })
    bridge.call('clinic.get', {}).then(
      (saved) => setLoad({ status: 'ready', details: saved.details }),
      (error) => setLoad({ status: 'error', message: errorMessage(error) }),
    )
  }, [bridge])
  useEffect(reload, [reload])
  return { load, reload }
}
