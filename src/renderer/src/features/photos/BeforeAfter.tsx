import type { Photo } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { useBridge } from '../../bridge/bridge-context'
import { formatDayTime } from '../../ui/format'
import { photoName } from './format-photo'

/**
 * Two photos of one view side by side, older on the left, as a consultation shows progress.
 * Without `onClose` it is part of a page (the review) rather than a panel opened over one.
 */
export function BeforeAfter({ photos, onClose }: { photos: [Photo, Photo]; onClose?(): void }) {
  const bridge = useBridge()
  const [before, after] = [...photos].sort((a, b) => a.takenAt.localeCompare(b.takenAt)) as [Photo, Photo]
  return (
    <section className="before-after" aria-label={`Before and after: ${labelOfView(before.view)}`}>
      <header className="before-after__header">
        <h2 className="section-title">Before / after · {labelOfView(before.view)}</h2>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            Close comparison
          </button>
        )}
      </header>
      <div className="before-after__pair">
        {[
          { photo: before, title: 'Before' },
          { photo: after, title: 'After' },
        ].map(({ photo, title }) => (
          <figure key={photo.id} className="before-after__side">
            <img
              src={bridge.photoUrl(photo.sha256, 'working')}
              alt={`${title}: ${photoName(photo)}, ${formatDayTime(photo.takenAt)}`}
            />
            <figcaption>
              <strong>{title}</strong> · {photoName(photo)} · {formatDayTime(photo.takenAt)}
              {photo.caption && ` · ${photo.caption}`}
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  )
}
