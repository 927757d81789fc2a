import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { CanvasState, CanvasStore } from './canvas-store'

/**
 * The slice of canvas state a view draws. The pointer moves many times a second while
 * drawing, so each view picks only what it shows and re-renders only when that changes.
 */
export function useCanvas<T extends object>(store: CanvasStore, select: (state: CanvasState) => T): T {
  return useStore(store, useShallow(select))
}
