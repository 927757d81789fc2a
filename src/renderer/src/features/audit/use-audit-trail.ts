import { useCallback, useEffect, useState } from 'react'
import type { AuditEntity, AuditEntry, ChainReport } from '../../../../shared/audit/audit-types'
import type { PatientId } from '../../../../shared/patients/patient'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { type Loaded, useLoad } from '../../ui/use-load'

/** Entries per page: a busy day of design autosaves, without loading years at once. */
export const AUDIT_PAGE = 50

export type AuditTrailState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready'
      entries: AuditEntry[]
      total: number
      nextBefore: number | null
      loadingMore: boolean
      moreError: string | null
    }

/** A patient's entries, newest first, of one kind or all, with the next older page on demand. */
export function useAuditTrail(patientId: PatientId, entity: AuditEntity | null) {
  const bridge = useBridge()
  const [state, setState] = useState<AuditTrailState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how "Try again" asks for a reload.
  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    bridge.call('audit.forPatient', { patientId, entity, before: null, limit: AUDIT_PAGE }).then(
      (page) => live && setState({ status: 'ready', ...page, loadingMore: false, moreError: null }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    )
    return () => {
      live = false
    }
  }, [bridge, patientId, entity, attempt])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || state.nextBefore === null || state.loadingMore) return
    const shown = state
    setState({ ...shown, loadingMore: true, moreError: null })
    try {
      const page = await bridge.call('audit.forPatient', {
        patientId,
        entity,
        before: shown.nextBefore,
        limit: AUDIT_PAGE,
      })
      setState({
        ...page,
        status: 'ready',
        entries: [...shown.entries, ...page.entries],
        loadingMore: false,
        moreError: null,
      })
    } catch (error) {
      setState({ ...shown, loadingMore: false, moreError: errorMessage(error) })
    }
  }, [bridge, patientId, entity, state])

  return { state, loadMore, retry: () => setAttempt((n) => n + 1) }
}

export type ChainState = Loaded<ChainReport>

/** The whole trail checked once per opening of the tab: it reads every entry, so not on every render. */
export function useChainCheck() {
  const bridge = useBridge()
  const { state, retry } = useLoad(() => bridge.call('audit.verify', {}), [bridge])
  return { state, recheck: retry }
}
