import { useState } from 'react'
import { Banner } from '../../ui/Banner'
import { useClinical, useClinicalActions } from './settings-context'

/**
 * Settings › Your data: whether import removes a photo's GPS position from the original it keeps.
 * Saved as soon as it is changed, like a privacy choice should be, apart from the clinical form.
 */
export function PhotoLocationSetting() {
  const removes = useClinical((s) => s.saved?.settings.removePhotoLocation)
  const busy = useClinical((s) => s.busy !== null)
  const formError = useClinical((s) => s.formError)
  const { chooseLocationRemoval } = useClinicalActions()
  const [failed, setFailed] = useState(false)

  return (
    <section className="data-panel__section" aria-labelledby="data-location">
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
          checked={removes ?? true}
          disabled={removes === undefined || busy}
          onChange={async (event) => setFailed(!(await chooseLocationRemoval(event.currentTarget.checked)))}
        />
        Remove the location from photos as they are imported
      </label>
      {failed && formError && (
        <Banner tone="error" title="The choice was not saved">
          <p>{formError}</p>
        </Banner>
      )}
    </section>
  )
}
