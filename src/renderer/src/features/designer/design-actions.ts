import type { Point } from '../../../../shared/geometry/point'
import type { AppAction, Registration } from '../../actions/action'
import { ACTIONS, type EditorAction, TOOL_ACTIONS } from '../../editor/actions'
import type { Editor } from '../../editor/editor'
import { type DrawingTool, isDrawingTool } from '../canvas/measure-tool'
import { activeTool, viewportStore } from './editor-canvas'

/** What the canvas's context menu offers, in order, where each can run. */
export const CANVAS_MENU_ITEMS: readonly string[] = [
  'edit.undo',
  'edit.redo',
  'edit.delete',
  'edit.selectAll',
  'edit.selectNext',
  ...TOOL_ACTIONS.map((action) => action.id),
]

const toolOf = (actionId: string) => (actionId.startsWith('tool.') ? actionId.slice('tool.'.length) : null)

/** An editor action bound to one editor; a tool says whether it is the active one. */
function bound(editor: Editor, action: EditorAction): AppAction {
  const tool = toolOf(action.id)
  const { enabled } = action
  return {
    id: action.id,
    label: action.label,
    shortcut: action.shortcut,
    keyTest: action.keyTest,
    perform: (press) => action.perform(editor, press),
    ...(enabled && { enabled: () => enabled(editor) }),
    ...(tool && { checked: () => activeTool(editor) === tool }),
    scope: 'design',
  }
}

/** Space held pans, whatever the tool, until it is let go. */
function spacePan(editor: Editor): AppAction {
  const viewport = viewportStore(editor)
  return {
    id: 'view.panWhileHeld',
    label: 'Pan while held',
    shortcut: 'Space',
    keyTest: (p) => p.key === ' ',
    perform: () => viewport.getState().setSpaceHeld(true),
    release: () => viewport.getState().setSpaceHeld(false),
    scope: 'design',
  }
}

/** A ruler or measurement being drawn takes Enter, Escape and Backspace before the editor does. */
function measureDraftKeys(editor: Editor, onMeasured: (tool: DrawingTool, points: Point[]) => void): AppAction[] {
  const viewport = viewportStore(editor)
  const drafting = () => {
    const { tool, draft } = viewport.getState()
    return isDrawingTool(tool) && draft !== null
  }
  const draftKey = (id: string, label: string, key: string, type: 'close' | 'cancel' | 'undo-point'): AppAction => ({
    id,
    label,
    shortcut: key,
    keyTest: (p) => !p.mod && p.key === key,
    perform() {
      const done = viewport.getState().toolEvent({ type })
      if (done) onMeasured(done.tool, done.points)
    },
    enabled: drafting,
    scope: 'design',
  })
  return [
    draftKey('measure.finish', 'Finish the line', 'Enter', 'close'),
    draftKey('measure.cancel', 'Cancel the line', 'Escape', 'cancel'),
    draftKey('measure.removePoint', 'Remove the last point', 'Backspace', 'undo-point'),
  ]
}

/**
 * What the design workspace registers while it is open: its editor's actions (tools, undo and
 * redo, delete, selection, nudge, zoom), the measure keys and Space to pan, tried in that order
 * for a key; and the canvas's context menu.
 */
export function designActions(
  editor: Editor,
  onMeasured: (tool: DrawingTool, points: Point[]) => void,
  canvasOf: (target: EventTarget | null) => HTMLElement | null,
): Registration {
  return {
    actions: [spacePan(editor), ...measureDraftKeys(editor, onMeasured), ...ACTIONS.map((a) => bound(editor, a))],
    contextMenu: { label: 'Design', areaOf: canvasOf, items: CANVAS_MENU_ITEMS },
  }
}
