import { useEffect, useRef, useState } from 'react'
import { labelOf } from '../../../../shared/patients/patient-fields'
import type { Photo } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { SESSION_STATUSES, type Session } from '../../../../shared/plan/plan-types'
import { chronological } from '../../../../shared/plan/session-density'
import { useBridge } from '../../bridge/bridge-context'
import { formatDayTime } from '../../ui/format'

/** One photo at full size in a modal, closed by its button or Escape. */
function PhotoDialog({ photo, onClose }: { photo: Photo; onClose(): void }) {
  const bridge = useBridge()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])
  const title = `${labelOfView(photo.view)} · ${formatDayTime(photo.takenAt)}`
  return (
    <dialog ref={ref} className="review-photo-dialog" aria-label={title} onClose={onClose}>
      <figure>
        <img src={bridge.photoUrl(photo.sha256, 'working')} alt={title} />
        <figcaption>
          {title}
          {photo.caption && ` · ${photo.caption}`}
        </figcaption>
      </figure>
      <button type="button" className="button" onClick={() => ref.current?.close()}>
        Close
      </button>
    </dialog>
  )
}

/**
 * Every session of the plan with the photos taken at it (as each photo's details link them),
 * so the clinician sees what the scalp looked like that day beside the simulated layers.
 */
export function SessionPhotos({ sessions, photos }: { sessions: readonly Session[]; photos: readonly Photo[] }) {
  const bridge = useBridge()
  const [enlarged, setEnlarged] = useState<Photo | null>(null)
  const ordered = chronological(sessions)
  if (ordered.length === 0) return <p className="readouts__hint">The plan has no sessions yet.</p>
  return (
    <>
      <ol className="stack-list">
        {ordered.map((session, i) => {
          const name = `Session ${i + 1}`
          const taken = photos.filter((photo) => photo.sessionId === session.id)
          return (
            <li key={session.id} aria-label={`${name} · ${formatDay(session.startsAt)}`}>
              <p className="review-session-photos__head">
                <strong>{name}</strong> · {formatDay(session.startsAt)} · {labelOf(SESSION_STATUSES, session.status)}
              </p>
              {taken.length === 0 ? (
                <p className="field__hint">No photo linked to this session.</p>
              ) : (
                <ul className="stack-list review-session-photos__thumbs">
                  {taken.map((photo) => (
                    <li key={photo.id}>
                      <button
                        type="button"
                        className="review-thumb"
                        title={`Open ${labelOfView(photo.view)}, ${formatDayTime(photo.takenAt)}`}
                        onClick={() => setEnlarged(photo)}
                      >
                        <img
                          src={bridge.photoUrl(photo.sha256, 'thumbnail')}
                          alt={`${name}: ${labelOfView(photo.view)} view`}
                        />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
      {enlarged && <PhotoDialog key={enlarged.id} photo={enlarged} onClose={() => setEnlarged(null)} />}
    </>
  )
}
