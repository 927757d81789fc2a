import { type ChangeEvent, type FormEvent, useRef } from 'react'
import {
  CLINIC_DEFAULTS,
  CLINIC_LIMITS,
  type ClinicDetails,
  LOGO_TYPES,
} from '../../../../shared/clinic/clinic-details'
import { errorMessage } from '../../bridge/bridge-client'
import { Banner } from '../../ui/Banner'
import { Field } from '../../ui/Field'
import { Loading } from '../../ui/Loading'
import { isClinicDirty } from './clinic-details-store'
import { DefaultNote } from './SettingNumberField'
import { focusFirstProblem, SettingsSaveBar } from './SettingsSaveBar'
import { useClinic, useClinicActions } from './settings-context'
import './clinic-details.css'

type TextField = Exclude<keyof ClinicDetails, 'logo'>

const LINES: { field: TextField; label: string; hint?: string; rows?: number; max: number }[] = [
  { field: 'name', label: 'Clinic name', max: CLINIC_LIMITS.name },
  {
    field: 'address',
    label: 'Address',
    hint: 'As it should print, one line per line.',
    rows: 3,
    max: CLINIC_LIMITS.address,
  },
  { field: 'phone', label: 'Phone', max: CLINIC_LIMITS.phone },
  { field: 'email', label: 'Email', max: CLINIC_LIMITS.email },
  { field: 'website', label: 'Website', max: CLINIC_LIMITS.website },
]

const TEXTS: { field: 'aftercare' | 'consent'; label: string; hint: string }[] = [
  {
    field: 'aftercare',
    label: 'Aftercare instructions',
    hint: 'One instruction per line. The default is the clinic pages’ advice on recovery and aftercare.',
  },
  {
    field: 'consent',
    label: 'Consent text',
    hint: 'Printed above the patient’s and practitioner’s signature lines.',
  },
]

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(new Error('The file could not be read.'))
    reader.readAsDataURL(file)
  })
}

/**
 * The clinic's name, address, logo, aftercare and consent texts, as every design sheet prints
 * them. Saved as one record with the section's bar; main re-encodes a new logo and says why it
 * refuses anything.
 */
export function ClinicDetailsForm() {
  const status = useClinic((s) => s.status)
  const loadError = useClinic((s) => s.loadError)
  const { load } = useClinicActions()

  if (status === 'loading') return <Loading>Loading the clinic details…</Loading>
  if (status === 'error')
    return (
      <Banner tone="error" title="The clinic details could not be read">
        <p>{loadError}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </Banner>
    )
  return <ClinicForm />
}

function ClinicForm() {
  const draft = useClinic((s) => s.draft)
  const errors = useClinic((s) => s.errors)
  const dirty = useClinic(isClinicDirty)
  const saving = useClinic((s) => s.saving)
  const formError = useClinic((s) => s.formError)
  const conflict = useClinic((s) => s.conflict)
  const { set, refuse, revert, save, load } = useClinicActions()
  const logoInput = useRef<HTMLInputElement>(null)
  const formRef = useRef<HTMLFormElement>(null)

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return refuse('logo', 'Choose a PNG or JPEG image.')
    if (file.size > CLINIC_LIMITS.logoBytes)
      return refuse('logo', `The logo is too large (${CLINIC_LIMITS.logoBytes / 1024 / 1024} MB at most).`)
    try {
      set('logo', await readAsDataUrl(file))
    } catch (error) {
      refuse('logo', errorMessage(error))
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    await save()
    focusFirstProblem(formRef.current)
  }

  return (
    <form ref={formRef} className="settings-form" aria-label="Clinic details" noValidate onSubmit={submit}>
      <SettingsSaveBar
        dirty={dirty}
        saving={saving}
        error={formError}
        onRevert={revert}
        conflict={conflict}
        onReload={load}
      />
      <fieldset className="form-section">
        <legend>Clinic</legend>
        <p className="settings-note">The header of every design sheet.</p>
        <div className="form-grid">
          {LINES.map(({ field, label, hint, rows, max }) => (
            <Field key={field} id={`clinic-${field}`} label={label} hint={hint} error={errors[field]}>
              {(control) =>
                rows ? (
                  <textarea
                    {...control}
                    className="textarea"
                    rows={rows}
                    maxLength={max}
                    value={draft[field]}
                    onChange={(e) => set(field, e.target.value)}
                  />
                ) : (
                  <input
                    {...control}
                    className="input"
                    maxLength={max}
                    value={draft[field]}
                    onChange={(e) => set(field, e.target.value)}
                  />
                )
              }
            </Field>
          ))}
        </div>
        <div className="clinic-logo">
          <p className="field__label">Logo</p>
          {draft.logo ? (
            <img className="clinic-logo__image" src={draft.logo} alt="The clinic’s logo" />
          ) : (
            <p className="field__hint">No logo: the sheet’s header shows the clinic’s name only.</p>
          )}
          <div className="clinic-logo__actions">
            <button type="button" className="button" onClick={() => logoInput.current?.click()}>
              {draft.logo ? 'Replace logo…' : 'Choose logo…'}
            </button>
            {draft.logo && (
              <button type="button" className="button button--ghost" onClick={() => set('logo', null)}>
                Remove logo
              </button>
            )}
          </div>
          <input
            ref={logoInput}
            type="file"
            accept={LOGO_TYPES.join(',')}
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Logo file"
            data-testid="clinic-logo-input"
            onChange={(e) => void chooseLogo(e)}
          />
          <p className="field__hint">
            PNG or JPEG, up to {CLINIC_LIMITS.logoBytes / 1024 / 1024} MB; stored at most {CLINIC_LIMITS.logoSide} px
            wide, without the file’s metadata.
          </p>
          {errors.logo && <p className="field__error">{errors.logo}</p>}
        </div>
      </fieldset>
      {TEXTS.map(({ field, label, hint }) => (
        <fieldset key={field} className="form-section">
          <legend>{label}</legend>
          <Field id={`clinic-${field}`} label={label} hint={hint} error={errors[field]}>
            {(control) => (
              <textarea
                {...control}
                className="textarea"
                rows={field === 'aftercare' ? 7 : 5}
                maxLength={CLINIC_LIMITS[field]}
                value={draft[field]}
                onChange={(e) => set(field, e.target.value)}
              />
            )}
          </Field>
          {draft[field] !== CLINIC_DEFAULTS[field] && (
            <DefaultNote
              id={`clinic-${field}-default`}
              text="Differs from the default text"
              useLabel={`Use the default ${label.toLowerCase()}`}
              onUse={() => set(field, CLINIC_DEFAULTS[field])}
            />
          )}
        </fieldset>
      ))}
    </form>
  )
}
