import './design-toolbar.css'
import { useRef, useState } from 'react'
import { ActionMenu, type MenuPosition } from '../../actions/ActionMenu'
import { useRegisteredActions } from '../../actions/ActionsProvider'
import { TOOL_ACTIONS, VIEW_ACTIONS } from '../../editor/actions'
import type { Editor } from '../../editor/editor'
import type { ToolId } from '../../editor/tools/tool-ids'
import { ZoomControls } from '../canvas/ZoomControls'
import { TOOL_HINTS } from './tool-hints'
import { useEditor } from './use-editor'
import { useOverflowCount } from './use-overflow-count'

const TOOL_IDS = TOOL_ACTIONS.map((action) => action.id)
const HISTORY_IDS = ['edit.undo', 'edit.redo']
const ZOOM_IDS = VIEW_ACTIONS.map((action) => action.id)
const hintOf = (actionId: string) => TOOL_HINTS[actionId.slice('tool.'.length) as ToolId]

/**
 * Tools and undo/redo, read from the app's actions registry (the design workspace registers
 * them, as keys, the Edit menu and the canvas's context menu reach them), and the zoom controls.
 * On a window too narrow for the row, the zoom controls and then the last tools go into a "More"
 * menu (as the registry's zoom and tool actions) rather than wrapping.
 */
export function DesignToolbar({ editor }: { editor: Editor }) {
  // The tool is read so the row re-renders when it changes, for the pressed state the tool actions report.
  useEditor(editor, (s) => s.tool)
  const { undoLabel, redoLabel } = useEditor(editor, (s) => ({
    // Mid-gesture, undo drops the shape being drawn or the drag, and nothing before it.
    undoLabel: s.toolState.name !== 'idle' ? 'what is being drawn' : (s.history.past.at(-1)?.label ?? null),
    redoLabel: s.history.future.at(-1)?.label ?? null,
  }))
  const tools = useRegisteredActions(TOOL_IDS)
  const [undo, redo] = useRegisteredActions(HISTORY_IDS)
  const zoom = useRegisteredActions(ZOOM_IDS)
  const row = useRef<HTMLDivElement>(null)
  // The row's items in the order they give way: the zoom controls (last) first, then tools from the end.
  const shown = useOverflowCount(row, tools.length + 1)
  const zoomShown = shown > tools.length
  const more = useRef<HTMLButtonElement>(null)
  const [moreAt, setMoreAt] = useState<MenuPosition | null>(null)
  const hidden = [...tools.slice(shown), ...(zoomShown ? [] : zoom)]

  return (
    <div ref={row} className="canvas-toolbar design-toolbar">
      <fieldset className="canvas-toolbar__group">
        <legend className="visually-hidden">Tool</legend>
        {tools.slice(0, shown).map((action) => (
          <button
            key={action.id}
            type="button"
            data-overflow-item
            aria-pressed={action.checked?.() ?? false}
            className="tool-button"
            title={`${action.label} (${action.shortcut}) — ${hintOf(action.id)}`}
            onClick={() => action.perform()}
          >
            {action.label} <kbd>{action.shortcut}</kbd>
          </button>
        ))}
        {hidden.length > 0 && (
          <button
            ref={more}
            type="button"
            data-overflow-more
            className="tool-button"
            aria-haspopup="menu"
            aria-expanded={moreAt !== null}
            data-active={hidden.some((action) => action.checked?.()) || undefined}
            title={`More: ${hidden.map((action) => action.label).join(', ')}`}
            onClick={() => {
              const box = more.current?.getBoundingClientRect()
              setMoreAt(moreAt || !box ? null : { x: box.left, y: box.bottom + 2 })
            }}
          >
            More <span aria-hidden="true">▾</span>
          </button>
        )}
        {moreAt && (
          <ActionMenu
            label="More"
            actions={hidden}
            at={moreAt}
            opener={more}
            onClose={(restoreFocus) => {
              setMoreAt(null)
              if (restoreFocus) more.current?.focus()
            }}
          />
        )}
      </fieldset>
      <fieldset className="canvas-toolbar__group">
        <legend className="visually-hidden">History</legend>
        <button
          type="button"
          className="tool-button"
          disabled={!undoLabel}
          title={undoLabel ? `Undo ${undoLabel} (Ctrl/Cmd+Z)` : 'Nothing to undo'}
          onClick={() => undo?.perform()}
        >
          Undo
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={!redoLabel}
          title={redoLabel ? `Redo ${redoLabel} (Shift+Ctrl/Cmd+Z)` : 'Nothing to redo'}
          onClick={() => redo?.perform()}
        >
          Redo
        </button>
      </fieldset>
      {zoomShown && (
        <div data-overflow-item>
          <ZoomControls viewport={editor.viewport} />
        </div>
      )}
    </div>
  )
}
