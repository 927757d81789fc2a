import { useEffect, useId, useState } from 'react'
import type { Photo } from '../../../../shared/photos/photo'
import { PHOTO_LIMITS, PHOTO_VIEWS, type PhotoView } from '../../../../shared/photos/photo-fields'
import { usePhotoActions } from './photos-context'

/** View and caption of one photo; each change is saved as soon as it is made. */
export function PhotoDetailsForm({ photo }: { photo: Photo }) {
  const { updateFields } = usePhotoActions()
  const [caption, setCaption] = useState(photo.caption)
  const id = useId()
  useEffect(() => setCaption(photo.caption), [photo.caption])

  const saveCaption = () => {
    if (caption.trim() !== photo.caption) void updateFields(photo, { caption }).catch(() => setCaption(photo.caption))
  }

  return (
    <div className="panel-section">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-view`}>
          View
        </label>
        <select
          id={`${id}-view`}
          className="select"
          value={photo.view}
          onChange={(e) => void updateFields(photo, { view: e.target.value as PhotoView }).catch(() => {})}
        >
          {PHOTO_VIEWS.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-caption`}>
          Caption
        </label>
        <textarea
          id={`${id}-caption`}
          className="textarea"
          rows={2}
          maxLength={PHOTO_LIMITS.caption}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          onBlur={saveCaption}
          placeholder="e.g. Before session 1, flash on"
        />
      </div>
    </div>
  )
}
