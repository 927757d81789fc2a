import { useState } from 'react'
import type { Photo } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { formatDayTime } from '../../ui/format'
import { OptionSelect } from '../../ui/OptionSelect'
import { BeforeAfter } from '../photos/BeforeAfter'
import { photoName } from '../photos/format-photo'

/**
 * Before and after: two real photos of the reviewed view (the same angle on other days), the
 * first and the latest to begin with, either one changeable.
 */
export function PhotoPair({ photo, photos }: { photo: Photo; photos: readonly Photo[] }) {
  const sameView = [...photos].filter((p) => p.view === photo.view).sort((a, b) => a.takenAt.localeCompare(b.takenAt))
  const [beforeId, setBeforeId] = useState(sameView[0]?.id ?? photo.id)
  const [afterId, setAfterId] = useState(sameView.at(-1)?.id ?? photo.id)
  const before = sameView.find((p) => p.id === beforeId)
  const after = sameView.find((p) => p.id === afterId)
  if (sameView.length < 2 || !before || !after)
    return (
      <div className="empty-state">
        <p className="empty-state__title">One {labelOfView(photo.view).toLowerCase()} photo so far</p>
        <p>Import another photo of this view, taken on another day, to compare before and after.</p>
      </div>
    )
  const options = sameView.map((p) => ({
    value: p.id,
    label: `${formatDayTime(p.takenAt)} · ${p.caption || photoName(p)}`,
  }))
  return (
    <div className="review-photo-pair">
      <div className="canvas-toolbar review-toolbar">
        <span className="review-moment">
          <label className="review-moment__side" htmlFor="review-before-photo">
            Before
          </label>
          <OptionSelect id="review-before-photo" options={options} value={before.id} onChange={setBeforeId} />
        </span>
        <span className="review-moment">
          <label className="review-moment__side" htmlFor="review-after-photo">
            After
          </label>
          <OptionSelect id="review-after-photo" options={options} value={after.id} onChange={setAfterId} />
        </span>
      </div>
      {before.id === after.id ? (
        <p className="field__hint">Choose two different photos.</p>
      ) : (
        <BeforeAfter photos={[before, after]} />
      )}
    </div>
  )
}
