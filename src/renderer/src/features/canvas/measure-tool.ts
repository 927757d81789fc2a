import { distance, type Point } from '../../../../shared/geometry/point'
import type { DesignToolId } from '../../editor/tools/tool'

/** The photo's own tools: the hand, and the calibration and measurement lines they draw. */
export type DrawingTool = 'calibrate' | 'distance' | 'area'
/** Every canvas tool: the photo's own and the design editor's. */
export type ToolId = 'hand' | DrawingTool | DesignToolId

export const isDrawingTool = (tool: ToolId): tool is DrawingTool =>
  tool === 'calibrate' || tool === 'distance' || tool === 'area'

export interface Draft {
  tool: DrawingTool
  points: Point[]
}

export type ToolEvent =
  | {
      type: 'click'
      point: Point /** Image pixels within which a click on the first corner closes an area. */
      closeRadius: number
    }
  | { type: 'close' }
  | { type: 'undo-point' }
  | { type: 'cancel' }

export interface ToolStep {
  draft: Draft | null
  /** A finished line or outline, handed to whoever stores it. */
  done?: { tool: DrawingTool; points: Point[] }
}

/**
 * The drawing tools as one small state machine. Lines (calibration, distance) finish on their
 * second click; an area closes on a click on its first corner, a double-click or Enter.
 * Backspace takes back the last corner, Escape drops the draft.
 */
export function stepTool(tool: ToolId, draft: Draft | null, event: ToolEvent): ToolStep {
  if (!isDrawingTool(tool) || event.type === 'cancel') return { draft: null }
  const current = draft?.tool === tool ? draft : null

  if (event.type === 'undo-point') {
    const points = current?.points.slice(0, -1) ?? []
    return { draft: points.length > 0 ? { tool, points } : null }
  }
  if (event.type === 'close') {
    if (tool === 'area' && current && current.points.length >= 3)
      return { draft: null, done: { tool, points: current.points } }
    return { draft: current }
  }

  const points = current?.points ?? []
  const last = points.at(-1)
  // The second click of a double-click lands on the corner just placed: not a new corner.
  if (last && distance(last, event.point) <= (tool === 'area' ? event.closeRadius : 0)) return { draft: current }
  if (tool !== 'area') {
    if (points.length === 0) return { draft: { tool, points: [event.point] } }
    return { draft: null, done: { tool, points: [points[0] as Point, event.point] } }
  }
  const first = points[0]
  if (first && points.length >= 3 && distance(first, event.point) <= event.closeRadius)
    return { draft: null, done: { tool, points } }
  return { draft: { tool, points: [...points, event.point] } }
}

/** The draft as drawn right now: its points plus the pointer, so the readout is live. */
export function draftWithPointer(draft: Draft | null, pointer: Point | null): Point[] {
  if (!draft) return []
  return pointer ? [...draft.points, pointer] : draft.points
}
