import { useEffect, useRef, useState } from 'react'
import type { PatientId } from '../../../../shared/patients/patient'
import type { Photo } from '../../../../shared/photos/photo'
import { PHOTO_ACCEPT } from '../../../../shared/photos/photo-fields'
import { Banner } from '../../ui/Banner'
import './photos.css'
import { Loading } from '../../ui/Loading'
import { AddHeadChart } from '../charts/AddHeadChart'
import { BeforeAfter } from './BeforeAfter'
import { type Grouping, groupPhotos } from './group-photos'
import { ImportProgress } from './ImportProgress'
import { PhotoCard } from './PhotoCard'
import { usePhotoActions, usePhotos } from './photos-context'

/** Why the two picked photos cannot be compared, or null when they can. */
function compareProblem(picked: Photo[]): string | null {
  if (picked.length < 2) return 'Tick Compare on two photos of the same view.'
  if (picked[0]?.view !== picked[1]?.view) return 'Before/after needs two photos of the same view.'
  return null
}

/** A patient's photos: import, thumbnails grouped by view or date, and before/after. */
export function PhotoLibrary({ patientId, archived }: { patientId: PatientId; archived: boolean }) {
  const photos = usePhotos((s) => s.photos)
  const grouping = usePhotos((s) => s.grouping)
  const compare = usePhotos((s) => s.compare)
  const { load, setGrouping, importFiles, clearCompare } = usePhotoActions()
  const input = useRef<HTMLInputElement>(null)
  const [comparing, setComparing] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Back from the canvas ("← Library"), focus returns to the photo that was open.
  const returnTo = usePhotos((s) => s.lastOpened)
  useEffect(() => {
    if (document.activeElement !== document.body) return
    const card = returnTo
      ? document.querySelector<HTMLElement>(`[data-photo-id="${returnTo}"] .photo-card__open`)
      : null
    ;(card ?? headingRef.current)?.focus()
  }, [returnTo])

  const list = photos.status === 'ready' ? photos.value : []
  const picked = compare.map((id) => list.find((p) => p.id === id)).filter((p): p is Photo => p !== undefined)
  const problem = compareProblem(picked)

  return (
    <section className="photo-library" aria-labelledby="photo-library-title">
      <h1 id="photo-library-title" className="visually-hidden" ref={headingRef} tabIndex={-1}>
        Photos
      </h1>
      <div className="photo-library__toolbar" data-tour="photos-toolbar">
        <button
          type="button"
          className="button button--primary"
          disabled={archived}
          title={archived ? 'Restore the record to add photos' : 'Or drop files here, or paste an image'}
          onClick={() => input.current?.click()}
        >
          Import photos…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={PHOTO_ACCEPT}
          hidden
          data-testid="photo-file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            e.target.value = ''
            void importFiles(files)
          }}
        />
        <AddHeadChart patientId={patientId} disabled={archived} />
        <fieldset className="segmented">
          <legend className="visually-hidden">Group photos by</legend>
          {(['view', 'date'] as Grouping[]).map((g) => (
            <label key={g} className="segmented__option">
              <input type="radio" name="photo-grouping" checked={grouping === g} onChange={() => setGrouping(g)} />
              By {g}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="button"
          disabled={problem !== null}
          title={problem ?? 'Show the two photos side by side'}
          onClick={() => setComparing(true)}
        >
          Before / after{picked.length > 0 && ` (${picked.length}/2)`}
        </button>
      </div>
      <p className="panel-hint">Drop photos anywhere on this page or paste an image to import it.</p>

      <ImportProgress />

      {photos.status === 'loading' && <Loading>Loading photos…</Loading>}
      {photos.status === 'error' && (
        <Banner tone="error" title="The photos could not be loaded">
          <p>{photos.message}</p>
          <button type="button" className="button" onClick={() => void load(patientId)}>
            Try again
          </button>
        </Banner>
      )}
      {photos.status === 'ready' && list.length === 0 && (
        <div className="empty-state photo-library__empty">
          <p className="empty-state__title">No photos yet</p>
          <p>Import the front, top, crown, sides and back, plus a close-up of any scar. JPEG, PNG, WebP and HEIC.</p>
          <p>
            No photo yet (a phone or e-mail consultation)? Add a head chart and design on it; a photo can take the
            design over later.
          </p>
        </div>
      )}

      {comparing && picked.length === 2 && problem === null ? (
        <BeforeAfter
          photos={[picked[0] as Photo, picked[1] as Photo]}
          onClose={() => {
            setComparing(false)
            clearCompare()
          }}
        />
      ) : (
        groupPhotos(list, grouping).map((group) => (
          <section key={group.key} className="photo-group" aria-label={group.title}>
            <h2 className="photo-group__title">
              {group.title} <span className="photo-group__count">{group.photos.length}</span>
            </h2>
            <ul className="photo-grid">
              {group.photos.map((photo) => (
                <PhotoCard key={photo.id} photo={photo} picked={compare.includes(photo.id)} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  )
}
