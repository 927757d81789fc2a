import { useState } from 'react'
import type { Patient } from '../../../../shared/patients/patient'
import { onDesktopProgress } from '../../bridge/desktop-files'
import { SaveFileButton } from '../../ui/SaveFileButton'
import { ArchiveProgress } from './ArchiveProgress'
import './archive.css'

/**
 * "Export patient…": the whole record (photos, designs, plan, comments, history) as one
 * `.stipple` archive, saved where the person chooses, to import on another machine. On the
 * desktop main makes it and says how far it has got, shown as a bar under the button.
 */
export function ExportPatientButton({ patient }: { patient: Pick<Patient, 'id'> }) {
  const [percent, setPercent] = useState<number | null>(null)
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
      saveOnDesktop={async (bridge) => {
        setPercent(null)
        const stop = onDesktopProgress((progress) => {
          if (progress.task === 'exporting') setPercent(progress.percent)
        })
        try {
          return (await bridge.call('archives.saveFile', { patientId: patient.id })).savedAs
        } finally {
          stop()
        }
      }}
      progress={<ArchiveProgress className="archive-export__progress" label="Making the archive" percent={percent} />}
    />
  )
}
