import type { FormEvent } from 'react'
import { SettingsSaveBar } from './SettingsSaveBar'
import { useClinical, useClinicalActions } from './settings-context'

/**
 * Settings › Your data: whether import removes a photo's GPS position from the original it keeps.
 * Saved with its own bar like every Settings section, apart from the clinical defaults' draft.
 */
export function PhotoLocationSetting() {
  const stored = useClinical((s) => s.saved?.settings.removePhotoLocation)
  const choice = useClinical((s) => s.locationChoice)
  const busy = useClinical((s) => s.busy)
  const error = useClinical((s) => s.locationError)
  const { chooseLocationRemoval, revertLocationChoice, saveLocationChoice } = useClinicalActions()

  function submit(event: FormEvent) {
    event.preventDefault()
    void saveLocationChoice()
  }

  return (
    <form className="data-panel__section" aria-labelledby="data-location" noValidate onSubmit={submit}>
      <h2 className="settings-heading" id="data-location">
        Photo locations
      </h2>
      <p className="settings-note">
        Phones write where a photo was taken into the file. Stipple keeps each original photo, and originals travel in
        backups and patient archives, so by default it removes that position (the GPS block) as it imports a photo,
        keeping every other byte; the photo shows “Location removed at import”. Photos already imported are left as they
        are.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={choice ?? stored ?? true}
          disabled={stored === undefined || busy !== null}
          onChange={(event) => chooseLocationRemoval(event.currentTarget.checked)}
        />
        Remove the location from photos as they are imported
      </label>
      <SettingsSaveBar
        dirty={choice !== null}
        saving={busy === 'saving'}
        error={error}
        inline
        onRevert={revertLocationChoice}
      />
    </form>
  )
}
