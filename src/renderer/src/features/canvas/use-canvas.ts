import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { CanvasState, CanvasStore } from './canvas-store'

/** The canvas state a view draws; re-renders only when one of these values changes. */
export function useCanvas(store: CanvasStore) {
  return useStore(
    store,
    useShallow((s: CanvasState) => ({
      image: s.image,
      stage: s.stage,
      viewport: s.viewport,
      tool: s.tool,
      spaceHeld: s.spaceHeld,
      draft: s.draft,
      pointer: s.pointer,
    })),
  )
}
