import { useEffect, useRef } from 'react'

/**
 * Asks before "Restore defaults" replaces every clinical setting. Inline rather than a native
 * dialog, so it looks the same in the desktop app and the web harness; Escape keeps the settings.
 */
export function RestoreDefaultsConfirm(props: { busy: boolean; onConfirm(): void; onCancel(): void }) {
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => confirmRef.current?.focus(), [])
  return (
    <div
      className="banner banner--caution settings-confirm"
      role="alertdialog"
      aria-labelledby="restore-defaults-title"
      aria-describedby="restore-defaults-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel()
      }}
    >
      <p className="banner__title" id="restore-defaults-title">
        Restore the clinical defaults?
      </p>
      <p id="restore-defaults-text">
        Every clinical setting goes back to the value Stipple ships with, and unsaved edits are dropped. Existing plans
        keep their sessions; new proposals and warnings use the defaults.
      </p>
      <div className="settings-confirm__actions">
        <button
          ref={confirmRef}
          type="button"
          className="button button--danger"
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.busy ? 'Restoring…' : 'Restore defaults'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Keep my settings
        </button>
      </div>
    </div>
  )
}
