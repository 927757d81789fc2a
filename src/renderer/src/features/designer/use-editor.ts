import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { Editor } from '../../editor/editor'
import type { EditorState } from '../../editor/editor-state'

/** The slice of editor state a view shows; a view re-renders only when its slice changes. */
export function useEditor<T>(editor: Editor, select: (state: EditorState) => T): T {
  return useStore(editor.store, useShallow(select))
}
