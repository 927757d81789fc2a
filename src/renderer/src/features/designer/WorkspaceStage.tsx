import type { PhotoDetail } from '../../../../shared/photos/photo'
import { useBridge } from '../../bridge/bridge-context'
import type { Editor } from '../../editor/editor'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { PhotoCanvas } from '../canvas/PhotoCanvas'
import { CanvasWarnings } from '../simulation/SimulationPanel'
import type { PhotoSimulation } from '../simulation/use-simulation'
import { CalibrationPrompt } from './CalibrationPrompt'
import { DesignLayers } from './DesignLayers'
import { useEditor } from './use-editor'
import type { OpenDesign } from './use-open-design'

function Notice({ editor }: { editor: Editor }) {
  const notice = useEditor(editor, (s) => s.notice)
  return notice ? (
    <p className="design-notice" role="status">
      {notice}
    </p>
  ) : null
}

/** The photo under its design, with what floats over it: the calibration prompt, notices and the plan's warnings. */
function EditorStage(props: {
  editor: Editor
  photo: PhotoDetail
  title: string
  layers: PhotoSimulation | null
  tintZones: boolean
}) {
  const { editor, layers } = props
  const bridge = useBridge()
  const { calibration, measurements } = useEditor(editor, (s) => s.measures)
  return (
    <>
      <PhotoCanvas
        viewport={editor.viewport}
        imageUrl={bridge.photoUrl(props.photo.sha256, 'working')}
        calibration={calibration}
        measurements={measurements}
        label={`Photo canvas, ${props.title}`}
        editor={editor}
        pigment={layers?.renderer ?? null}
        overlay={<CalibrationPrompt editor={editor} />}
      >
        <DesignLayers editor={editor} tint={!layers?.scene.input || props.tintZones} />
      </PhotoCanvas>
      <Notice editor={editor} />
      {layers && <CanvasWarnings layers={layers} />}
    </>
  )
}

/** The workspace's stage: the design opening, failing to open, or open over the photo. */
export function WorkspaceStage(props: {
  design: OpenDesign
  photo: PhotoDetail
  title: string
  layers: PhotoSimulation | null
  tintZones: boolean
  onRetry(): void
}) {
  const { design } = props
  return (
    <div className="photo-workspace__stage">
      {design.status === 'loading' && <Loading>Opening the design…</Loading>}
      {design.status === 'error' && (
        <div className="page-pad">
          <Banner tone="error" title="The design could not be opened">
            <p>{design.message}</p>
            <button type="button" className="button" onClick={props.onRetry}>
              Try again
            </button>
          </Banner>
        </div>
      )}
      {design.status === 'ready' && (
        <EditorStage
          editor={design.editor}
          photo={props.photo}
          title={props.title}
          layers={props.layers}
          tintZones={props.tintZones}
        />
      )}
    </div>
  )
}
