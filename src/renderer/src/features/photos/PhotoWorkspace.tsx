import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Point } from '../../../../shared/geometry/point'
import { pxPerMm } from '../../../../shared/photos/calibration'
import type { PhotoDetail } from '../../../../shared/photos/photo'
import { labelOfView } from '../../../../shared/photos/photo-fields'
import { useBridge } from '../../bridge/bridge-context'
import type { DesignToolId } from '../../editor/tools/tool'
import { Banner } from '../../ui/Banner'
import { Icon } from '../../ui/icons'
import { Loading } from '../../ui/Loading'
import { useArrivalFocus } from '../../ui/use-arrival-focus'
import { useNarrowWindow } from '../../ui/use-narrow-window'
import { createCanvasStore } from '../canvas/canvas-store'
import type { DrawingTool } from '../canvas/measure-tool'
import { PhotoCanvas } from '../canvas/PhotoCanvas'
import { useCanvas } from '../canvas/use-canvas'
import { TakeOverPanel } from '../charts/TakeOverPanel'
import { DesignLayers } from '../designer/DesignLayers'
import { DesignToolbar } from '../designer/DesignToolbar'
import { Inspector } from '../designer/Inspector'
import { ObjectsPanel } from '../designer/ObjectsPanel'
import { ReadoutsPanel } from '../designer/ReadoutsPanel'
import { SaveIndicator } from '../designer/SaveIndicator'
import { ToolOptions } from '../designer/ToolOptions'
import { TOOL_HINTS } from '../designer/tool-hints'
import { useDesignActions } from '../designer/use-design-actions'
import { useDesignSession } from '../designer/use-design-session'
import { useEditor } from '../designer/use-editor'
import { CanvasWarnings, SessionLayersPanel } from '../layers/SessionLayersPanel'
import { useSessionLayers } from '../layers/use-session-layers'
import { usePhotoPlace } from '../onboarding/use-where-you-were'
import { usePlanActions } from '../plan/plan-context'
import { CalibrationPanel } from './CalibrationPanel'
import { formatTakenAt, photoName } from './format-photo'
import { MeasurementList } from './MeasurementList'
import { PhotoDetailsForm } from './PhotoDetailsForm'
import { usePhotoActions, usePhotos } from './photos-context'
import './photos.css'
import '../designer/designer.css'
import type { Editor } from '../../editor/editor'

const FIRST_TOOL: DesignToolId = 'select'

function Notice({ editor }: { editor: Editor }) {
  const notice = useEditor(editor, (s) => s.notice)
  return notice ? (
    <p className="design-notice" role="status">
      {notice}
    </p>
  ) : null
}

