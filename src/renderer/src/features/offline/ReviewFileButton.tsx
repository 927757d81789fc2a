import { useState } from 'react'
import type { Patient } from '../../../../shared/patients/patient'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { saveFile } from '../../ui/save-file'
import './offline.css'

type ExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'saved'; name: string }
  | { status: 'error'; message: string }

/**
 * "Offline review file…": packs the patient's review into one HTML page and saves it (the save
 * dialog on the desktop, a download in the browser), with progress while it is built.
 */
export function ReviewFileButton({ patient }: { patient: Pick<Patient, 'id'> }) {
  const bridge = useBridge()
  const [state, setState] = useState<ExportState>({ status: 'idle' })
  const run = async () => {
    setState({ status: 'working' })
    try {
      const [{ shell }, file] = await Promise.all([
        bridge.call('app.info', {}),
        bridge.call('review.exportFile', { patientId: patient.id }),
      ])
      const saved = await saveFile(bridge, shell, { name: file.suggestedName, kind: 'html', bytes: file.bytes })
      setState(saved ? { status: 'saved', name: saved } : { status: 'idle' })
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) })
    }
  }
  const working = state.status === 'working'
  return (
    <div className="review-file-export">
      <button type="button" className="button" disabled={working} aria-busy={working} onClick={() => void run()}>
        {working && <span className="spinner" aria-hidden="true" />}
        {working ? 'Building review file…' : 'Offline review file…'}
      </button>
      <p
        className={`review-file-export__status${state.status === 'error' ? ' review-file-export__status--error' : ''}`}
        role="status"
      >
        {state.status === 'saved' && `Saved ${state.name}`}
        {state.status === 'error' && `Review file not made: ${state.message}`}
      </p>
    </div>
  )
}
