import type { DesignDocument, DesignObject } from '../../../../shared/design/design-types'
import type { Point } from '../../../../shared/geometry/point'
import { isSimplePolygon } from '../../../../shared/geometry/polygon'
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
    const points = drawingPoints(editor)
    const needed = spec.closed ? 3 : 2
    if (points.length < needed) {
      editor.setNotice(spec.closed ? 'An outline needs at least three corners.' : 'A line needs at least two points.')
      return
    }
    if (spec.closed && !isSimplePolygon(points)) {
      editor.setNotice('The outline crosses itself. Take back a corner (Backspace) or click elsewhere.')
      return
    }
    const object = spec.create(editor.getState().document, points)
    editor.setToolState({ name: 'idle' })
    editor.run(spec.label, (d) => addObject(d, object))
    editor.select([object.id])
  },

  backspace: takeBackPoint,
}
