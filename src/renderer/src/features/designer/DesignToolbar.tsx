import { actionById, TOOL_ACTIONS } from '../../editor/actions'
import type { Editor } from '../../editor/editor'
import type { ToolId } from '../../editor/tools/tool-ids'
import { ZoomControls } from '../canvas/ZoomControls'
import { TOOL_HINTS } from './tool-hints'
import { useEditor } from './use-editor'

const undoAction = actionById('edit.undo')
const redoAction = actionById('edit.redo')

/** Tools and undo/redo, read from the one actions registry the shortcuts use, and the zoom controls. */
export function DesignToolbar({ editor }: { editor: Editor }) {
  const { tool, undoLabel, redoLabel } = useEditor(editor, (s) => ({
    tool: s.tool,
    // Mid-gesture, undo drops the shape being drawn or the drag, and nothing before it.
    undoLabel: s.toolState.name !== 'idle' ? 'what is being drawn' : (s.history.past.at(-1)?.label ?? null),
    redoLabel: s.history.future.at(-1)?.label ?? null,
  }))
  return (
    <div className="canvas-toolbar">
      <fieldset className="canvas-toolbar__group">
        <legend className="visually-hidden">Tool</legend>
        {TOOL_ACTIONS.map((action) => {
          const id = action.id.slice('tool.'.length) as ToolId
          return (
            <button
              key={action.id}
              type="button"
              aria-pressed={tool === id}
              className="tool-button"
              title={`${action.label} (${action.shortcut}) — ${TOOL_HINTS[id]}`}
              onClick={() => action.perform(editor)}
            >
              {action.label} <kbd>{action.shortcut}</kbd>
            </button>
          )
        })}
      </fieldset>
      <fieldset className="canvas-toolbar__group">
        <legend className="visually-hidden">History</legend>
        <button
          type="button"
          className="tool-button"
          disabled={!undoLabel}
          title={undoLabel ? `Undo ${undoLabel} (Ctrl/Cmd+Z)` : 'Nothing to undo'}
          onClick={() => undoAction?.perform(editor)}
        >
          Undo
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={!redoLabel}
          title={redoLabel ? `Redo ${redoLabel} (Shift+Ctrl/Cmd+Z)` : 'Nothing to redo'}
          onClick={() => redoAction?.perform(editor)}
        >
          Redo
        </button>
      </fieldset>
      <ZoomControls viewport={editor.viewport} />
    </div>
  )
}
