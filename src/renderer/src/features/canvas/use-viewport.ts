import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { ViewportState, ViewportStore } from '../../canvas/viewport-store'

/** The slice of the viewport a view draws; each view re-renders only when its slice changes. */
export function useViewport<T extends object>(store: ViewportStore, select: (state: ViewportState) => T): T {
  return useStore(store, useShallow(select))
}
