import { type ChangeEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import {
  CLINIC_DEFAULTS,
  CLINIC_LIMITS,
  type ClinicDetails,
  LOGO_TYPES,
  type SavedClinic,
} from '../../../../shared/clinic/clinic-details'
import { BridgeCallError, errorMessage } from '../../bridge/bridge-client'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { Field } from '../../ui/Field'
import { Loading } from '../../ui/Loading'
import { DefaultNote } from './SettingNumberField'
import { errorsUnder, sameData } from './settings-paths'
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
 * them. Saved as one record; main re-encodes a new logo and says why it refuses anything.
 */
export function ClinicDetailsForm() {
  const bridge = useBridge()
  const [saved, setSaved] = useState<SavedClinic | null>(null)
  const [draft, setDraft] = useState<ClinicDetails>(CLINIC_DEFAULTS)
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState('')
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const logoInput = useRef<HTMLInputElement>(null)

  const accept = useCallback((record: SavedClinic) => {
    setSaved(record)
    setDraft(record.details)
    setErrors({})
    setFormError('')
  }, [])

  const load = useCallback(() => {
    setLoadError('')
    bridge.call('clinic.get', {}).then(accept, (error) => setLoadError(errorMessage(error)))
  }, [bridge, accept])
  useEffect(load, [load])

  if (loadError)
    return (
      <Banner tone="error" title="The clinic details could not be read">
        <p>{loadError}</p>
        <button type="button" className="button" onClick={load}>
          Try again
        </button>
      </Banner>
    )
  if (!saved) return <Loading>Loading the clinic details…</Loading>

  const dirty = !sameData(draft, saved.details)
  const set = (field: keyof ClinicDetails, value: string | null) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setErrors(({ [field]: _, ...rest }) => rest)
    setNotice('')
  }

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    if (!(LOGO_TYPES as readonly string[]).includes(file.type))
      return setErrors((e) => ({ ...e, logo: 'Choose a PNG or JPEG image.' }))
    if (file.size > CLINIC_LIMITS.logoBytes)
      return setErrors((e) => ({
        ...e,
        logo: `The logo is too large (${CLINIC_LIMITS.logoBytes / 1024 / 1024} MB at most).`,
      }))
    try {
      set('logo', await readAsDataUrl(file))
    } catch (error) {
      setErrors((e) => ({ ...e, logo: errorMessage(error) }))
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!saved) return
    setBusy(true)
    try {
      accept(await bridge.call('clinic.save', { baseRevision: saved.revision, details: draft }))
      setNotice('Clinic details saved')
    } catch (error) {
      setErrors(error instanceof BridgeCallError ? errorsUnder('details', error.fieldErrors) : {})
      setFormError(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="settings-form" aria-label="Clinic details" noValidate onSubmit={submit}>
      <div className="settings-actions">
        <div className="settings-actions__bar">
          <p className="settings-actions__state" data-dirty={dirty || undefined} role="status">
            {dirty ? 'Unsaved changes' : notice || 'All changes saved'}
          </p>
          <button type="button" className="button" disabled={!dirty || busy} onClick={() => accept(saved)}>
            Revert
          </button>
          <button type="submit" className="button button--primary" disabled={!dirty || busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
        {formError && (
          <Banner tone="error" title="Not saved">
            <p>{formError}</p>
          </Banner>
        )}
      </div>
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
