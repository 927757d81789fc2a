import type { Editor } from '../../editor/editor'
import type { CanvasStore } from '../canvas/canvas-store'
import type { ToolId } from '../canvas/measure-tool'
import { useCanvas } from '../canvas/use-canvas'

// Today the active tool, the viewport and the measure drafts live in the editor's canvas store.
// The tools are moving into the editor itself; the designer reaches them only through here.

/** The store of the editor's viewport (and, for now, its tool and measure draft). */
export const viewportStore = (editor: Editor): CanvasStore => editor.canvas

export const activeTool = (editor: Editor): ToolId => editor.canvas.getState().tool

/** The active tool, re-rendering when it changes. */
export const useActiveTool = (editor: Editor): ToolId => useCanvas(editor.canvas, (s) => ({ tool: s.tool })).tool
