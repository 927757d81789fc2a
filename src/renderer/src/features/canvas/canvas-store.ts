import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Point } from '../../../../shared/geometry/point'
import { type Draft, type DrawingTool, stepTool, type ToolEvent, type ToolId } from './measure-tool'
import {
  fitViewport,
  panBy,
  type Size,
  stepScale,
  type Viewport,
  wheelIntent,
  wheelZoomFactor,
  zoomBy,
  zoomTo,
} from './viewport'

/** Screen pixels around an area's first corner that count as clicking it, to close the outline. */
const CLOSE_RADIUS_PX = 10

export interface CanvasState {
  image: Size
  stage: Size
  viewport: Viewport
  /** Until the user pans or zooms, a resize refits the photo. */
  fitted: boolean
  tool: ToolId
  /** Space held: the hand tool for as long as it is down, as in every image editor. */
  spaceHeld: boolean
  draft: Draft | null
  pointer: Point | null

  setStage(stage: Size): void
  fit(): void
  actualSize(): void
  zoomStep(direction: 1 | -1): void
  wheel(event: WheelEvent, at: Point): void
  pan(dx: number, dy: number): void
  setTool(tool: ToolId): void
  setSpaceHeld(held: boolean): void
  setPointer(point: Point | null): void
  /** Feeds the active tool; returns a finished line or outline when there is one. */
  toolEvent(event: ToolEvent | { type: 'click'; point: Point }): { tool: DrawingTool; points: Point[] } | undefined
}

export type CanvasStore = StoreApi<CanvasState>

/** The photo view's model: viewport, tool and draft, in plain TypeScript that React only renders. */
export function createCanvasStore(image: Size, initialTool: ToolId = 'hand'): CanvasStore {
  return createStore<CanvasState>((set, get) => {
    const centre = () => ({ x: get().stage.width / 2, y: get().stage.height / 2 })
    const move = (viewport: Viewport) => set({ viewport, fitted: false })

    return {
      image,
      stage: { width: 0, height: 0 },
      viewport: { scale: 1, x: 0, y: 0 },
      fitted: true,
      tool: initialTool,
      spaceHeld: false,
      draft: null,
      pointer: null,

      setStage(stage) {
        const { fitted, viewport } = get()
        if (stage.width <= 0 || stage.height <= 0) return
        set({ stage, viewport: fitted ? fitViewport(image, stage) : viewport })
      },
      fit: () => set({ viewport: fitViewport(image, get().stage), fitted: true }),
      actualSize: () => move(zoomTo(get().viewport, 1, centre())),
      zoomStep: (direction) => move(zoomTo(get().viewport, stepScale(get().viewport.scale, direction), centre())),
      wheel(event, at) {
        const { viewport } = get()
        if (wheelIntent(event) === 'zoom') move(zoomBy(viewport, wheelZoomFactor(event.deltaY, event.deltaMode), at))
        else move(panBy(viewport, -event.deltaX, -event.deltaY))
      },
      pan: (dx, dy) => move(panBy(get().viewport, dx, dy)),
      setTool: (tool) => set({ tool, draft: null, pointer: null }),
      setSpaceHeld: (spaceHeld) => set({ spaceHeld }),
      setPointer: (pointer) => set({ pointer }),
      toolEvent(event) {
        const { tool, draft, viewport } = get()
        const full: ToolEvent =
          event.type === 'click' ? { ...event, closeRadius: CLOSE_RADIUS_PX / viewport.scale } : event
        const step = stepTool(tool, draft, full)
        // Without a draft nothing follows the pointer, so a stale one must not seed the next draft.
        set(step.draft ? { draft: step.draft } : { draft: null, pointer: null })
        return step.done
      },
    }
  })
}
