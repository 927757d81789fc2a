import { useCallback, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import type { ReviewComment } from '../../../../shared/comments/comment'
import type { LayerDisplay } from '../../../../shared/plan/plan-types'
import { toScreen } from '../../canvas/viewport'
import { defaultDay, FadeTimeline, type TimelineMark, timelineRange } from '../simulation/FadeTimeline'
import type { SimulationScene } from '../simulation/simulation-scene'
import { CommentPins } from './CommentPins'
import { CommentsPanel } from './CommentsPanel'
import type { CommentsStore } from './comments-store'
import { ReviewCanvas } from './ReviewCanvas'
import { ReviewSessionStack } from './ReviewSessionStack'
import { ReviewToolbar } from './ReviewToolbar'
import type { ReviewData, ReviewView } from './review-data'
import type { LayerDisplays, ReviewMoment } from './review-moments'
import { SessionPhotos } from './SessionPhotos'
import { useReviewCanvas } from './use-review-canvas'
import { useReviewRenderer } from './use-review-simulation'

function sessionMarks(scene: SimulationScene): TimelineMark[] {
  return scene.layers
    .filter((l) => l.session.status !== 'skipped')
    .map((l) => ({
      day: l.session.startsAt.slice(0, 10),
      label: `S${l.number}`,
      name: `Session ${l.number}`,
      kind: 'session' as const,
    }))
}

/** Screen pixels kept between a focused pin and the stage's edge; closer than this, the view pans to it. */
const FOCUS_MARGIN_PX = 40

/**
 * One view under review: the photo with its design and session layers, the fade timeline, the
 * layer toggles, the comment pins and their list, and each session's photos.
 */
export function SimulationView(props: {
  view: ReviewView
  data: ReviewData
  scene: SimulationScene
  displays: LayerDisplays
  onDisplay(sessionId: string, display: LayerDisplay): void
  showDesign: boolean
  onShowDesign(show: boolean): void
  comments: CommentsStore
  canComment: boolean
}) {
  const { view, data, scene, displays } = props
  const store = useReviewCanvas(view)
  const range = timelineRange(scene.layers)
  const [picked, setPicked] = useState<string | null>(null)
  const day = picked ?? defaultDay(scene.layers)
  const moment = useMemo<ReviewMoment | null>(() => (day ? { kind: 'day', day } : null), [day])
  const renderer = useReviewRenderer(view, scene, displays, moment, data)
  const placing = useStore(props.comments, (s) => s.placing)
  // A pin out of sight is brought to the middle; one in view stays put, so the photo does not jump.
  const focus = useCallback(
    (comment: ReviewComment) => {
      props.comments.getState().select(comment.id)
      const { viewport, stage, pan } = store.getState()
      const at = toScreen(viewport, comment.at)
      const inside =
        at.x >= FOCUS_MARGIN_PX &&
        at.y >= FOCUS_MARGIN_PX &&
        at.x <= stage.width - FOCUS_MARGIN_PX &&
        at.y <= stage.height - FOCUS_MARGIN_PX
      if (!inside) pan(stage.width / 2 - at.x, stage.height / 2 - at.y)
    },
    [props.comments, store],
  )

  return (
    <div className="review-view">
      <div className="review-view__stage">
        <ReviewToolbar canvas={store} showDesign={props.showDesign} onShowDesign={props.onShowDesign} />
        <div className="review-view__canvas" data-placing={placing || undefined}>
          <ReviewCanvas
            store={store}
            view={view}
            showDesign={props.showDesign}
            pigment={scene.input ? renderer : null}
            label={`Review canvas, ${view.label}`}
          >
            <CommentPins canvas={store} comments={props.comments} />
          </ReviewCanvas>
        </div>
      </div>
      <aside className="review-panel" aria-label="Review details">
        <section className="panel-section review-section" aria-labelledby="review-sessions-title">
          <h2 className="section-title" id="review-sessions-title">
            Sessions
          </h2>
          {scene.reason && <p className="readouts__hint">{scene.reason}</p>}
          {range && day && (
            <FadeTimeline
              range={range}
              day={day}
              marks={sessionMarks(scene)}
              onChange={(next) => setPicked(next === defaultDay(scene.layers) ? null : next)}
            />
          )}
          {day && scene.layers.length > 0 && (
            <ReviewSessionStack
              scene={scene}
              day={day}
              settings={data.settings}
              displays={displays}
              onDisplay={props.onDisplay}
            />
          )}
        </section>
        <section className="panel-section review-section" aria-labelledby="review-comments-title">
          <h2 className="section-title" id="review-comments-title">
            Comments
          </h2>
          <CommentsPanel store={props.comments} canComment={props.canComment} onFocus={focus} />
        </section>
        <section className="panel-section review-section" aria-labelledby="review-photos-title">
          <h2 className="section-title" id="review-photos-title">
            Photos per session
          </h2>
          <SessionPhotos sessions={data.plan.sessions} photos={data.photos} />
        </section>
      </aside>
    </div>
  )
}
