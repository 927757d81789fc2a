import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import type { Patient } from '../../../../shared/patients/patient'
import type { LayerDisplay } from '../../../../shared/plan/plan-types'
import { useBridge } from '../../bridge/bridge-context'
import { Banner } from '../../ui/Banner'
import { Loading } from '../../ui/Loading'
import { OptionSelect } from '../../ui/OptionSelect'
import { useLoad } from '../../ui/use-load'
import { type CompareProps, SideBySide, SwipeCompare } from './CompareViews'
import { createCommentsStore } from './comments-store'
import { PhotoPair } from './PhotoPair'
import { loadReview, type ReviewData, type ReviewView, reviewViews } from './review-data'
import { defaultPair, type LayerDisplays, type ReviewMoment } from './review-moments'
import { SimulationView } from './SimulationView'
import { useReviewScene } from './use-review-simulation'
import '../simulation/simulation.css'
import '../designer/designer.css'
import '../photos/photos.css'
import './review.css'

export interface ReviewPageProps {
  patient: Pick<Patient, 'id' | 'fullName'>
  /**
   * Whether comments can be written here. The offline review file answers only read calls, so
   * it passes false: pins and the list still show, the form and its buttons do not.
   */
  canComment?: boolean
}

type Mode = 'simulation' | 'side-by-side' | 'swipe' | 'photos'

const MODES: { id: Mode; label: string; needsSessions: boolean }[] = [
  { id: 'simulation', label: 'Layers', needsSessions: false },
  { id: 'side-by-side', label: 'Side by side', needsSessions: true },
  { id: 'swipe', label: 'Swipe', needsSessions: true },
  { id: 'photos', label: 'Before / after photos', needsSessions: false },
]

/**
 * The clinician's read-only review of a patient: each designed view with its session layers,
 * comparisons and comment pins. Everything is read through bridge read calls; the only writes
 * are the comment calls, and only when `canComment`.
 */
export function ReviewPage({ patient, canComment = true }: ReviewPageProps) {
  const bridge = useBridge()
  const { state: loaded, retry } = useLoad(() => loadReview(bridge, patient.id), [bridge, patient.id])

  if (loaded.status === 'loading') return <Loading>Loading the review…</Loading>
  if (loaded.status === 'error')
    return (
      <div className="page-pad">
        <Banner tone="error" title="The review could not be loaded">
          <p>{loaded.message}</p>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </Banner>
      </div>
    )
  return <Review patientName={patient.fullName} data={loaded.value} canComment={canComment} />
}

function Review(props: { patientName: string; data: ReviewData; canComment: boolean }) {
  const { data } = props
  const views = useMemo(() => reviewViews(data), [data])
  const [viewId, setViewId] = useState<string | null>(views.at(-1)?.photo.id ?? null)
  const view = views.find((v) => v.photo.id === viewId) ?? views.at(-1)
  if (!view)
    return (
      <div className="empty-state">
        <h1 className="empty-state__title">Nothing to review yet</h1>
        <p>
          Draw a design over one of {props.patientName}’s photos, or on a head chart from the Photos tab; each designed
          view can then be reviewed here with its session layers.
        </p>
      </div>
    )
  return (
    <section className="review" aria-labelledby="review-title">
      <h1 id="review-title" className="visually-hidden">
        Review of {props.patientName}
      </h1>
      <ReviewOfView
        key={view.photo.id}
        view={view}
        data={data}
        canComment={props.canComment}
        picker={
          <span className="review__view-picker">
            <label htmlFor="review-view">View</label>
            <OptionSelect
              id="review-view"
              options={views.map((v) => ({ value: v.photo.id, label: v.label }))}
              value={view.photo.id}
              onChange={setViewId}
            />
          </span>
        }
      />
    </section>
  )
}

function ReviewOfView(props: { view: ReviewView; data: ReviewData; canComment: boolean; picker: ReactNode }) {
  const { view, data } = props
  const scene = useReviewScene(view, data)
  const [mode, setMode] = useState<Mode>('simulation')
  const [displays, setDisplays] = useState<LayerDisplays>({})
  const [showDesign, setShowDesign] = useState(true)
  const bridge = useBridge()
  const comments = useMemo(() => createCommentsStore(bridge, view.design.id), [bridge, view.design.id])
  useEffect(() => {
    void comments.getState().load()
  }, [comments])
  const [moments, setMoments] = useState<[ReviewMoment, ReviewMoment] | null>(() => defaultPair(scene))
  const onDisplay = useCallback(
    (sessionId: string, display: LayerDisplay) => setDisplays((current) => ({ ...current, [sessionId]: display })),
    [],
  )
  const compare: CompareProps | null = moments && {
    view,
    data,
    scene,
    displays,
    showDesign,
    onShowDesign: setShowDesign,
    moments,
    onMoments: setMoments,
  }
  return (
    <>
      <header className="review__header">
        {props.picker}
        <fieldset className="review__modes">
          <legend className="visually-hidden">Review mode</legend>
          {MODES.map((m) => (
            <button
              key={m.id}
              type="button"
              className="button button--small"
              aria-pressed={mode === m.id}
              disabled={m.needsSessions && !moments}
              title={m.needsSessions && !moments ? 'The plan has no session on this view to compare' : undefined}
              onClick={() => {
                comments.getState().setPlacing(false)
                setMode(m.id)
              }}
            >
              {m.label}
            </button>
          ))}
        </fieldset>
      </header>
      {mode === 'simulation' && (
        <SimulationView
          view={view}
          data={data}
          scene={scene}
          displays={displays}
          onDisplay={onDisplay}
          showDesign={showDesign}
          onShowDesign={setShowDesign}
          comments={comments}
          canComment={props.canComment}
        />
      )}
      {compare && mode === 'side-by-side' && <SideBySide {...compare} />}
      {compare && mode === 'swipe' && <SwipeCompare {...compare} />}
      {mode === 'photos' && <PhotoPair photo={view.photo} photos={data.photos} />}
    </>
  )
}
