import type { ViewportStore } from '../canvas/viewport-store'
import type { Editor } from './editor'
import type { ToolId } from './tools/tool-ids'

/** What a key press looks like to the registry, so it can be tested without a DOM. */
export interface KeyPress {
  key: string
  shift: boolean
  /** Ctrl, or Cmd on a Mac. */
  mod: boolean
}

export interface EditorAction {
  id: string
  label: string
  /** As shown in tooltips and menus. */
  shortcut: string
  matches(press: KeyPress): boolean
  perform(editor: Editor, press?: KeyPress): void
  enabled?(editor: Editor): boolean
}

const plain =
  (...keys: string[]) =>
  (p: KeyPress) =>
    !p.mod && keys.includes(p.key.toLowerCase())

function toolAction(tool: ToolId, label: string, key: string): EditorAction {
  return {
    id: `tool.${tool}`,
    label,
    shortcut: key.toUpperCase(),
    matches: plain(key),
    perform: (editor) => editor.setTool(tool),
  }
}

export const TOOL_ACTIONS: EditorAction[] = [
  toolAction('select', 'Select', 'v'),
  toolAction('hand', 'Hand', 'h'),
  toolAction('hairline', 'Hairline', 'l'),
  toolAction('zone', 'Zone', 'z'),
  toolAction('scar', 'Scar', 's'),
  toolAction('landmark', 'Landmark', 'k'),
  toolAction('pin', 'Pin', 'p'),
  toolAction('distance', 'Measure', 'm'),
  toolAction('area', 'Area', 'a'),
  toolAction('calibrate', 'Calibrate', 'c'),
]

/** Arrow keys move the selection one screen pixel, ten with Shift, whatever the zoom. */
function nudgeAction(key: string, dx: number, dy: number): EditorAction {
  return {
    id: `edit.nudge.${key}`,
    label: 'Nudge',
    shortcut: key,
    matches: (p) => !p.mod && p.key === key,
    perform(editor, press) {
      const step = (press?.shift ? 10 : 1) / editor.viewport.getState().viewport.scale
      editor.nudge(dx * step, dy * step)
    },
    enabled: (editor) => editor.getState().selection.length > 0,
  }
}

/**
 * N selects the next object that can be edited (shown, not locked), Shift+N the one before,
 * wrapping round: with the nudge keys, a way to pick and move objects without a pointer.
 */
function selectStepAction(id: string, label: string, shift: boolean, step: 1 | -1): EditorAction {
  return {
    id,
    label,
    shortcut: shift ? 'Shift+N' : 'N',
    matches: (p) => !p.mod && p.shift === shift && p.key.toLowerCase() === 'n',
    perform(editor) {
      const { document, selection } = editor.getState()
      const pickable = document.objects.filter((o) => !o.hidden && !o.locked)
      if (pickable.length === 0) return
      const at = pickable.findIndex((o) => o.id === selection[0])
      const next = at < 0 ? (step === 1 ? 0 : pickable.length - 1) : (at + step + pickable.length) % pickable.length
      const object = pickable[next]
      if (object) editor.select([object.id])
    },
  }
}

export const EDIT_ACTIONS: EditorAction[] = [
  selectStepAction('edit.selectNext', 'Select next object', false, 1),
  selectStepAction('edit.selectPrevious', 'Select previous object', true, -1),
  {
    id: 'edit.undo',
    label: 'Undo',
    shortcut: 'Ctrl+Z',
    matches: (p) => p.mod && !p.shift && p.key.toLowerCase() === 'z',
    perform: (editor) => editor.undo(),
    // In the middle of a draft or a drag, undo takes that back even before there is a step.
    enabled: (editor) => editor.getState().history.past.length > 0 || editor.getState().toolState.name !== 'idle',
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    shortcut: 'Shift+Ctrl+Z',
    matches: (p) => p.mod && ((p.shift && p.key.toLowerCase() === 'z') || p.key.toLowerCase() === 'y'),
    perform: (editor) => editor.redo(),
    enabled: (editor) => editor.getState().history.future.length > 0,
  },
  {
    id: 'edit.selectAll',
    label: 'Select all',
    shortcut: 'Ctrl+A',
    matches: (p) => p.mod && p.key.toLowerCase() === 'a',
    perform: (editor) => editor.selectAll(),
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    shortcut: 'Delete',
    matches: (p) => !p.mod && (p.key === 'Delete' || p.key === 'Backspace'),
    // Backspace while drawing takes back the last point instead.
    perform: (editor, press) => {
      if (press?.key === 'Backspace' && editor.backspace()) return
      editor.deleteSelection()
    },
  },
  {
    id: 'edit.finish',
    label: 'Finish',
    shortcut: 'Enter',
    matches: plain('enter'),
    perform: (editor) => editor.enter(),
  },
  {
    id: 'edit.cancel',
    label: 'Cancel',
    shortcut: 'Esc',
    matches: plain('escape'),
    perform: (editor) => editor.escape(),
  },
  nudgeAction('ArrowLeft', -1, 0),
  nudgeAction('ArrowRight', 1, 0),
  nudgeAction('ArrowUp', 0, -1),
  nudgeAction('ArrowDown', 0, 1),
]

/** A view action needs only a canvas, so a canvas without an editor (the review) zooms by the same keys. */
export interface ViewAction extends EditorAction {
  performOn(canvas: ViewportStore): void
}

function viewAction(
  id: string,
  label: string,
  shortcut: string,
  keys: string[],
  performOn: (canvas: ViewportStore) => void,
): ViewAction {
  return { id, label, shortcut, matches: plain(...keys), performOn, perform: (editor) => performOn(editor.viewport) }
}

export const VIEW_ACTIONS: ViewAction[] = [
  viewAction('view.zoomIn', 'Zoom in', '+', ['+', '='], (c) => c.getState().zoomStep(1)),
  viewAction('view.zoomOut', 'Zoom out', '−', ['-', '_'], (c) => c.getState().zoomStep(-1)),
  viewAction('view.fit', 'Fit', '0', ['0'], (c) => c.getState().fit()),
  viewAction('view.actualSize', '100%', '1', ['1'], (c) => c.getState().actualSize()),
]

/** One registry for toolbar, menus and shortcuts. */
export const ACTIONS: EditorAction[] = [...EDIT_ACTIONS, ...TOOL_ACTIONS, ...VIEW_ACTIONS]

export function actionFor(press: KeyPress): EditorAction | undefined {
  return ACTIONS.find((action) => action.matches(press))
}

export const actionById = (id: string): EditorAction | undefined => ACTIONS.find((action) => action.id === id)

export function viewActionFor(press: KeyPress): ViewAction | undefined {
  return VIEW_ACTIONS.find((action) => action.matches(press))
}
