import { useState } from 'react'
import type { Patient } from '../../../../shared/patients/patient'
import { errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { saveFile } from '../../ui/save-file'
import './archive.css'

type ExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'saved'; name: string }
  | { status: 'error'; message: string }

/**
 * "Export patient…": the whole record (photos, designs, plan, comments, history) as one
 * `.stipple` archive, saved where the person chooses (the save dialog on the desktop, a
 * download in the browser), to import on another machine.
 */
export function ExportPatientButton({ patient }: { patient: Pick<Patient, 'id'> }) {
  const bridge = useBridge()
  const [state, setState] = useState<ExportState>({ status: 'idle' })
  const run = async () => {
    setState({ status: 'working' })
    try {
      const [{ shell }, archive] = await Promise.all([
        bridge.call('app.info', {}),
        bridge.call('archives.export', { patientId: patient.id }),
      ])
      const saved = await saveFile(bridge, shell, { name: archive.name, kind: 'archive', bytes: archive.bytes })
      setState(saved ? { status: 'saved', name: saved } : { status: 'idle' })
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) })
    }
  }
  const working = state.status === 'working'
  return (
    <div className="archive-export">
      <button type="button" className="button" disabled={working} aria-busy={working} onClick={() => void run()}>
        {working && <span className="spinner" aria-hidden="true" />}
        {working ? 'Exporting patient…' : 'Export patient…'}
      </button>
      <p
        className={`archive-export__status${state.status === 'error' ? ' archive-export__status--error' : ''}`}
        role="status"
      >
        {state.status === 'saved' && `Saved ${state.name}`}
        {state.status === 'error' && `Not exported: ${state.message}`}
      </p>
    </div>
  )
}
