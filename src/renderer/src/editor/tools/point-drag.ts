import type { DesignDocument, DesignObject } from '../../../../shared/design/design-types'
import { hairlineControls, type PointSource, storedPosition } from '../../../../shared/design/hairline'
import { midlineOf } from '../../../../shared/design/landmarks'
import { shapeOf } from '../../shapes/registry'
import { setPoints } from '../commands'
import type { Editor } from '../editor'
import type { PointerInput } from './tool'

/** Dragging one control point, shared by the select and hairline tools: one undo step per drag. */
export function beginPointDrag(editor: Editor, id: string, drawnIndex: number, label = 'Move point'): void {
  const { document } = editor.getState()
  const object = document.objects.find((o) => o.id === id)
  if (!object || object.locked) return
  const source: PointSource =
    object.kind === 'hairline'
      ? (hairlineControls(object, midlineOf(document)).sources[drawnIndex] ?? { index: drawnIndex, mirrored: false })
      : { index: drawnIndex, mirrored: false }
  editor.setActivePoint({ id, index: drawnIndex })
  editor.setToolState({ name: 'dragging-point', id, source, before: document, base: document, moved: false, label })
}

/** Starts a drag on a point just inserted into `base`; undo goes back to before the insert. */
export function beginInsertedPointDrag(
  editor: Editor,
  base: DesignDocument,
  id: string,
  source: PointSource,
  label: string,
): void {
  const before = editor.getState().document
  editor.preview(base)
  editor.setToolState({ name: 'dragging-point', id, source, before, base, moved: false, label })
}

export function movePointDrag(editor: Editor, input: PointerInput): void {
  const state = editor.getState().toolState
  if (state.name !== 'dragging-point') return
  const object = state.base.objects.find((o) => o.id === state.id)
  if (!object) return
  const to = editor.clampToImage(input.point)
  const at = storedPosition(state.source, to, midlineOf(state.base))
  const points = object.points.map((p, i) => (i === state.source.index ? at : p))
  editor.preview(setPoints(state.base, state.id, points))
  if (!state.moved) editor.setToolState({ ...state, moved: true })
}

/** Ends the drag as one undo step, or takes it back when it would leave an outline crossing itself. */
export function endPointDrag(editor: Editor): void {
  const state = editor.getState().toolState
  if (state.name !== 'dragging-point') return
  editor.setToolState({ name: 'idle' })
  const object = editor.getState().document.objects.find((o) => o.id === state.id)
  const problem = object && dropProblem(object)
  if (problem) {
    editor.bailGesture()
    editor.setNotice(problem)
    return
  }
  editor.endGesture(state.label)
}

/** Why a dragged point cannot stay where it was dropped, or null when it can. */
function dropProblem(object: DesignObject): string | null {
  return shapeOf(object).pointsProblem(object)
}
