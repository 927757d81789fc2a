import type { ReactNode } from 'react'
import { Banner } from '../../ui/Banner'

/**
 * The one way a Settings section saves: its edits are a draft until Save, and this bar, pinned
 * above the section, says whether they are saved and offers Revert and Save. Save is the form's
 * submit button, so Enter in a field saves too. A refused save keeps the draft and says why.
 */
export function SettingsSaveBar(props: {
  dirty: boolean
  saving: boolean
  /** Why the last save was refused; empty when it was not. */
  error: string
  /** Shown in place of "All changes saved" while nothing is unsaved ("Using the shipped defaults"). */
  savedText?: string | undefined
  onRevert(): void
  /** Actions of the section's own (Restore defaults…), before Revert. */
  actions?: ReactNode
  /** The last save was refused because the record changed elsewhere: offers to drop the edits and read it again. */
  conflict?: boolean
  /** Reads the stored record again; the bar reverts the draft first. */
  onReload?(): Promise<unknown> | undefined
  /** In a section that shares its tab with others (Your data): in the flow, not pinned to the top. */
  inline?: boolean
  /** Shown under the bar (a confirmation that replaces the section's record). */
  children?: ReactNode
}) {
  const { dirty, saving, error } = props
  const state = saving ? 'saving' : dirty ? 'unsaved' : 'saved'
  const text = saving ? 'Saving…' : dirty ? 'Unsaved changes' : (props.savedText ?? 'All changes saved')
  return (
    <div className={props.inline ? 'settings-actions settings-actions--inline' : 'settings-actions'}>
      <div className="settings-actions__bar">
        <output
          className={`save-indicator save-indicator--${state} settings-actions__state`}
          data-dirty={dirty || undefined}
          aria-live="polite"
        >
          {text}
        </output>
        {props.actions}
        <button type="button" className="button" disabled={!dirty || saving} onClick={props.onRevert}>
          Revert
        </button>
        <button type="submit" className="button button--primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
      {error && (
        <Banner tone="error" title="Not saved">
          <p>{error}</p>
          {props.conflict && (
            <button
              type="button"
              className="button"
              onClick={() => {
                props.onRevert()
                void props.onReload?.()
              }}
            >
              Drop my edits and load the saved settings
            </button>
          )}
        </Banner>
      )}
      {props.children}
    </div>
  )
}

/** After a refused save has drawn its messages, takes the user to the first field it refused. */
export function focusFirstProblem(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
