import { useEffect, useId, useState } from 'react'
import type { Photo } from '../../../../shared/photos/photo'
import { PHOTO_LIMITS } from '../../../../shared/photos/photo-fields'
import { formatDay } from '../../../../shared/plan/plan-dates'
import { chronological } from '../../../../shared/plan/session-density'
import { usePlan } from '../plan/plan-context'
import { usePhotoActions } from './photos-context'
import { ViewSelect } from './ViewSelect'

/** Which session of the plan the photo was taken at; sessions on the photo's own day come marked. */
function SessionSelect({ id, photo }: { id: string; photo: Photo }) {
  const { updateFields } = usePhotoActions()
  const sessions = usePlan((s) => s.draft.sessions)
  const ordered = chronological(sessions)
  const day = photo.takenAt.slice(0, 10)
  return (
    <select
      id={id}
      className="select"
      value={photo.sessionId ?? ''}
      onChange={(event) => void updateFields(photo, { sessionId: event.currentTarget.value || null }).catch(() => {})}
    >
      <option value="">No session</option>
      {ordered.map((session, i) => (
        <option key={session.id} value={session.id}>
          Session {i + 1} · {formatDay(session.startsAt)}
          {session.startsAt.slice(0, 10) === day ? ' (taken that day)' : ''}
        </option>
      ))}
    </select>
  )
}

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
        <label className="field__label" htmlFor={`${id}-session`}>
          Taken at session
        </label>
        <SessionSelect id={`${id}-session`} photo={photo} />
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
