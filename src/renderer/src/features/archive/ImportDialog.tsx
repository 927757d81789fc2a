import { type ReactNode, useEffect, useRef, useState } from 'react'
import type {
  ArchiveImportResult,
  ArchiveSummary,
  HeldArchiveSummary,
  OnExisting,
} from '../../../../shared/archive/archive-summary'
import { importedName } from '../../../../shared/archive/imported-name'
import type { ArchiveOnDisk } from '../../../../shared/bridge/desktop-events'
import { localToday } from '../../../../shared/dates'
import { type BridgeClient, errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { desktopPathOf } from '../../bridge/desktop-files'
import { onMainProgress } from '../../bridge/main-progress'
import { Banner } from '../../ui/Banner'
import { formatMoment } from '../../ui/format'
import { formatBirth } from '../patients/format'
import { usePatientActions } from '../patients/patients-context'
import { ArchiveProgress } from './ArchiveProgress'
import { countsWords, sizeWords } from './archive-words'
import { fileProblem, readArchiveFile } from './read-archive-file'

type Step =
  | { kind: 'reading'; read: number }
  /** `percent` once main says how far its check has got (its progress events). */
  | { kind: 'checking'; percent: number | null }
  | { kind: 'refused'; message: string }
  /** Main holds the archive shown under `summary.heldId` until it is imported or let go. */
  | { kind: 'ready'; summary: HeldArchiveSummary; failure: string | null }
  /** `percent` of the check that showed it, going on while its copies are made (main's progress events). */
  | { kind: 'importing'; summary: ArchiveSummary; percent: number | null }
  | { kind: 'done'; result: ArchiveImportResult }

/**
 * Has main prove the archive whole, say what it holds and keep it for its import, reading it in
 * main by its path on the desktop (with main's progress, reading then checking) or sending the
 * bytes the page read in the browser (then main's progress of its check).
 */
async function inspect(
  bridge: BridgeClient,
  file: File | ArchiveOnDisk,
  onRead: (read: number) => void,
  onChecking: (percent: number | null) => void,
): Promise<HeldArchiveSummary> {
  const path = file instanceof Blob ? desktopPathOf(file) : file.path
  if (path) {
    const stop = onMainProgress(({ task, percent }) => {
      if (task === 'checking') onChecking(percent)
      else if (task === 'reading') percent < 100 ? onRead(Math.round((file.size * percent) / 100)) : onChecking(null)
    })
    try {
      return await bridge.call('archives.inspectFile', { path })
    } finally {
      stop()
    }
  }
  if (!(file instanceof Blob)) throw new Error('The archive has no location on this machine.')
  const bytes = await readArchiveFile(file, onRead)
  onChecking(null)
  const stop = onMainProgress(({ task, percent }) => {
    if (task === 'checking') onChecking(percent)
  })
  try {
    return await bridge.call('archives.inspect', { bytes })
  } finally {
    stop()
  }
}

/**
 * Imports the patient archive a person chose, dropped or opened from the desktop: reads it with
 * progress, has main prove it whole and say what it holds, lets the person choose what happens
 * when the patient is here already, imports, and shows the result with the imported record
 * opened behind it.
 */
export function ImportDialog({ file, onClose }: { file: File | ArchiveOnDisk; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const bridge = useBridge()
  const { refreshList, open } = usePatientActions()
  const [step, setStep] = useState<Step>(() => {
    const problem = fileProblem(file)
    return problem ? { kind: 'refused', message: problem } : { kind: 'reading', read: 0 }
  })
  const [choice, setChoice] = useState<OnExisting | null>(null)
  /** The archive main holds for this dialog, let go when the dialog closes without importing it. */
  const held = useRef<string | null>(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  useEffect(() => {
    if (fileProblem(file)) return
    let current = true
    const run = async () => {
      try {
        const summary = await inspect(
          bridge,
          file,
          (read) => current && setStep({ kind: 'reading', read }),
          (percent) => current && setStep({ kind: 'checking', percent }),
        )
        if (!current) return void bridge.call('archives.release', { heldId: summary.heldId }).catch(() => {})
        held.current = summary.heldId
        setStep({ kind: 'ready', summary, failure: null })
      } catch (error) {
        if (current) setStep({ kind: 'refused', message: errorMessage(error) })
      }
    }
    void run()
    return () => {
      current = false
      const heldId = held.current
      held.current = null
      // Let go, or main keeps the file (a copy of it) until it lets it go by itself after a while.
      if (heldId) void bridge.call('archives.release', { heldId }).catch(() => {})
    }
  }, [bridge, file])

  const start = async (summary: HeldArchiveSummary) => {
    setStep({ kind: 'importing', summary, percent: null })
    const stop = onMainProgress(({ task, percent }) => {
      if (task === 'checking') setStep({ kind: 'importing', summary, percent })
    })
    try {
      const onExisting = choice ?? 'skip'
      const importing = bridge.call('archives.import', { heldId: summary.heldId, onExisting })
      // Stopped before the outcome shows: no late percent can take the dialog back a step.
      const result = await importing.finally(stop)
      // Imported (or skipped): main has let the archive go.
      held.current = null
      setStep({ kind: 'done', result })
      await refreshList()
      if (result.status !== 'skipped') void open(result.patient.id)
    } catch (error) {
      setStep({ kind: 'ready', summary, failure: errorMessage(error) })
    }
  }

  const busy = step.kind === 'importing'
  return (
    <dialog
      ref={ref}
      className="dialog archive-dialog"
      aria-labelledby="archive-dialog-title"
      onCancel={(event) => {
        // An import under way finishes whole or not at all; the dialog stays until it has.
        if (busy) event.preventDefault()
      }}
      onClose={onClose}
    >
      <div className="dialog__body" aria-busy={busy || step.kind === 'reading' || step.kind === 'checking'}>
        <h2 id="archive-dialog-title" className="dialog__title">
          Import patient
        </h2>
        <p className="archive-dialog__file">
          {file.name} · {sizeWords(file.size)}
        </p>
        <StepBody
          step={step}
          fileSize={file.size}
          choice={choice}
          onChoose={setChoice}
          onClose={() => ref.current?.close()}
          onImport={(summary) => void start(summary)}
          onOpen={(id) => {
            void open(id)
            ref.current?.close()
          }}
        />
      </div>
    </dialog>
  )
}

interface StepProps {
  step: Step
  fileSize: number
  choice: OnExisting | null
  onChoose(choice: OnExisting): void
  onClose(): void
  onImport(summary: HeldArchiveSummary): void
  onOpen(patientId: string): void
}

function StepBody({ step, fileSize, choice, onChoose, onClose, onImport, onOpen }: StepProps) {
  switch (step.kind) {
    case 'reading':
      return (
        <ArchiveProgress
          className="archive-dialog__progress"
          label={`Reading the file: ${sizeWords(step.read)} of ${sizeWords(fileSize)}`}
          percent={fileSize > 0 ? Math.floor((step.read / fileSize) * 100) : null}
        />
      )
    case 'checking':
      return (
        <ArchiveProgress
          className="archive-dialog__progress"
          label="Checking the archive: every checksum, record and photo…"
          percent={step.percent}
        />
      )
    case 'importing':
      return (
        <ArchiveProgress
          className="archive-dialog__progress"
          label={`Importing ${step.summary.patient.fullName}: photos first, then every record at once…`}
          percent={step.percent}
        />
      )
    case 'refused':
      return (
        <>
          <Banner tone="error" title="This archive cannot be imported">
            <p>{step.message}</p>
            <p>Nothing was imported.</p>
          </Banner>
          <Actions>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </Actions>
        </>
      )
    case 'ready': {
      const { summary, failure } = step
      const needsChoice = summary.existing !== null
      return (
        <>
          <ArchiveFacts summary={summary} />
          {summary.existing && (
            <ExistingChoice summary={summary} existing={summary.existing} choice={choice} onChoose={onChoose} />
          )}
          {failure && (
            <Banner tone="error" title="The import did not go through">
              <p>{failure}</p>
              <p>Nothing was imported.</p>
            </Banner>
          )}
          <Actions>
            {needsChoice && choice === null && <p className="field__hint">Choose what to do first.</p>}
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={needsChoice && choice === null}
              onClick={() => onImport(summary)}
            >
              {needsChoice && choice === 'skip' ? 'Skip this patient' : failure ? 'Try again' : 'Import'}
            </button>
          </Actions>
        </>
      )
    }
    case 'done':
      return <Outcome result={step.result} onClose={onClose} onOpen={onOpen} />
  }
}

function Actions({ children }: { children: ReactNode }) {
  return <div className="dialog__actions">{children}</div>
}

function ArchiveFacts({ summary }: { summary: ArchiveSummary }) {
  const rows: [string, string][] = [
    ['Patient', summary.patient.fullName + (summary.patient.archived ? ' (archived record)' : '')],
    ['Date of birth', formatBirth(summary.patient.dateOfBirth)],
    ['Holds', countsWords(summary.counts)],
    ['Exported', `${formatMoment(summary.createdAt)} by Stipple ${summary.appVersion}`],
  ]
  return (
    <dl className="archive-dialog__facts" aria-label="What the archive holds">
      {rows.map(([label, value]) => (
        <div key={label} className="archive-dialog__fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function ExistingChoice(props: {
  summary: ArchiveSummary
  existing: NonNullable<ArchiveSummary['existing']>
  choice: OnExisting | null
  onChoose(choice: OnExisting): void
}) {
  const copyName = importedName(props.summary.patient.fullName, localToday())
  const options: { value: OnExisting; label: string; hint: string }[] = [
    {
      value: 'copy',
      label: 'Import as a copy',
      hint: `A new record, “${copyName}”, with its own copy of everything in the archive.`,
    },
    { value: 'skip', label: 'Skip', hint: 'Import nothing; keep only the record already here.' },
  ]
  return (
    <Banner tone="caution" title={`${props.existing.fullName} is already on this machine`}>
      <p>This archive was imported here before, or made from this record. The record here is never changed.</p>
      <fieldset className="archive-dialog__choice">
        <legend className="visually-hidden">What to do with the patient already here</legend>
        {options.map((option) => (
          <label key={option.value} className="archive-dialog__option">
            <input
              type="radio"
              name="archive-on-existing"
              value={option.value}
              checked={props.choice === option.value}
              onChange={() => props.onChoose(option.value)}
            />
            <span>
              <strong>{option.label}</strong>
              <span className="archive-dialog__hint">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Banner>
  )
}

function Outcome(props: { result: ArchiveImportResult; onClose(): void; onOpen(id: string): void }) {
  const { result } = props
  if (result.status === 'skipped')
    return (
      <>
        <Banner tone="info" title="Nothing was imported">
          <p>{result.patient.fullName} stays on this machine as it was.</p>
        </Banner>
        <Actions>
          <button type="button" className="button" onClick={props.onClose}>
            Close
          </button>
          <button type="button" className="button button--primary" onClick={() => props.onOpen(result.patient.id)}>
            Open {result.patient.fullName}
          </button>
        </Actions>
      </>
    )
  return (
    <>
      <div className="archive-dialog__done" role="status">
        <p className="archive-dialog__done-title">
          {result.status === 'copied' ? 'Imported as a copy: ' : 'Imported '}
          {result.patient.fullName}
        </p>
        <p>{countsWords(result.counts)}.</p>
        {result.pigmentsAdded.length > 0 && <p>Added to the pigment catalogue: {result.pigmentsAdded.join(', ')}.</p>}
        {result.pigmentsAddedAsCopies.length > 0 && (
          <p>
            This catalogue holds pigments of the same name with other values; they are unchanged, and the archive’s were
            added beside them as {result.pigmentsAddedAsCopies.map((n) => `“${n}”`).join(', ')}.
          </p>
        )}
      </div>
      <Actions>
        <button type="button" className="button button--primary" onClick={props.onClose}>
          Done
        </button>
      </Actions>
    </>
  )
}
