import type { Patient } from '../../../../shared/patients/patient'
import { SaveFileButton } from '../../ui/SaveFileButton'
import './offline.css'

/**
 * "Offline review file…": packs the patient's review into one HTML page and saves it where the
 * person chooses, with progress while it is built.
 */
export function ReviewFileButton({ patient }: { patient: Pick<Patient, 'id'> }) {
  return (
    <SaveFileButton
      className="review-file-export"
      label="Offline review file…"
      workingLabel="Building review file…"
      failure="Review file not made"
      make={async (bridge) => {
        const file = await bridge.call('review.exportFile', { patientId: patient.id })
        return { name: file.suggestedName, kind: 'html', bytes: file.bytes }
      }}
      saveOnDesktop={async (bridge) => (await bridge.call('review.saveFile', { patientId: patient.id })).savedAs}
    />
  )
}
