import type { Photo } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { useBridge } from '../../bridge/bridge-context'

/**
 * The photos taken at a session (linked from each photo's details), so the plan shows what the
 * scalp looked like that day next to what was done.
 */
export function SessionPhotos({
  photos,
  sessionId,
  title,
}: {
  photos: readonly Photo[]
  sessionId: string
  title: string
}) {
  const bridge = useBridge()
  const taken = photos.filter((photo) => photo.sessionId === sessionId)
  return (
    <section className="plan-session__photos" aria-label={`Photos taken at ${title}`}>
      <h4 className="plan-session__photos-title">Photos that day</h4>
      {taken.length === 0 ? (
        <p className="field__hint">None yet: link a photo to this session from its details in the photo workspace.</p>
      ) : (
        <ul>
          {taken.map((photo) => (
            <li key={photo.id}>
              <img src={bridge.photoUrl(photo.sha256, 'thumbnail')} alt={`${labelOfView(photo.view)} view`} />
              <span>{labelOfView(photo.view)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
