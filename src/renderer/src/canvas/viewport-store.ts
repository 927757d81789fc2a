import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Point } from '../../../shared/geometry/point'
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

/** What a wheel event carries that decides between zoom and pan. */
export type WheelInput = Parameters<typeof wheelIntent>[0]

export interface ViewportState {
  image: Size
  stage: Size
  viewport: Viewport
  /** Until the user pans or zooms, a resize refits the photo. */
  fitted: boolean

  setStage(stage: Size): void
  fit(): void
  actualSize(): void
  zoomStep(direction: 1 | -1): void
  wheel(event: WheelInput, at: Point): void
  pan(dx: number, dy: number): void
}

export type ViewportStore = StoreApi<ViewportState>

/**
 * How a photo sits on screen: its size, the stage's and the pan and zoom between them. Plain
 * TypeScript: the editor pans it, the canvases draw through it, and canvases handed one store move together.
 */
export function createViewportStore(image: Size): ViewportStore {
  return createStore<ViewportState>((set, get) => {
    const centre = () => ({ x: get().stage.width / 2, y: get().stage.height / 2 })
    const move = (viewport: Viewport) => set({ viewport, fitted: false })

    return {
      image,
      stage: { width: 0, height: 0 },
      viewport: { scale: 1, x: 0, y: 0 },
      fitted: true,

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
    }
  })
}
