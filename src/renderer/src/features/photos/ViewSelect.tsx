import type { Photo } from '../../../../shared/photos/photo'
import { PHOTO_VIEWS, type PhotoView } from '../../../../shared/photos/photo-fields'
import { usePhotoActions } from './photos-context'

/** The photo's view, saved the moment another is picked; the store reports a failure. */
export function ViewSelect(props: { photo: Photo; className: string; id?: string; 'aria-label'?: string }) {
  const { updateFields } = usePhotoActions()
  const { photo, ...attributes } = props
  return (
    <select
      {...attributes}
      value={photo.view}
      onChange={(e) => void updateFields(photo, { view: e.target.value as PhotoView }).catch(() => {})}
    >
      {PHOTO_VIEWS.map((v) => (
        <option key={v.value} value={v.value}>
          {v.label}
        </option>
      ))}
    </select>
  )
}
