import type { AppAction, Registration } from '../../actions/action'
import { ACTIONS, type EditorAction, TOOL_ACTIONS } from '../../editor/actions'
import type { Editor } from '../../editor/editor'

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
    ...(tool && { checked: () => editor.getState().tool === tool }),
    scope: 'design',
  }
}

/** Space held pans, whatever the tool, until it is let go. */
function spacePan(editor: Editor): AppAction {
  return {
    id: 'view.panWhileHeld',
    label: 'Pan while held',
    shortcut: 'Space',
    keyTest: (p) => p.key === ' ',
    perform: () => editor.setSpaceHeld(true),
    release: () => editor.setSpaceHeld(false),
    scope: 'design',
  }
}

/**
 * What the design workspace registers while it is open: Space to pan and its editor's actions
 * (tools, undo and redo, delete, selection, nudge, zoom, and Enter, Escape and Backspace for
 * whatever any tool is drawing), tried in that order for a key; and the canvas's context menu.
 */
export function designActions(
  editor: Editor,
  canvasOf: (target: EventTarget | null) => HTMLElement | null,
): Registration {
  return {
    actions: [spacePan(editor), ...ACTIONS.map((a) => bound(editor, a))],
    contextMenu: { label: 'Design', areaOf: canvasOf, items: CANVAS_MENU_ITEMS },
  }
}
