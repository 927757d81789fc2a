import { useEffect } from 'react'
import type { CanvasStore } from '../canvas/canvas-store'
import { useCanvas } from '../canvas/use-canvas'

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** The workspace's view keys and nothing else, since the review edits nothing. */
const VIEW_KEYS: Record<string, (canvas: CanvasStore) => void> = {
  '+': (c) => c.getState().zoomStep(1),
  '=': (c) => c.getState().zoomStep(1),
  '-': (c) => c.getState().zoomStep(-1),
  _: (c) => c.getState().zoomStep(-1),
  '0': (c) => c.getState().fit(),
  '1': (c) => c.getState().actualSize(),
}

/** `+` `-` `0` `1` zoom the review's canvases, as they zoom the design workspace. */
export function useReviewKeys(canvas: CanvasStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingInto(event.target) || event.altKey || event.ctrlKey || event.metaKey) return
      const perform = VIEW_KEYS[event.key]
      if (!perform) return
      event.preventDefault()
      perform(canvas)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [canvas])
}

/** Zoom out, the level, zoom in, fit and 100 %: one control for however many canvases share the view. */
export function ReviewZoom({ canvas }: { canvas: CanvasStore }) {
  const { scale } = useCanvas(canvas, (s) => ({ scale: s.viewport.scale }))
  const actions = canvas.getState()
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
        {Math.round(scale * 100)} %
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
        100 % <kbd>1</kbd>
      </button>
    </fieldset>
  )
}
