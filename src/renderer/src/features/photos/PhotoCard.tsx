import type { Photo } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { suggestView } from '../../../../shared/photos/suggest-view'
import { useBridge } from '../../bridge/bridge-context'
import { DeleteInPlace, useAskInPlace } from '../../ui/DeleteInPlace'
import { formatDayTime } from '../../ui/format'
import { photoName } from './format-photo'
import { usePhotoActions, usePhotos } from './photos-context'
import { useViewHint } from './use-view-hint'
import { ViewSelect } from './ViewSelect'

/** One thumbnail in the library: open it, tag its view, pick it for before/after, delete it. */
export function PhotoCard({ photo, picked }: { photo: Photo; picked: boolean }) {
  const bridge = useBridge()
  const summary = usePhotos((s) => s.designs[photo.id])
  const design = summary && summary.objectCount > 0 ? summary : null
  const { openPhoto, toggleCompare, remove, updateFields } = usePhotoActions()
  const untagged = photo.view === 'other' && !photo.chart
  const named = untagged ? suggestView(photo) : null
  const hint = useViewHint(photo, untagged && named === null)
  const suggested = named ?? hint?.view ?? null
  const why = named ? 'The file name says' : `From the photo itself: ${hint?.reason ?? ''}, so`
  const deleting = useAskInPlace()
  const name = photo.chart
    ? `${photoName(photo)}, drawn by Stipple`
    : `${labelOfView(photo.view)} photo ${photo.originalName} of ${formatDayTime(photo.takenAt)}`

  return (
    <li className="photo-card" aria-label={name} data-photo-id={photo.id} data-picked={picked || undefined}>
      <button
        type="button"
        className="photo-card__open"
        onClick={() => void openPhoto(photo.id)}
        title="Open in the canvas"
      >
        <img
          className="photo-card__thumb"
          src={bridge.photoUrl(photo.sha256, 'thumbnail')}
          alt={`${name}${photo.caption ? `: ${photo.caption}` : ''}`}
          loading="lazy"
          decoding="async"
        />
      </button>
      <p className="photo-card__name" title={photo.originalName}>
        {photoName(photo)}
      </p>
      <div className="photo-card__meta">
        {photo.chart ? (
          <span className="badge" title="Drawn by Stipple at average adult proportions, with a known scale">
            chart
          </span>
        ) : (
          <span className="photo-card__date">{formatDayTime(photo.takenAt)}</span>
        )}
        {photo.calibration ? (
          <span className="badge" title="Calibrated: real units available">
            mm
          </span>
        ) : (
          <span className="badge badge--muted" title="Not calibrated: measurements in pixels">
            px
          </span>
        )}
        {design && (
          <span className="badge" title={`A design with ${design.objectCount} objects`}>
            design
          </span>
        )}
      </div>
      {photo.caption && !photo.chart && <p className="photo-card__caption">{photo.caption}</p>}
      {suggested && (
        <button
          type="button"
          className="button photo-card__suggest"
          title={`${why} ${labelOfView(suggested).toLowerCase()}`}
          onClick={() => void updateFields(photo, { view: suggested }).catch(() => {})}
        >
          Tag as {labelOfView(suggested)}
        </button>
      )}
      <div className="photo-card__controls">
        <ViewSelect className="select select--compact" aria-label={`View of ${photo.originalName}`} photo={photo} />
        <label className="checkbox photo-card__pick">
          <input type="checkbox" checked={picked} onChange={() => toggleCompare(photo.id)} />
          Compare
        </label>
        {deleting.asking ? (
          <DeleteInPlace
            className="photo-card__confirm"
            label={design ? 'Delete with its design' : 'Delete'}
            busy={false}
            onConfirm={() => void remove(photo).catch(() => {})}
            onCancel={deleting.keep}
          />
        ) : (
          <button
            ref={deleting.askRef}
            type="button"
            className="button button--ghost"
            aria-label={`Delete ${photo.originalName}`}
            onClick={deleting.ask}
          >
            Delete…
          </button>
        )}
      </div>
    </li>
  )
}
