import type { DesignDocument } from '../../../../shared/design/design-types'
import type { PointSource } from '../../../../shared/design/hairline'
import type { Point } from '../../../../shared/geometry/point'
import type { Editor } from '../editor'

/**
 * A pointer event as a tool sees it: `point` in image pixels, `screen` in stage pixels, and
 * `tolerance`, how many image pixels count as "on" something at the current zoom.
 */
export interface PointerInput {
  point: Point
  screen: Point
  shift: boolean
  alt: boolean
  tolerance: number
}

/**
 * What the active tool is doing. Tools are small state machines that move between these; the
 * editor keeps the current one, so a test can drive a tool and read where it is. `drawing` is
 * the one drawing state of every tool: the points placed so far, an outline's or a ruler line's alike.
 */
export type ToolState =
  | { name: 'idle' }
  | { name: 'drawing'; points: Point[] }
  | { name: 'dragging'; start: Point; before: DesignDocument; moved: boolean }
  | {
      name: 'dragging-point'
      id: string
      source: PointSource
      /** The document to undo back to; `base` is what the drag moves from (they differ after an insert). */
      before: DesignDocument
      base: DesignDocument
      moved: boolean
      label: string
    }
  | { name: 'marquee'; from: Point; to: Point; base: string[] }
  /** A ruler line drawn, waiting for its real length. */
  | { name: 'awaiting-length'; points: [Point, Point] }

export const IDLE: ToolState = { name: 'idle' }

export interface Tool {
  /** A press; returns true when it took the press itself (a pan, an Alt-click delete), so its release is no click. */
  onPointerDown?(editor: Editor, input: PointerInput): boolean | undefined
  onPointerMove?(editor: Editor, input: PointerInput): void
  onPointerUp?(editor: Editor, input: PointerInput): void
  /** A press and release without a drag, when the press did not start a gesture. */
  onClick?(editor: Editor, input: PointerInput): void
  onDoubleClick?(editor: Editor, input: PointerInput): void
  /** A press the tool did not take moved beyond the click slop: `from` is where it was pressed. */
  onDragStart?(editor: Editor, from: PointerInput): void
  /** The release of such a drag. */
  onDragEnd?(editor: Editor, input: PointerInput): void
  /** Enter: finish what is being drawn. */
  onEnter?(editor: Editor): void
  /** Backspace while drawing takes back the last point; false lets Backspace delete instead. */
  onBackspace?(editor: Editor): boolean
}
