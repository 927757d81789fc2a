import type { ViewportStore } from '../../canvas/viewport-store'
import { useViewport } from './use-viewport'

/** Zoom out, the level, zoom in, fit and 100 %: one control for a canvas, or for however many share its view. */
export function ZoomControls({ viewport }: { viewport: ViewportStore }) {
  const { scale } = useViewport(viewport, (s) => ({ scale: s.viewport.scale }))
  const actions = viewport.getState()
  return (
    <fieldset className="canvas-toolbar__group">
      <legend className="visually-hidden">Zoom</legend>
      <button
        type="button"
        className="tool-button"
        title="Zoom out (-)"
        aria-label="Zoom out"
        onClick={() => actions.zoomStep(-1)}
      >
        −
      </button>
      <output className="canvas-toolbar__zoom" aria-label="Zoom level">
        {Math.round(scale * 100)}%
      </output>
      <button
        type="button"
        className="tool-button"
        title="Zoom in (+)"
        aria-label="Zoom in"
        onClick={() => actions.zoomStep(1)}
      >
        +
      </button>
      <button type="button" className="tool-button" title="Fit the photo (0)" onClick={actions.fit}>
        Fit <kbd>0</kbd>
      </button>
      <button type="button" className="tool-button" title="Actual pixels (1)" onClick={actions.actualSize}>
        100% <kbd>1</kbd>
      </button>
    </fieldset>
  )
}
