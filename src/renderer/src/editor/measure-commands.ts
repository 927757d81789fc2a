import type { Point } from '../../../shared/geometry/point'
import type { Calibration, MeasurementKind } from '../../../shared/photos/photo'
import type { Editor } from './editor'
import type { EditorHistory } from './editor-history'
import { addMeasurement, deleteMeasurement, renameMeasurement, setCalibration } from './measures'
import { IDLE } from './tools/tool'

/**
 * The photo's measures as editor commands: each change is one undo step with the design's,
 * and main hears of it through the measures sync.
 */
export const measureCommands = {
  add(history: EditorHistory, kind: MeasurementKind, points: Point[]): void {
    history.changeMeasures(kind === 'distance' ? 'Measure distance' : 'Measure area', (m) =>
      addMeasurement(m, { id: crypto.randomUUID(), kind, label: '', points }),
    )
  },

  rename(history: EditorHistory, id: string, label: string): void {
    history.changeMeasures('Rename measurement', (m) => renameMeasurement(m, id, label))
  },

  delete(history: EditorHistory, id: string): void {
    history.changeMeasures('Delete measurement', (m) => deleteMeasurement(m, id))
  },

  calibrate(history: EditorHistory, calibration: Calibration | null): void {
    history.changeMeasures(calibration ? 'Calibrate' : 'Remove calibration', (m) => setCalibration(m, calibration))
  },

  /** The ruler line waiting for its length gets it: the photo is calibrated and the tool goes back to Select. */
  confirmRuler(editor: Editor, lengthMm: number): void {
    const state = editor.getState().toolState
    if (state.name !== 'awaiting-length') return
    const [a, b] = state.points
    editor.setToolState(IDLE)
    editor.setCalibration({ a, b, lengthMm })
    editor.setTool('select')
  },
}
