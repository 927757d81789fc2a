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
import { focusFirstProblem, SettingsSaveBar } from './SettingsSaveBar'
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
    focusFirstProblem(formRef.current)
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

/** The section's save bar, with "Restore defaults…" and its confirmation, kept in view while the long form scrolls. */
function ClinicalActionBar() {
  const dirty = useClinical(isDirty)
  const busy = useClinical((s) => s.busy)
  const formError = useClinical((s) => s.formError)
  const conflict = useClinical((s) => s.conflict)
  const atDefaults = useClinical((s) => s.saved?.revision === 0)
  const { revert, load, restoreDefaults } = useClinicalActions()
  const [confirming, setConfirming] = useState(false)
  const restoreRef = useRef<HTMLButtonElement>(null)
  const cannotRestore = busy !== null || (atDefaults && !dirty)

  const closeConfirm = () => {
    setConfirming(false)
    requestAnimationFrame(() => restoreRef.current?.focus())
  }

  return (
    <SettingsSaveBar
      dirty={dirty}
      saving={busy === 'saving'}
      error={formError}
      savedText={atDefaults ? 'Using the shipped defaults' : undefined}
      onRevert={revert}
      actions={
        <button
          ref={restoreRef}
          type="button"
          className="button"
          // Not `disabled`: the focus comes back here once the defaults are restored, when it cannot act.
          aria-disabled={cannotRestore || undefined}
          title={atDefaults && !dirty ? 'The shipped defaults are already in use' : undefined}
          onClick={() => {
            if (!cannotRestore) setConfirming(true)
          }}
        >
          Restore defaults…
        </button>
      }
      conflict={conflict}
      onReload={load}
    >
      {confirming && (
        <RestoreDefaultsConfirm
          busy={busy === 'restoring'}
          onCancel={closeConfirm}
          onConfirm={() => void restoreDefaults().then(closeConfirm)}
        />
      )}
    </SettingsSaveBar>
  )
}
