import { distance, type Point } from '../../../../shared/geometry/point'
import type { Editor } from '../editor'
import type { PointerInput } from './tool'

/** The points being drawn, or none when the tool is not drawing. */
export function drawingPoints(editor: Editor): Point[] {
  const state = editor.getState().toolState
  return state.name === 'drawing' ? state.points : []
}

/**
 * Adds a clicked point to the drawing. For an outline, a click on its first corner (once there
 * are three) closes it; a click on the last point again (the second half of a double-click) is
 * not a new point.
 */
export function addDrawingPoint(editor: Editor, input: PointerInput, closable: boolean): 'added' | 'close' | 'ignored' {
  const points = drawingPoints(editor)
  const last = points.at(-1)
  if (last && distance(last, input.point) <= input.tolerance) return 'ignored'
  const first = points[0]
  if (closable && first && points.length >= 3 && distance(first, input.point) <= input.tolerance) return 'close'
  editor.setToolState({ name: 'drawing', points: [...points, editor.clampToImage(input.point)] })
  return 'added'
}

/** Backspace while drawing: takes back the last point; the drawing ends with its first. */
export function takeBackPoint(editor: Editor): boolean {
  const points = drawingPoints(editor)
  if (points.length === 0) return false
  editor.setToolState(points.length > 1 ? { name: 'drawing', points: points.slice(0, -1) } : { name: 'idle' })
  return true
}
