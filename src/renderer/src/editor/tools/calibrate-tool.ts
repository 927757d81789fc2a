import type { Point } from '../../../../shared/geometry/point'
import type { Editor } from '../editor'
import { addDrawingPoint, drawingPoints, takeBackPoint } from './drawing'
import type { PointerInput, Tool } from './tool'

/** The line's second end: the ruler line then waits for its real length. */
function place(editor: Editor, input: PointerInput): void {
  if (editor.getState().toolState.name === 'awaiting-length') editor.setToolState({ name: 'idle' })
  if (addDrawingPoint(editor, input, false) !== 'added') return
  const [a, b] = drawingPoints(editor)
  if (a && b) editor.setToolState({ name: 'awaiting-length', points: [a, b] as [Point, Point] })
}

/**
 * The ruler line: click both ends, or press on one end and drag to the other, of a ruler or
 * sticker of known size; the editor then asks for its real length beside the line.
 */
export const calibrateTool: Tool = {
  onClick: place,
  onDragStart(editor, from) {
    if (editor.getState().toolState.name !== 'drawing') place(editor, from)
  },
  onDragEnd: place,
  onBackspace: takeBackPoint,
}
