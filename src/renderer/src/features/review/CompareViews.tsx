import type { ViewportStore } from '../../canvas/viewport-store'
import type { SimulationScene } from '../simulation/simulation-scene'
import { MomentPicker } from './MomentPicker'
import { ReviewCanvas } from './ReviewCanvas'
import { ReviewToolbar } from './ReviewToolbar'
import type { ReviewData, ReviewView } from './review-data'
import { type LayerDisplays, momentLabel, type ReviewMoment } from './review-moments'
import { SwipeStage } from './SwipeStage'
import { useReviewCanvas } from './use-review-canvas'
import { useReviewRenderer } from './use-review-simulation'

export interface CompareProps {
  view: ReviewView
  data: ReviewData
  scene: SimulationScene
  displays: LayerDisplays
  showDesign: boolean
  onShowDesign(show: boolean): void
  moments: readonly [ReviewMoment, ReviewMoment]
  onMoments(moments: [ReviewMoment, ReviewMoment]): void
}

/** What both comparisons are made of: one viewport for both sides, and each side's canvas with its moment's dots. */
function useComparison(props: CompareProps) {
  const { view, data, scene, displays, moments } = props
  const canvas = useReviewCanvas(view)
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
  return { canvas, a, b, canvasOf }
}

function CompareToolbar(props: CompareProps & { canvas: ViewportStore }) {
  const [a, b] = props.moments
  return (
    <ReviewToolbar canvas={props.canvas} showDesign={props.showDesign} onShowDesign={props.onShowDesign}>
      <button
        type="button"
        className="button button--ghost button--small"
        title="Swap sides A and B"
        onClick={() => props.onMoments([b, a])}
      >
        Swap A ⇄ B
      </button>
    </ReviewToolbar>
  )
}

/**
 * Two moments of the same view side by side, each with its own dots, under one viewport: a pan
 * or zoom on either canvas moves both, so the same patch of scalp is always compared.
 */
export function SideBySide(props: CompareProps) {
  const { scene } = props
  const { canvas, a, b, canvasOf } = useComparison(props)
  const sides = [
    { side: 'A', moment: a, set: (m: ReviewMoment) => props.onMoments([m, b]) },
    { side: 'B', moment: b, set: (m: ReviewMoment) => props.onMoments([a, m]) },
  ] as const
  return (
    <div className="review-view review-view--wide">
      <div className="review-view__stage">
        <CompareToolbar {...props} canvas={canvas} />
        <div className="review-compare">
          {sides.map(({ side, moment, set }) => (
            <section key={side} className="review-compare__side" aria-label={`Side ${side}`}>
              <div className="review-compare__pick">
                <MomentPicker side={side} scene={scene} moment={moment} onChange={set} />
              </div>
              {canvasOf(side)}
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
  const { scene } = props
  const { canvas, a, b, canvasOf } = useComparison(props)
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
