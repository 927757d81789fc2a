import './onboarding.css'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { usePhotoActions } from '../photos/photos-context'
import { guideStore, useGuide } from './guide-store'
import { type Box, GAP, placeCard } from './tour-placement'
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

function boxOf(element: Element | null): Box | null {
  if (!element) return null
  const r = element.getBoundingClientRect()
  return r.width > 0 && r.height > 0 ? { top: r.top, left: r.left, width: r.width, height: r.height } : null
}

const CARD_WIDTH = 340

/** The headings the card must leave readable: the page's title. */
const titles = () => [...document.querySelectorAll('h1')].map(boxOf).filter((box): box is Box => box !== null)

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
      setBox(boxOf(document.querySelector(current.target) ?? document.querySelector('.workspace')))
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
  const width = Math.min(CARD_WIDTH, window.innerWidth - GAP * 2)
  const at = placeCard(
    { width, height: cardHeight },
    { width: window.innerWidth, height: window.innerHeight },
    box,
    titles(),
  )
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
        style={{ top: at.top, left: at.left, width }}
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