function Workspace({ photo }: { photo: PhotoDetail }) {
  const bridge = useBridge()
  const { closePhoto, addMeasurement, setUndoRecorder } = usePhotoActions()
  const store = useMemo(
    () => createCanvasStore({ width: photo.width, height: photo.height }, FIRST_TOOL),
    [photo.width, photo.height],
  )
  usePhotoPlace(photo.id, store)
  const { tool, spaceHeld } = useCanvas(store, (s) => ({ tool: s.tool, spaceHeld: s.spaceHeld }))
  const [pending, setPending] = useState<Point[] | null>(null)
  const [attempt, setAttempt] = useState(0)
  // Open while the photo needs calibrating, and whenever a ruler line waits for its length (C
  // pressed with the section closed); it then stays as the user leaves it.
  const [calibrationOpen, setCalibrationOpen] = useState(!photo.calibration)
  if (pending && !calibrationOpen) setCalibrationOpen(true)
  const session = useDesignSession(photo, store, attempt)
  const editor = session.status === 'ready' ? session.editor : null
  const layers = useSessionLayers(editor, photo)
  // Over simulated pigment the zones' tint would change the colour the artist is judging.
  const [tintZones, setTintZones] = useState(false)
  const { refreshWorld } = usePlanActions()
  // Zones drawn or saved since the plan loaded are what its sessions may now treat; on closing,
  // once the last edit is stored, the plan learns of the zones drawn here.
  useEffect(() => {
    void refreshWorld()
  }, [refreshWorld])
  useEffect(() => {
    if (session.status !== 'ready') return
    const { autosave } = session
    return () => void autosave.flush().then(refreshWorld)
  }, [session, refreshWorld])

  const onDrawn = useCallback(
    (drawn: DrawingTool, points: Point[]) => {
      if (drawn === 'calibrate') setPending(points)
      else void addMeasurement(drawn, points).catch(() => {})
    },
    [addMeasurement],
  )
  useDesignActions(editor, onDrawn)

  useEffect(() => {
    if (!editor) return
    setUndoRecorder((label, change) => editor.recordExternal(label, change))
    return () => setUndoRecorder(null)
  }, [editor, setUndoRecorder])

  useEffect(() => {
    if (!editor) return
    return window.stipple?.onAppCommand((command) => {
      const active = document.activeElement
      const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      if (typing) return
      if (command === 'edit.undo') editor.undo()
      if (command === 'edit.redo') editor.redo()
    })
  }, [editor])

  const title = photo.chart
    ? photoName(photo)
    : `${labelOfView(photo.view)} · ${photoName(photo)} · ${formatTakenAt(photo.takenAt)}`
  const headingRef = useRef<HTMLHeadingElement>(null)
  useArrivalFocus(headingRef)
  // On a narrow window the canvas needs the room; the panel is a button away.
  const narrow = useNarrowWindow()
  const [panelOpen, setPanelOpen] = useState(!narrow)
  const [wasNarrow, setWasNarrow] = useState(narrow)
  if (narrow !== wasNarrow) {
    setWasNarrow(narrow)
    setPanelOpen(!narrow)
  }
  return (
    <section className="photo-workspace" aria-label={`Photo: ${title}`}>
      <header className="photo-workspace__header">
        <button type="button" className="button button--ghost" onClick={closePhoto}>
          ← Library
        </button>
        <h1 className="photo-workspace__title" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {session.status === 'ready' && (
          <SaveIndicator autosave={session.autosave} onReload={() => setAttempt((n) => n + 1)} />
        )}
        <button
          type="button"
          className="button button--ghost"
          aria-expanded={panelOpen}
          aria-controls="photo-panel"
          title={panelOpen ? 'Hide the side panel: more room for the photo' : 'Show the side panel'}
          onClick={() => setPanelOpen((open) => !open)}
        >
          <Icon name="panel" /> Panel
        </button>
      </header>
      {editor && (
        <div className="photo-workspace__tools">
          <DesignToolbar editor={editor} />
          <ToolOptions editor={editor} />
        </div>
      )}
      <div className="photo-workspace__body" data-panel={panelOpen ? 'open' : 'closed'}>
        <div className="photo-workspace__stage">
          {session.status === 'loading' && <Loading>Opening the design…</Loading>}
          {session.status === 'error' && (
            <div className="page-pad">
              <Banner tone="error" title="The design could not be opened">
                <p>{session.message}</p>
                <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
                  Try again
                </button>
              </Banner>
            </div>
          )}
          {editor && (
            <PhotoCanvas
              store={store}
              imageUrl={bridge.photoUrl(photo.sha256, 'working')}
              calibration={photo.calibration}
              measurements={photo.measurements}
              pendingCalibration={pending}
              onDrawn={onDrawn}
              label={`Photo canvas, ${title}`}
              editor={editor}
              pigment={layers?.renderer ?? null}
            >
              <DesignLayers editor={editor} tint={!layers?.scene.input || tintZones} />
            </PhotoCanvas>
          )}
          {editor && <Notice editor={editor} />}
          {layers && <CanvasWarnings layers={layers} />}
        </div>
        <aside id="photo-panel" className="photo-panel" aria-label="Design and photo details" hidden={!panelOpen}>
          {photo.chart === null && (
            <TakeOverPanel
              photo={photo}
              beforeTakeOver={() => (session.status === 'ready' ? session.autosave.flush() : Promise.resolve())}
              onTaken={() => setAttempt((n) => n + 1)}
            />
          )}
          {editor && (
            <>
              <details className="panel-section" open>
                <summary className="section-title">Objects</summary>
                <ObjectsPanel editor={editor} />
              </details>
              <details className="panel-section" open>
                <summary className="section-title">Properties</summary>
                <Inspector editor={editor} />
              </details>
              <details className="panel-section" open>
                <summary className="section-title">Figures</summary>
                <ReadoutsPanel editor={editor} />
              </details>
              {layers && (
                <details className="panel-section" open>
                  <summary className="section-title">Sessions</summary>
                  <SessionLayersPanel
                    layers={layers}
                    pxPerMm={pxPerMm(photo.calibration)}
                    tintZones={tintZones}
                    onTintZones={setTintZones}
                  />
                </details>
              )}
            </>
          )}
          <details
            className="panel-section"
            open={calibrationOpen}
            onToggle={(event) => setCalibrationOpen(event.currentTarget.open)}
          >
            <summary className="section-title">Calibration</summary>
            <CalibrationPanel
              photo={photo}
              pending={pending}
              onStart={() => store.getState().setTool('calibrate')}
              onFinish={() => {
                setPending(null)
                store.getState().setTool(FIRST_TOOL)
              }}
            />
          </details>
          <details className="panel-section" open={photo.measurements.length > 0}>
            <summary className="section-title">Measurements</summary>
            <MeasurementList photo={photo} measurements={photo.measurements} />
          </details>
          <details className="panel-section">
            <summary className="section-title">Photo details</summary>
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
              {photo.locationRemovedAt && (
                <>
                  <dt>Location</dt>
                  <dd>Location removed at import</dd>
                </>
              )}
            </dl>
          </details>
        </aside>
      </div>
      <footer className="photo-workspace__status">{TOOL_HINTS[spaceHeld ? 'hand' : tool]}</footer>
    </section>
  )
}

/** The open photo in the design workspace, or its loading and error states. */
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
