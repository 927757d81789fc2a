import type { MeasurementKind } from '../../../../shared/photos/photo'
import type { Editor } from '../editor'
import { addDrawingPoint, drawingPoints, takeBackPoint } from './drawing'
import type { Tool } from './tool'

function finish(editor: Editor, kind: MeasurementKind): void {
  const points = drawingPoints(editor)
  editor.setToolState({ name: 'idle' })
  editor.addMeasurement(kind, points)
}

/** The measuring tape: two clicks measure the distance between them. */
export const distanceTool: Tool = {
  onClick(editor, input) {
    if (addDrawingPoint(editor, input, false) === 'added' && drawingPoints(editor).length === 2)
      finish(editor, 'distance')
  },
  onBackspace: takeBackPoint,
}

const closeArea = (editor: Editor) => {
  if (drawingPoints(editor).length >= 3) finish(editor, 'area')
}

/** An area: click the corners; a click on the first, a double-click or Enter closes it. */
export const areaTool: Tool = {
  onClick(editor, input) {
    if (addDrawingPoint(editor, input, true) === 'close') closeArea(editor)
  },
  onDoubleClick: closeArea,
  onEnter: closeArea,
  onBackspace: takeBackPoint,
}
