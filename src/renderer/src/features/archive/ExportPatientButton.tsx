import type { Patient } from '../../../../shared/patients/patient'
import { SaveFileButton } from '../../ui/SaveFileButton'
import './archive.css'

/**
 * "Export patient…": the whole record (photos, designs, plan, comments, history) as one
 * `.stipple` archive, saved where the person chooses, to import on another machine.
 */
export function ExportPatientButton({ patient }: { patient: Pick<Patient, 'id'> }) {
  return (
    <SaveFileButton
      className="archive-export"
      label="Export patient…"
      workingLabel="Exporting patient…"
      failure="Not exported"
      make={async (bridge) => {
        const archive = await bridge.call('archives.export', { patientId: patient.id })
        return { name: archive.suggestedName, kind: 'archive', bytes: archive.bytes }
      }}
      saveOnDesktop={async (bridge) => (await bridge.call('archives.saveFile', { patientId: patient.id })).savedAs}
    />
  )
}
