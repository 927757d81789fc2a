import { useMemo } from 'react'
import { type CanvasStore, createCanvasStore } from '../canvas/canvas-store'
import type { LayerScene } from '../layers/layer-scene'
import { MomentPicker } from './MomentPicker'
import { ReviewCanvas } from './ReviewCanvas'
import { ReviewZoom, useReviewKeys } from './ReviewZoom'
import type { ReviewData, ReviewView } from './review-data'
import { type LayerDisplays, momentLabel, type ReviewMoment } from './review-moments'
import { SwipeStage } from './SwipeStage'
import { useReviewRenderer } from './use-review-layers'

export interface CompareProps {
  view: ReviewView
  data: ReviewData
  scene: LayerScene
  displays: LayerDisplays
  showDesign: boolean
  onShowDesign(show: boolean): void
  moments: readonly [ReviewMoment, ReviewMoment]
  onMoments(moments: [ReviewMoment, ReviewMoment]): void
}

/** One canvas store for both sides: the one viewport every canvas of the comparison draws. */
function useSharedCanvas(view: ReviewView): CanvasStore {
  const { width, height } = view.photo
  const store = useMemo(() => createCanvasStore({ width, height }, 'hand'), [width, height])
  useReviewKeys(store)
  return store
}

function CompareToolbar(props: CompareProps & { canvas: CanvasStore }) {
  const [a, b] = props.moments
  return (
    <div className="canvas-toolbar review-toolbar">
      <ReviewZoom canvas={props.canvas} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={props.showDesign}
          onChange={(event) => props.onShowDesign(event.currentTarget.checked)}
        />
        Show the design
      </label>
      <button
        type="button"
        className="button button--ghost button--small"
        title="Swap sides A and B"
        onClick={() => props.onMoments([b, a])}
      >
        Swap A ⇄ B
      </button>
    </div>
  )
}

/**
 * Two moments of the same view side by side, each with its own dots, under one viewport: a pan
 * or zoom on either canvas moves both, so the same patch of scalp is always compared.
 */
export function SideBySide(props: CompareProps) {
  const { view, data, scene, displays, moments } = props
  const canvas = useSharedCanvas(view)
  const [a, b] = moments
  const left = useReviewRenderer(view, scene, displays, a, data)
  const right = useReviewRenderer(view, scene, displays, b, data)
  const sides = [
    { side: 'A', moment: a, renderer: left, set: (m: ReviewMoment) => props.onMoments([m, b]) },
    { side: 'B', moment: b, renderer: right, set: (m: ReviewMoment) => props.onMoments([a, m]) },
  ]
  return (
    <div className="review-view review-view--wide">
      <div className="review-view__stage">
        <CompareToolbar {...props} canvas={canvas} />
        <div className="review-compare">
          {sides.map(({ side, moment, renderer, set }) => (
            <section key={side} className="review-compare__side" aria-label={`Side ${side}`}>
              <div className="review-compare__pick">
                <MomentPicker side={side} scene={scene} moment={moment} onChange={set} />
              </div>
              <ReviewCanvas
                store={canvas}
                view={view}
                showDesign={props.showDesign}
                pigment={scene.input ? renderer : null}
                label={`Side ${side}: ${momentLabel(scene, moment)}`}
              />
            </section>
          ))}
        </div>
      </div>
    </div>
  )
}

/**
 * Two moments over one canvas area: B underneath, A on top up to a divider the reviewer drags
 * (or moves with the arrow keys), both under one viewport.
 */
export function SwipeCompare(props: CompareProps) {
  const { view, data, scene, displays, moments } = props
  const canvas = useSharedCanvas(view)
  const [a, b] = moments
  const left = useReviewRenderer(view, scene, displays, a, data)
  const right = useReviewRenderer(view, scene, displays, b, data)
  const canvasOf = (side: 'A' | 'B') => (
    <ReviewCanvas
      store={canvas}
      view={view}
      showDesign={props.showDesign}
      pigment={scene.input ? (side === 'A' ? left : right) : null}
      label={`Side ${side}: ${momentLabel(scene, side === 'A' ? a : b)}`}
    />
  )
  return (
    <div className="review-view review-view--wide">
      <div className="review-view__stage">
        <CompareToolbar {...props} canvas={canvas} />
        <div className="review-compare__pick review-compare__pick--swipe">
          <MomentPicker side="A" scene={scene} moment={a} onChange={(m) => props.onMoments([m, b])} />
          <MomentPicker side="B" scene={scene} moment={b} onChange={(m) => props.onMoments([a, m])} />
        </div>
        <SwipeStage
          a={canvasOf('A')}
          b={canvasOf('B')}
          labelA={`A · ${momentLabel(scene, a)}`}
          labelB={`B · ${momentLabel(scene, b)}`}
        />
      </div>
    </div>
  )
}
