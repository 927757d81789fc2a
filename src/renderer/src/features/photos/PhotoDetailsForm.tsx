import { useEffect, useId, useState } from 'react'
import type { Photo } from '../../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import { usePhotoActions } from './photos-context'
import { ViewSelect } from './ViewSelect'

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
        <ViewSelect id={`${id}-view`} className="select" photo={photo} />
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
