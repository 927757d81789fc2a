import type { HairlineObject } from '../../../../shared/design/design-types'
import { hairlineCurve, insertHairlinePoint } from '../../../../shared/design/hairline'
import { midlineOf } from '../../../../shared/design/landmarks'
import { closestOnPolyline, distanceToLine, projectOnLine, sideOfLine } from '../../../../shared/geometry/line'
import type { Point } from '../../../../shared/geometry/point'
import { SPLINE_SAMPLES_PER_SPAN } from '../../../../shared/geometry/spline'
import { newHairline } from '../../shapes/hairline/hairline-shape'
import { addObject, setPoints } from '../commands'
import type { Editor } from '../editor'
import { handleAt, isEditable } from '../hit-test'
import { addDrawingPoint, drawingPoints, takeBackPoint } from './drawing'
import { beginInsertedPointDrag, beginPointDrag, endPointDrag, movePointDrag } from './point-drag'
import type { Tool } from './tool'

/** A last point this many click tolerances from the midline is put on it, so the halves meet. */
const MIDLINE_SNAP = 3

const hairlinesOf = (editor: Editor) =>
  editor.getState().document.objects.filter((o): o is HairlineObject => o.kind === 'hairline' && isEditable(o))

/**
 * The hairline tool. Clicks on empty photo draw a new hairline point by point (Enter or a
 * double-click on the last point finishes it); a press on an existing hairline's point drags
 * it, Alt-click deletes it, and a press on the curve inserts a point there and drags it.
 * With mirror on and a midline placed, the artist draws one half and the other follows.
 */
export const hairlineTool: Tool = {
  onPointerDown(editor, input) {
    if (editor.getState().toolState.name === 'drawing') return
    const { document } = editor.getState()
    const hairlines = hairlinesOf(editor)
    const handle = handleAt(
      document,
      hairlines.map((h) => h.id),
      input.point,
      input.tolerance,
    )
    if (handle) {
      editor.select([handle.id])
      if (input.alt) {
        editor.deletePoint(handle.id, handle.index)
        return true
      }
      beginPointDrag(editor, handle.id, handle.index)
      return
    }
    const midline = midlineOf(document)
    for (const hairline of [...hairlines].reverse()) {
      const hit = closestOnPolyline(input.point, hairlineCurve(hairline, midline))
      if (!hit || hit.distance > input.tolerance) continue
      const span = Math.floor(hit.segment / SPLINE_SAMPLES_PER_SPAN)
      const inserted = insertHairlinePoint(hairline, midline, span, editor.clampToImage(input.point))
      editor.select([hairline.id])
      beginInsertedPointDrag(
        editor,
        setPoints(document, hairline.id, inserted.points),
        hairline.id,
        inserted.source,
        'Insert point',
      )
      return
    }
  },

  onPointerMove: (editor, input) => movePointDrag(editor, input),
  onPointerUp: (editor) => endPointDrag(editor),

  onClick(editor, input) {
    editor.select([])
    addDrawingPoint(editor, input, false)
  },
  onDoubleClick: (editor) => finish(editor),
  onEnter: (editor) => finish(editor),
  onBackspace: takeBackPoint,
}

function finish(editor: Editor): void {
  const drawn = drawingPoints(editor)
  if (drawn.length < 2) return
  const { document, options } = editor.getState()
  const midline = midlineOf(document)
  const first = drawn[0] as Point
  // Mirror only a half: points that all stay on the first point's side of the midline.
  const oneSide = midline !== null && drawn.every((p) => sideOfLine(p, midline) !== -sideOfLine(first, midline))
  const mirror = options.mirror && oneSide
  const points = [...drawn]
  const last = points.at(-1) as Point
  if (mirror && midline && distanceToLine(last, midline) <= editor.tolerance * MIDLINE_SNAP)
    points[points.length - 1] = projectOnLine(last, midline)
  const hairline = newHairline(document, points, mirror, editor.defaults)
  editor.setToolState({ name: 'idle' })
  editor.run('Draw hairline', (d) => addObject(d, hairline))
  editor.select([hairline.id])
}
