import { useState } from 'react'
import type { PhotoDetail } from '../../../../shared/photos/photo'
import type { Editor } from '../../editor/editor'
import { formatDayTime } from '../../ui/format'
import { TakeOverPanel } from '../charts/TakeOverPanel'
import { CalibrationPanel } from '../photos/CalibrationPanel'
import { MeasurementList } from '../photos/MeasurementList'
import { PhotoDetailsForm } from '../photos/PhotoDetailsForm'
import { SimulationPanel } from '../simulation/SimulationPanel'
import type { PhotoSimulation } from '../simulation/use-simulation'
import { Inspector } from './Inspector'
import { ObjectsPanel } from './ObjectsPanel'
import { ReadoutsPanel } from './ReadoutsPanel'
import { useEditor } from './use-editor'

function PhotoFacts({ photo }: { photo: PhotoDetail }) {
  return (
    <details className="panel-section">
      <summary className="section-title">Photo details</summary>
      <PhotoDetailsForm photo={photo} />
      <dl className="photo-facts">
        <dt>Taken</dt>
        <dd>
          {formatDayTime(photo.takenAt)}{' '}
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
  )
}

/** The sections about the design and the photo's own figures, all read from the editor. */
function EditorSections(props: {
  editor: Editor
  layers: PhotoSimulation | null
  tintZones: boolean
  onTintZones(tint: boolean): void
}) {
  const { editor, layers } = props
  const { pxPerMm, measured, waiting } = useEditor(editor, (s) => ({
    pxPerMm: s.pxPerMm,
    measured: s.measures.measurements.length > 0,
    waiting: s.toolState.name === 'awaiting-length',
  }))
  // Open while the photo needs calibrating and whenever a ruler line waits for its length (C
  // pressed with the section closed); it then stays as the user leaves it.
  const [calibrationOpen, setCalibrationOpen] = useState(() => editor.getState().measures.calibration === null)
  if (waiting && !calibrationOpen) setCalibrationOpen(true)
  return (
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
          <SimulationPanel
            simulation={layers}
            pxPerMm={pxPerMm}
            tintZones={props.tintZones}
            onTintZones={props.onTintZones}
          />
        </details>
      )}
      <details
        className="panel-section"
        open={calibrationOpen}
        onToggle={(event) => setCalibrationOpen(event.currentTarget.open)}
      >
        <summary className="section-title">Calibration</summary>
        <CalibrationPanel editor={editor} />
      </details>
      <details className="panel-section" open={measured}>
        <summary className="section-title">Measurements</summary>
        <MeasurementList editor={editor} />
      </details>
    </>
  )
}

/** The side panel: taking over a chart's design, the design's sections, and the photo's details. */
export function WorkspacePanel(props: {
  photo: PhotoDetail
  editor: Editor | null
  open: boolean
  layers: PhotoSimulation | null
  tintZones: boolean
  onTintZones(tint: boolean): void
  beforeTakeOver(): Promise<void>
  onTaken(): void
}) {
  const { photo, editor } = props
  return (
    <aside id="photo-panel" className="photo-panel" aria-label="Design and photo details" hidden={!props.open}>
      {photo.chart === null && (
        <TakeOverPanel photo={photo} beforeTakeOver={props.beforeTakeOver} onTaken={props.onTaken} />
      )}
      {editor && (
        <EditorSections
          editor={editor}
          layers={props.layers}
          tintZones={props.tintZones}
          onTintZones={props.onTintZones}
        />
      )}
      <PhotoFacts photo={photo} />
    </aside>
  )
}
