import type { ReactNode } from 'react'
import type { ViewportStore } from '../../canvas/viewport-store'
import { ZoomControls } from '../canvas/ZoomControls'

/** Above a review's canvases: their shared zoom, whether the design is drawn, and what the mode adds. */
export function ReviewToolbar(props: {
  canvas: ViewportStore
  showDesign: boolean
  onShowDesign(show: boolean): void
  children?: ReactNode
}) {
  return (
    <div className="canvas-toolbar review-toolbar">
      <ZoomControls viewport={props.canvas} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={props.showDesign}
          onChange={(event) => props.onShowDesign(event.currentTarget.checked)}
        />
        Show the design
      </label>
      {props.children}
    </div>
  )
}
