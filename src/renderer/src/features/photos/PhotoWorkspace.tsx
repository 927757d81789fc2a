import { useCallback, useMemo, useState } from 'react'
import type { Point } from '../../../../shared/geometry/point'
import type { PhotoDetail } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { CanvasToolbar, toolHint } from '../canvas/CanvasToolbar'
import { createCanvasStore } from '../canvas/canvas-store'
import type { DrawingTool } from '../canvas/measure-tool'
import { PhotoCanvas } from '../canvas/PhotoCanvas'
import { useCanvas } from '../canvas/use-canvas'
import { useCanvasKeys } from '../canvas/use-canvas-keys'
import { CalibrationPanel } from './CalibrationPanel'
import { formatTakenAt } from './format-photo'
import { MeasurementList } from './MeasurementList'
import { PhotoDetailsForm } from './PhotoDetailsForm'
import { usePhotoActions, usePhotos } from './photos-context'
import './photos.css'
import { Loading } from '../../ui/Loading'

function Workspace({ photo }: { photo: PhotoDetail }) {
  const bridge = useBridge()
  const { closePhoto, addMeasurement } = usePhotoActions()
  const store = useMemo(
    () => createCanvasStore({ width: photo.width, height: photo.height }),
    [photo.width, photo.height],
  )
  const { tool, spaceHeld } = useCanvas(store, (s) => ({ tool: s.tool, spaceHeld: s.spaceHeld }))
  const [pending, setPending] = useState<Point[] | null>(null)

  const onDrawn = useCallback(
    (drawn: DrawingTool, points: Point[]) => {
      if (drawn === 'calibrate') setPending(points)
      else void addMeasurement(drawn, points).catch(() => {})
    },
    [addMeasurement],
  )
  useCanvasKeys(store, onDrawn)

  const title = `${labelOfView(photo.view)} · ${formatTakenAt(photo.takenAt)}`
  return (
    <section className="photo-workspace" aria-label={`Photo: ${title}`}>
      <header className="photo-workspace__header">
        <button type="button" className="button button--ghost" onClick={closePhoto}>
          ← Library
        </button>
        <h2 className="photo-workspace__title">{title}</h2>
        <CanvasToolbar store={store} />
      </header>
      <div className="photo-workspace__body">
        <PhotoCanvas
          store={store}
          imageUrl={bridge.photoUrl(photo.sha256, 'working')}
          calibration={photo.calibration}
          measurements={photo.measurements}
          pendingCalibration={pending}
          onDrawn={onDrawn}
          label={`Photo canvas, ${title}`}
        />
        <aside className="photo-panel" aria-label="Photo details">
          <h3 className="section-title">Details</h3>
          <PhotoDetailsForm photo={photo} />
          <dl className="photo-facts">
            <dt>Taken</dt>
            <dd>
              {formatTakenAt(photo.takenAt)}{' '}
              {photo.takenAtSource === 'file' && <span className="badge badge--muted">file date</span>}
            </dd>
            <dt>Size</dt>
            <dd>
              {photo.width} × {photo.height} px
            </dd>
            <dt>File</dt>
            <dd className="photo-facts__name">{photo.originalName}</dd>
          </dl>
          <h3 className="section-title">Calibration</h3>
          <CalibrationPanel
            photo={photo}
            pending={pending}
            onStart={() => store.getState().setTool('calibrate')}
            onFinish={() => {
              setPending(null)
              store.getState().setTool('hand')
            }}
          />
          <h3 className="section-title">Measurements</h3>
          <MeasurementList photo={photo} measurements={photo.measurements} />
        </aside>
      </div>
      <footer className="photo-workspace__status">{toolHint(spaceHeld ? 'hand' : tool)}</footer>
    </section>
  )
}

/** The open photo in the canvas, or its loading and error states. */
export function PhotoWorkspace() {
  const open = usePhotos((s) => s.open)
  const { openPhoto, closePhoto } = usePhotoActions()
  if (!open) return null
  if (open.detail.status === 'loading') {
    return <Loading>Opening photo…</Loading>
  }
  if (open.detail.status === 'error') {
    return (
      <div className="page-pad">
        <Banner tone="error" title="This photo could not be opened">
          <p>{open.detail.message}</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void openPhoto(open.id)}>
              Try again
            </button>
            <button type="button" className="button button--ghost" onClick={closePhoto}>
              Back to the library
            </button>
          </div>
        </Banner>
      </div>
    )
  }
  return <Workspace key={open.id} photo={open.detail.value} />
}
