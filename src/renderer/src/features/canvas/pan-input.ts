import type { Point } from '../../../../shared/geometry/point'
import type { ViewportStore } from '../../canvas/viewport-store'
import type { PointerInfo } from '../../editor/click-manager'

/** What a photo canvas sends its pointer input to: the editor, or a canvas that only pans. */
export interface PointerSink {
  pointerDown(info: PointerInfo): void
  pointerMove(info: PointerInfo): void
  pointerUp(info: PointerInfo): void
  pointerLeave(): void
}

/** The input of a canvas that edits nothing (the review): every drag pans its viewport. */
export function panInput(viewport: ViewportStore): PointerSink {
  let last: Point | null = null
  return {
    pointerDown: (info) => {
      last = info.screen
    },
    pointerMove(info) {
      if (!last) return
      viewport.getState().pan(info.screen.x - last.x, info.screen.y - last.y)
      last = info.screen
    },
    pointerUp: () => {
      last = null
    },
    pointerLeave: () => {
      last = null
    },
  }
}
