import { type FormEvent, useRef, useState } from 'react'
import { TECHNIQUES } from '../../../../shared/plan/plan-types'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { isDirty } from './clinical-settings-store'
import { NeedleConfigField } from './NeedleConfigField'
import { PricingEditor } from './PricingEditor'
import { ProtocolEditor } from './ProtocolEditor'
import { RestoreDefaultsConfirm } from './RestoreDefaultsConfirm'
import { SettingNumberField } from './SettingNumberField'
import { SettingsGroup } from './SettingsGroup'
import { SpacingEditor } from './SpacingEditor'
import {
  DOT_GROUP,
  FADING_GROUP,
  HAIRLINE_GROUP,
  NEEDLE_DIAMETER,
  SCAR_GROUP,
  WARNING_GROUP,
  ZONE_GROUP,
} from './setting-specs'
import { useClinical, useClinicalActions } from './settings-context'

/**
 * Every clinical number the plans and designs start from, saved as one record. Main validates
 * it; its messages appear beside the fields and a refused save changes nothing.
 */
export function ClinicalDefaultsForm() {
  const status = useClinical((s) => s.status)
  const loadError = useClinical((s) => s.loadError)
  const { load } = useClinicalActions()

  if (status === 'loading') return <Loading>Loading the clinical settings…</Loading>
  if (status === 'error')
    return (
      <Banner tone="error" title="The clinical settings could not be read">
        <p>{loadError}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </Banner>
    )
  return <ClinicalForm />
}

function ClinicalForm() {
  const formRef = useRef<HTMLFormElement>(null)
  const { save } = useClinicalActions()

  async function submit(event: FormEvent) {
    event.preventDefault()
    await save()
    // After React has drawn main's messages, take the user to the first field it refused.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  return (
    <form ref={formRef} className="settings-form" aria-label="Clinical defaults" noValidate onSubmit={submit}>
      <ClinicalActionBar />
      <SettingsGroup group={ZONE_GROUP} />
      <SettingsGroup group={HAIRLINE_GROUP} />
      <SettingsGroup group={SCAR_GROUP} />
      <SettingsGroup group={DOT_GROUP}>
        <NeedleConfigField />
        <SettingNumberField spec={NEEDLE_DIAMETER} />
      </SettingsGroup>
      <SettingsGroup group={FADING_GROUP} />
      <SettingsGroup group={WARNING_GROUP} />
      <PricingEditor />
      {TECHNIQUES.map((t) => (
        <ProtocolEditor key={t.value} technique={t.value} />
      ))}
      {TECHNIQUES.map((t) => (
        <SpacingEditor key={t.value} technique={t.value} />
      ))}
    </form>
  )
}

/** Save, revert and restore, and why a save was refused, kept in view while the long form scrolls. */
function ClinicalActionBar() {
  const dirty = useClinical(isDirty)
  const busy = useClinical((s) => s.busy)
  const atDefaults = useClinical((s) => s.saved?.revision === 0)
  const { revert, restoreDefaults } = useClinicalActions()
  const [confirming, setConfirming] = useState(false)
  const restoreRef = useRef<HTMLButtonElement>(null)

  const closeConfirm = () => {
    setConfirming(false)
    requestAnimationFrame(() => restoreRef.current?.focus())
  }

  return (
    <div className="settings-actions">
      <div className="settings-actions__bar">
        <p className="settings-actions__state" data-dirty={dirty || undefined}>
          {dirty ? 'Unsaved changes' : atDefaults ? 'Using the shipped defaults' : 'All changes saved'}
        </p>
        <button
          ref={restoreRef}
          type="button"
          className="button"
          disabled={busy !== null || (atDefaults && !dirty)}
          title={atDefaults && !dirty ? 'The shipped defaults are already in use' : undefined}
          onClick={() => setConfirming(true)}
        >
          Restore defaults…
        </button>
        <button type="button" className="button" disabled={!dirty || busy !== null} onClick={revert}>
          Revert
        </button>
        <button type="submit" className="button button--primary" disabled={!dirty || busy !== null}>
          {busy === 'saving' ? 'Saving…' : 'Save'}
        </button>
      </div>
      <SaveError />
      {confirming && (
        <RestoreDefaultsConfirm
          busy={busy === 'restoring'}
          onCancel={closeConfirm}
          onConfirm={() => void restoreDefaults().then(() => setConfirming(false))}
        />
      )}
    </div>
  )
}

/** Why the last save or restore was refused; a conflict offers the stored record instead. */
function SaveError() {
  const formError = useClinical((s) => s.formError)
  const conflict = useClinical((s) => s.conflict)
  const { revert, load } = useClinicalActions()
  if (!formError) return null
  return (
    <Banner tone="error" title="Not saved">
      <p>{formError}</p>
      {conflict && (
        <button
          type="button"
          className="button"
          onClick={() => {
            revert()
            void load()
          }}
        >
          Drop my edits and load the saved settings
        </button>
      )}
    </Banner>
  )
}
