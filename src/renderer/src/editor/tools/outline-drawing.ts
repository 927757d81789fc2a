import type { DesignDocument, DesignObject } from '../../../../shared/design/design-types'
import type { Point } from '../../../../shared/geometry/point'
import { shapeOf } from '../../shapes/registry'
import { addObject } from '../commands'
import type { Editor } from '../editor'
import { addDrawingPoint, drawingPoints, takeBackPoint } from './drawing'
import type { PointerInput } from './tool'

/** How a drawn outline or line becomes an object. */
export interface OutlineSpec {
  /** A closed outline (zone, scar area) or an open line (FUT strip). */
  closed: boolean
  label: string
  create(document: DesignDocument, points: Point[]): DesignObject
}

/**
 * Why the drawn object cannot be finished yet, in the words of a drawing under way; its kind's
 * rules decide (how many points, whether it may cross itself), so the tool holds none of its own.
 */
function outlineProblem(object: DesignObject): string | null {
  const shape = shapeOf(object)
  const closed = shape.isClosed(object)
  if (object.points.length < shape.minimumPoints(object))
    return closed ? 'An outline needs at least three corners.' : 'A line needs at least two points.'
  if (closed && shape.pointsProblem(object))
    return 'The outline crosses itself. Take back a corner (Backspace) or click elsewhere.'
  return null
}

/**
 * Drawing an outline corner by corner, as the zone and scar tools do: click to add, click the
 * first corner, double-click the last or press Enter to finish, Backspace takes one back.
 * An outline that would cross itself is refused with a notice and stays open to fix.
 */
export const outlineDrawing = {
  click(editor: Editor, input: PointerInput, spec: OutlineSpec): void {
    editor.select([])
    if (addDrawingPoint(editor, input, spec.closed) === 'close') this.finish(editor, spec)
  },

  finish(editor: Editor, spec: OutlineSpec): void {
    const object = spec.create(editor.getState().document, drawingPoints(editor))
    const problem = outlineProblem(object)
    if (problem) {
      editor.setNotice(problem)
      return
    }
    editor.setToolState({ name: 'idle' })
    editor.run(spec.label, (d) => addObject(d, object))
    editor.select([object.id])
  },

  backspace: takeBackPoint,
}
