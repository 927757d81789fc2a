import { useState } from 'react'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'

/** Recovery's last resort, asked twice: an empty database, with the damaged one kept aside. */
export function StartEmptyConfirm(props: { damaged: boolean; onStarted(movedAside: string | null): void }) {
  const bridge = useBridge()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const start = async () => {
    setBusy(true)
    setError(null)
    try {
      props.onStarted((await bridge.call('database.startEmpty', {})).movedAside)
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  if (!asking)
    return (
      <div>
        <button type="button" className="button button--ghost" onClick={() => setAsking(true)}>
          Start with an empty database…
        </button>
      </div>
    )
  return (
    <div
      className="banner banner--caution restore-confirm"
      role="alertdialog"
      aria-label="Start with an empty database?"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) setAsking(false)
      }}
    >
      <p className="banner__title">Start with an empty database?</p>
      <p>
        Stipple opens with no patients.{' '}
        {props.damaged &&
          'The damaged file is renamed and kept in your data folder, so it can still be sent for repair. '}
        Your backups stay where they are: you can still restore one later from Settings › Your data.
      </p>
      {error && (
        <Banner tone="error" title="Nothing was changed">
          <p>{error}</p>
        </Banner>
      )}
      <div className="restore-confirm__actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={start}>
          {busy ? 'Starting…' : 'Start with an empty database'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  )
}
