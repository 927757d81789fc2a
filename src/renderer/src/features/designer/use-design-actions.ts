import { useMemo } from 'react'
import { useRegisterActions } from '../../actions/ActionsProvider'
import type { Editor } from '../../editor/editor'
import { designActions } from './design-actions'

/** The design canvas: the one element of the workspace that edits the design. */
const designCanvas = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('.photo-canvas[role=application]') : null

/**
 * Registers the design workspace's actions while its editor is open: keys, the Edit menu's undo
 * and redo, the toolbar and the canvas's context menu all reach the editor through them.
 */
export function useDesignActions(editor: Editor | null): void {
  useRegisterActions(useMemo(() => (editor ? designActions(editor, designCanvas) : null), [editor]))
}
