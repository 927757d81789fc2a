import { useState } from 'react'
import type { DatabaseCheck as CheckResult } from '../../../../shared/backups/backup-types'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'

/** Problems listed before "and N more": SQLite can report one line per damaged page. */
const PROBLEMS_SHOWN = 10

/** SQLite's full integrity check on demand; the start-up check is the quicker one. */
export function DatabaseCheck() {
  const bridge = useBridge()
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'checking' }
    | { kind: 'done'; result: CheckResult }
    | { kind: 'failed'; message: string }
  >({ kind: 'idle' })

  const check = async () => {
    setState({ kind: 'checking' })
    try {
      setState({ kind: 'done', result: await bridge.call('database.check', {}) })
    } catch (e) {
      setState({ kind: 'failed', message: errorMessage(e) })
    }
  }

  return (
    <div className="database-check">
      <p className="settings-note">
        Stipple checks the database quickly every time it starts. The full check reads every record and index; it can
        take a while on a large database.
      </p>
      <div>
        <button type="button" className="button" disabled={state.kind === 'checking'} onClick={check}>
          Check database
        </button>
      </div>
      {state.kind === 'checking' && <Loading className="status-line">Checking the whole database…</Loading>}
      {state.kind === 'failed' && (
        <Banner tone="error" title="The check could not run">
          <p>{state.message}</p>
        </Banner>
      )}
      {state.kind === 'done' &&
        (state.result.ok ? (
          <Banner tone="info" title="No problems found">
            <p>Every record and index was checked in {(state.result.durationMs / 1000).toFixed(1)} s.</p>
          </Banner>
        ) : (
          <Banner tone="error" title={`SQLite found ${state.result.problems.length} problem(s)`}>
            <ul className="database-check__problems">
              {state.result.problems.slice(0, PROBLEMS_SHOWN).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
              {state.result.problems.length > PROBLEMS_SHOWN && (
                <li>and {state.result.problems.length - PROBLEMS_SHOWN} more</li>
              )}
            </ul>
            <p>
              Nothing was changed. Back up now to keep what can still be read, then restore the newest backup taken
              before the problem appeared.
            </p>
          </Banner>
        ))}
    </div>
  )
}
