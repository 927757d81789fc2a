import './onboarding.css'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { usePhotoActions } from '../photos/photos-context'
import { guideStore, useGuide } from './guide-store'
import { TOUR_STEPS } from './tour-steps'
import { useSample } from './use-sample'

const TOUR_DONE_KEY = 'stipple.tourDone'

/** Whether this installation has seen (or skipped) the tour. */
export function tourSeen(): boolean {
  try {
    return window.localStorage.getItem(TOUR_DONE_KEY) === '1'
  } catch {
    return true
  }
}

function endTour() {
  try {
    window.localStorage.setItem(TOUR_DONE_KEY, '1')
  } catch {
    // Without storage the tour is simply offered again next time.
  }
  guideStore.getState().setTourStep(null)
}

interface Box {
  top: number
  left: number
  width: number
  height: number
}

function boxOf(selector: string): Box | null {
  const element = document.querySelector(selector) ?? document.querySelector('.workspace')
  if (!element) return null
  const r = element.getBoundingClientRect()
  return { top: r.top, left: r.left, width: r.width, height: r.height }
}

const CARD_WIDTH = 340
const GAP = 12

/** Beside the target where it fits: below, above, or to its right, always inside the window. */
function cardPosition(box: Box | null, cardHeight: number) {
  const vw = window.innerWidth
  const vh = window.innerHeight
  if (!box) return { top: GAP * 2, left: vw - CARD_WIDTH - GAP * 2 }
  const clampLeft = (x: number) => Math.min(Math.max(x, GAP), vw - CARD_WIDTH - GAP)
  const clampTop = (y: number) => Math.min(Math.max(y, GAP), vh - cardHeight - GAP)
  if (box.top + box.height + GAP + cardHeight < vh)
    return { top: box.top + box.height + GAP, left: clampLeft(box.left) }
  if (box.top - GAP - cardHeight > 0) return { top: box.top - GAP - cardHeight, left: clampLeft(box.left) }
  return { top: clampTop(box.top), left: clampLeft(box.left + box.width + GAP) }
}

/**
 * The guided tour: a card beside each real screen element it explains, with that element
 * outlined. It never covers the app with a veil, so what it points at stays usable; Esc or
 * "Skip tour" ends it, and it is not offered again by itself once seen.
 */
export function Tour() {
  const step = useGuide((s) => s.tourStep)
  const { openSample } = useSample()
  const { closePhoto } = usePhotoActions()
  const [box, setBox] = useState<Box | null>(null)
  const card = useRef<HTMLDivElement>(null)
  const next = useRef<HTMLButtonElement>(null)
  const [cardHeight, setCardHeight] = useState(200)
  const current = step === null ? null : TOUR_STEPS[step]

  useEffect(() => {
    if (!current?.shows) return
    const { section } = current.shows
    let cancelled = false
    closePhoto()
    const sampleOpen = guideStore.getState().sampleId
    void (async () => {
      const viewing = document.querySelector('[data-sample-open="true"]')
      const id = viewing && sampleOpen ? sampleOpen : await openSample().catch(() => null)
      if (!cancelled && id) guideStore.getState().setSection(id, section)
    })()
    return () => {
      cancelled = true
    }
  }, [current, openSample, closePhoto])

  useLayoutEffect(() => {
    if (!current) return
    const measure = () => {
      // Offered by itself on a first run, the tour steps aside once the user starts without it.
      if (step === 0 && !document.querySelector(current.target)) {
        endTour()
        return
      }
      setBox(boxOf(current.target))
      if (card.current) setCardHeight(card.current.offsetHeight)
    }
    measure()
    // The screens it points at load after the step starts (a patient opening, a tab's data).
    const timer = window.setInterval(measure, 250)
    window.addEventListener('resize', measure)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('resize', measure)
    }
  }, [current, step])

  useEffect(() => {
    if (current) next.current?.focus()
  }, [current])

  useEffect(() => {
    if (!current) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') endTour()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [current])

  if (step === null || !current) return null
  const last = step === TOUR_STEPS.length - 1
  const at = cardPosition(box, cardHeight)
  return (
    <>
      {box && (
        <div
          className="tour__outline"
          aria-hidden="true"
          style={{ top: box.top - 4, left: box.left - 4, width: box.width + 8, height: box.height + 8 }}
        />
      )}
      <div
        ref={card}
        className="tour__card"
        role="dialog"
        aria-modal="false"
        aria-labelledby="tour-title"
        aria-describedby="tour-body"
        style={{ top: at.top, left: at.left, width: CARD_WIDTH }}
      >
        <p className="tour__count">
          Tour · {step + 1} of {TOUR_STEPS.length}
        </p>
        <h2 id="tour-title" className="tour__title">
          {current.title}
        </h2>
        <p id="tour-body">{current.body}</p>
        <div className="button-row tour__actions">
          <button type="button" className="button button--ghost" onClick={endTour}>
            Skip tour
          </button>
          {step > 0 && (
            <button type="button" className="button" onClick={() => guideStore.getState().setTourStep(step - 1)}>
              Back
            </button>
          )}
          <button
            ref={next}
            type="button"
            className="button button--primary"
            onClick={() => (last ? endTour() : guideStore.getState().setTourStep(step + 1))}
          >
            {last ? 'Finish' : 'Next'}
          </button>
        </div>
      </div>
    </>
  )
}
