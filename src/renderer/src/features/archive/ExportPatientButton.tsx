import { useState } from 'react'
import type { Patient } from '../../../../shared/patients/patient'
import { onMainProgress } from '../../bridge/main-progress'
import { SaveFileButton } from '../../ui/SaveFileButton'
import { ArchiveProgress } from './ArchiveProgress'
import './archive.css'

/**
 * "Export patient…": the whole record (photos, designs, plan, comments, history) as one
 * `.stipple` archive, saved where the person chooses, to import on another machine. Main makes
 * it and says how far it has got (IPC events on the desktop, the harness's event stream in the
 * browser), shown as a bar under the button.
 */
export function ExportPatientButton({ patient }: { patient: Pick<Patient, 'id'> }) {
  const [percent, setPercent] = useState<number | null>(null)
  const withProgress = async <T,>(making: () => Promise<T>): Promise<T> => {
    setPercent(null)
    const stop = onMainProgress((progress) => {
      if (progress.task === 'exporting') setPercent(progress.percent)
    })
    try {
      return await making()
    } finally {
      stop()
    }
  }
  return (
    <SaveFileButton
      className="archive-export"
      label="Export patient…"
      workingLabel="Exporting patient…"
      failure="Not exported"
      make={(bridge) =>
        withProgress(async () => {
          const archive = await bridge.call('archives.export', { patientId: patient.id })
          return { name: archive.suggestedName, kind: 'archive' as const, bytes: archive.bytes }
        })
      }
      saveOnDesktop={(bridge) =>
        withProgress(async () => (await bridge.call('archives.saveFile', { patientId: patient.id })).savedAs)
      }
      progress={<ArchiveProgress className="archive-export__progress" label="Making the archive" percent={percent} />}
    />
  )
}
