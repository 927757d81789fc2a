import { type AppCommand, appCommand, commandKeyTest, commandShortcut } from '../../../shared/actions/app-commands'
import type { KeyPress } from '../../../shared/actions/key-press'
import type { ViewportStore } from '../canvas/viewport-store'
import type { Editor } from './editor'
import type { ToolId } from './tools/tool-ids'

export type { KeyPress }

/**
 * The design editor's actions, plain data over an `Editor`: the designer feature binds them to
 * its editor and registers them in the app's actions registry, which feeds keys, the menu's
 * commands, the toolbar and the canvas's context menu.
 */
export interface EditorAction {
  id: string
  label: string
  /** As shown in tooltips and menus. */
  shortcut: string
  keyTest(press: KeyPress): boolean
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
    keyTest: plain(key),
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
    keyTest: (p) => !p.mod && p.key === key,
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
    keyTest: (p) => !p.mod && p.shift === shift && p.key.toLowerCase() === 'n',
    perform(editor) {
      const { document, selection } = editor.getState()
      const pickable = document.objects.filter((o) => !o.hidden && !o.locked)
      const at = pickable.findIndex((o) => o.id === selection[0])
      const next = at < 0 ? (step === 1 ? 0 : pickable.length - 1) : (at + step + pickable.length) % pickable.length
      const object = pickable[next]
      if (object) editor.select([object.id])
    },
    enabled: (editor) => editor.getState().document.objects.some((o) => !o.hidden && !o.locked),
  }
}

/** A command the app's menu also has: its label and keys are the shared catalogue's. */
function fromCatalogue(id: AppCommand): Pick<EditorAction, 'id' | 'label' | 'shortcut' | 'keyTest'> {
  const keyTest = commandKeyTest(id)
  return {
    id,
    label: appCommand(id).label,
    shortcut: commandShortcut(id),
    keyTest: (press) => keyTest?.(press) ?? false,
  }
}

export const EDIT_ACTIONS: EditorAction[] = [
  selectStepAction('edit.selectNext', 'Select next object', false, 1),
  selectStepAction('edit.selectPrevious', 'Select previous object', true, -1),
  {
    ...fromCatalogue('edit.undo'),
    perform: (editor) => editor.undo(),
    // In the middle of a draft or a drag, undo takes that back even before there is a step.
    enabled: (editor) => editor.getState().history.past.length > 0 || editor.getState().toolState.name !== 'idle',
  },
  {
    ...fromCatalogue('edit.redo'),
    perform: (editor) => editor.redo(),
    enabled: (editor) => editor.getState().history.future.length > 0,
  },
  {
    id: 'edit.selectAll',
    label: 'Select all',
    shortcut: 'Ctrl+A',
    keyTest: (p) => p.mod && p.key.toLowerCase() === 'a',
    perform: (editor) => editor.selectAll(),
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    shortcut: 'Delete',
    keyTest: (p) => !p.mod && (p.key === 'Delete' || p.key === 'Backspace'),
    // Backspace while drawing takes back the last point instead.
    perform: (editor, press) => {
      if (press?.key === 'Backspace' && editor.backspace()) return
      editor.deleteSelection()
    },
    enabled: (editor) => editor.getState().selection.length > 0 || editor.getState().toolState.name !== 'idle',
  },
  {
    id: 'edit.finish',
    label: 'Finish',
    shortcut: 'Enter',
    keyTest: plain('enter'),
    perform: (editor) => editor.enter(),
  },
  {
    id: 'edit.placeAtPointer',
    label: 'Place a point at the pointer',
    shortcut: '.',
    keyTest: plain('.'),
    perform: (editor) => editor.placeAtPointer(),
  },
  {
    id: 'edit.cancel',
    label: 'Cancel',
    shortcut: 'Esc',
    keyTest: plain('escape'),
    perform: (editor) => editor.escape(),
  },
  nudgeAction('ArrowLeft', -1, 0),
  nudgeAction('ArrowRight', 1, 0),
  nudgeAction('ArrowUp', 0, -1),
  nudgeAction('ArrowDown', 0, 1),
]

/** A zoom action (the View menu's) needs only a canvas, so a canvas without an editor (the review) zooms by the same keys. */
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
  return { id, label, shortcut, keyTest: plain(...keys), performOn, perform: (editor) => performOn(editor.viewport) }
}

export const VIEW_ACTIONS: ViewAction[] = [
  viewAction('view.zoomIn', 'Zoom in', '+', ['+', '='], (c) => c.getState().zoomStep(1)),
  viewAction('view.zoomOut', 'Zoom out', '−', ['-', '_'], (c) => c.getState().zoomStep(-1)),
  viewAction('view.fit', 'Fit', '0', ['0'], (c) => c.getState().fit()),
  viewAction('view.actualSize', '100%', '1', ['1'], (c) => c.getState().actualSize()),
]

/** Every design action, in the order the registry tries them for a key. */
export const ACTIONS: EditorAction[] = [...EDIT_ACTIONS, ...TOOL_ACTIONS, ...VIEW_ACTIONS]

export function actionFor(press: KeyPress): EditorAction | undefined {
  return ACTIONS.find((action) => action.keyTest(press))
}

export const actionById = (id: string): EditorAction | undefined => ACTIONS.find((action) => action.id === id)
