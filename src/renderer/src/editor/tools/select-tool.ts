import { clampDelta, moveObjects } from '../commands'
import { handleAt, objectAt, objectsInRect, rectFrom } from '../hit-test'
import { beginPointDrag, endPointDrag, movePointDrag } from './point-drag'
import type { PointerInput, Tool } from './tool'

/**
 * Select and move. A press on a selected object's handle drags that point (Alt-click deletes
 * it); on an object selects it (Shift adds or removes) and drags the selection; on empty photo
 * starts a marquee. Each drag is one undo step.
 */
export const selectTool: Tool = {
  onPointerDown(editor, input) {
    const { document, selection, pxPerMm } = editor.getState()
    const handle = handleAt(document, selection, input.point, input.tolerance)
    if (handle) {
      if (input.alt) {
        editor.deletePoint(handle.id, handle.index)
        return true
      }
      beginPointDrag(editor, handle.id, handle.index)
      return
    }
    const hit = objectAt(document, input.point, input.tolerance, pxPerMm)
    if (hit) {
      const selected = selection.includes(hit.id)
      if (input.shift) {
        editor.select(selected ? selection.filter((id) => id !== hit.id) : [...selection, hit.id])
        if (selected) return
      } else if (!selected) editor.select([hit.id])
      editor.setActivePoint(null)
      editor.setToolState({ name: 'dragging', start: input.point, before: document, moved: false })
      return
    }
    const base = input.shift ? selection : []
    editor.select(base)
    editor.setToolState({ name: 'marquee', from: input.point, to: input.point, base })
  },

  onPointerMove(editor, input) {
    const { toolState: state, selection } = editor.getState()
    if (state.name === 'dragging-point') movePointDrag(editor, input)
    else if (state.name === 'dragging') {
      const raw = { dx: input.point.x - state.start.x, dy: input.point.y - state.start.y }
      const { dx, dy } = clampDelta(state.before, selection, raw.dx, raw.dy, editor.image)
      editor.preview(moveObjects(state.before, selection, dx, dy, editor.image))
      if (!state.moved) editor.setToolState({ ...state, moved: true })
    } else if (state.name === 'marquee') {
      const inside = objectsInRect(editor.getState().document, rectFrom(state.from, input.point))
      editor.select([...new Set([...state.base, ...inside])])
      editor.setToolState({ ...state, to: input.point })
    }
  },

  onPointerUp(editor, input: PointerInput) {
    const state = editor.getState().toolState
    if (state.name === 'dragging-point') endPointDrag(editor)
    else if (state.name === 'dragging') {
      editor.setToolState({ name: 'idle' })
      editor.endGesture(editor.getState().selection.length > 1 ? 'Move objects' : 'Move object')
    } else if (state.name === 'marquee') {
      selectTool.onPointerMove?.(editor, input)
      editor.setToolState({ name: 'idle' })
      editor.endGesture('Select')
    }
  },
}
