import { type ReactNode, useEffect, useState } from 'react'
import type { RecoveryState } from '../../../../shared/backups/backup-types'
import { useBridge } from '../../bridge/bridge-context'
import { Loading } from '../../ui/Loading'
import { DataNotices } from './DataNotices'
import { RecoveryScreen } from './RecoveryScreen'

type Gate = { kind: 'asking' } | { kind: 'recovery'; dataDir: string; recovery: RecoveryState } | { kind: 'app' }

/**
 * Asks main first whether the database opened: if not, the recovery screen stands in for the
 * whole app, so no part of it calls for records that cannot be read. Otherwise the app, with
 * the notices about backups and restores over it.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const bridge = useBridge()
  const [gate, setGate] = useState<Gate>({ kind: 'asking' })

  useEffect(() => {
    bridge.call('app.info', {}).then(
      (info) =>
        setGate(info.recovery ? { kind: 'recovery', dataDir: info.dataDir, recovery: info.recovery } : { kind: 'app' }),
      // Unanswered, the app itself shows what is wrong with the connection.
      () => setGate({ kind: 'app' }),
    )
  }, [bridge])

  if (gate.kind === 'asking') return <Loading>Opening Stipple…</Loading>
  if (gate.kind === 'recovery') return <RecoveryScreen dataDir={gate.dataDir} recovery={gate.recovery} />
  return (
    <>
      {children}
      <DataNotices />
    </>
  )
}
