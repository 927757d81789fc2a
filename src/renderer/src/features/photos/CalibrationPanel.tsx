import type { Editor } from '../../editor/editor'
import { useEditor } from '../designer/use-editor'

/**
 * The photo's scale, how it was set, and the buttons that set it again or remove it. The
 * length of a new ruler line is asked beside the line on the canvas.
 */
export function CalibrationPanel({ editor }: { editor: Editor }) {
  const { calibration, scale, waiting } = useEditor(editor, (s) => ({
    calibration: s.measures.calibration,
    scale: s.pxPerMm,
    waiting: s.toolState.name === 'awaiting-length',
  }))
  return (
    <div className="panel-section">
      {scale && calibration ? (
        <p data-testid="calibration-status">
          Calibrated: <strong>{scale.toFixed(2)} px/mm</strong> from a {calibration.lengthMm} mm ruler line.
        </p>
      ) : (
        <p className="calibration-missing" data-testid="calibration-status">
          Not calibrated: lengths and areas are in pixels until you draw a ruler line.
        </p>
      )}
      {waiting && <p className="panel-hint">Type the ruler line’s real length beside it on the photo.</p>}
      <div className="button-row">
        <button type="button" className="button" onClick={() => editor.setTool('calibrate')}>
          {calibration ? 'Recalibrate' : 'Calibrate'} <kbd>C</kbd>
        </button>
        {calibration && (
          <button type="button" className="button button--ghost" onClick={() => editor.setCalibration(null)}>
            Remove
          </button>
        )}
      </div>
    </div>
  )
}
