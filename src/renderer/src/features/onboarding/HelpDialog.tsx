import './onboarding.css'
import { useEffect, useRef, useState } from 'react'
import { APP_COMMANDS } from '../../../../shared/actions/app-commands'
import { errorMessage } from '../../bridge/bridge-client'
import { EDIT_ACTIONS, TOOL_ACTIONS, VIEW_ACTIONS } from '../../editor/actions'
import { usePatientActions } from '../patients/patients-context'
import { usePhotoActions } from '../photos/photos-context'
import { guideStore, useGuide } from './guide-store'
import { useSample } from './use-sample'

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)
const keyLabel = (shortcut: string) => (isMac ? shortcut.replace('Ctrl+', '⌘') : shortcut)

/** The menu's own shortcuts (the desktop app's menu bar), from the one list the menu is built from. */
const MENU_SHORTCUTS = Object.values(APP_COMMANDS as Record<string, { label: string; accelerator?: string }>).flatMap(
  (command) =>
    command.accelerator
      ? [{ label: command.label.replace('…', ''), shortcut: command.accelerator.replace('CmdOrCtrl+', 'Ctrl+') }]
      : [],
)

const EDITING_SHORTCUTS = [
  ...EDIT_ACTIONS.filter((a) => a.label !== 'Nudge'),
  { label: 'Nudge the selection (Shift: 10×)', shortcut: 'Arrow keys' },
  { label: 'Pan while held', shortcut: 'Space' },
]

function ShortcutTable({ title, rows }: { title: string; rows: { label: string; shortcut: string }[] }) {
  return (
    <table className="help__table">
      <caption className="section-title">{title}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.label}:${row.shortcut}`}>
            <th scope="row">{row.label}</th>
            <td>
              <kbd>{keyLabel(row.shortcut)}</kbd>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Help: the tour, the sample patient (open, remove, bring back) and every keyboard shortcut. */
export function HelpDialog() {
  const open = useGuide((s) => s.helpOpen)
  const ref = useRef<HTMLDialogElement>(null)
  const { sampleId, openSample, removeSample } = useSample()
  const { close: closePatient } = usePatientActions()
  const { closePhoto } = usePhotoActions()
  const [problem, setProblem] = useState('')
  const close = () => guideStore.getState().setHelpOpen(false)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const run = (action: () => Promise<unknown>) => {
    setProblem('')
    action().then(close, (error: unknown) => setProblem(errorMessage(error)))
  }

  return (
    <dialog ref={ref} className="dialog help" aria-labelledby="help-title" onClose={close}>
      <div className="dialog__body">
        <h2 id="help-title" className="dialog__title">
          Help
        </h2>
        <section aria-labelledby="help-start">
          <h3 id="help-start" className="section-title">
            Getting started
          </h3>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                close()
                // The tour starts where a new user does: the first screen.
                closePhoto()
                closePatient()
                guideStore.getState().setTourStep(0)
              }}
            >
              Take the tour
            </button>
            <button type="button" className="button" onClick={() => run(openSample)}>
              {sampleId ? 'Open the sample patient' : 'Bring back the sample patient'}
            </button>
            {sampleId && (
              <button type="button" className="button button--ghost" onClick={() => run(removeSample)}>
                Remove the sample patient
              </button>
            )}
          </div>
          <p className="panel-hint">
            The sample patient is made up and designed on head charts drawn by Stipple; no photograph of anyone is used.
          </p>
          {problem && (
            <p className="field__error" role="alert">
              {problem}
            </p>
          )}
        </section>
        <section aria-label="Keyboard shortcuts" className="help__shortcuts">
          <ShortcutTable title="Design tools" rows={TOOL_ACTIONS} />
          <ShortcutTable title="Editing a design" rows={EDITING_SHORTCUTS} />
          <ShortcutTable title="Zoom" rows={VIEW_ACTIONS} />
          <ShortcutTable title="Desktop menu" rows={MENU_SHORTCUTS} />
        </section>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  )
}

/** Opens Help; the tour's last step points here. */
export function HelpButton() {
  return (
    <button
      type="button"
      className="button button--ghost"
      data-tour="help"
      onClick={() => guideStore.getState().setHelpOpen(true)}
    >
      Help
    </button>
  )
}
