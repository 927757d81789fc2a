import { type KeyboardEvent, type PointerEvent, type ReactNode, useRef, useState } from 'react'

/** Where the divider starts: half of each side. */
const START_PERCENT = 50
/** An arrow key moves the divider this far; with Shift or Page Up/Down, `BIG_STEP`. */
const STEP = 2
const BIG_STEP = 10

const clamp = (n: number) => Math.min(100, Math.max(0, n))

/**
 * Two layers of the same size stacked, `a` shown left of a divider and `b` right of it. The top
 * layer is clipped, not resized, so both keep one geometry and the photo lines up across the
 * divider; what is clipped away takes no pointer events, so the canvas under it is the one
 * panned there.
 */
export function SwipeStage(props: { a: ReactNode; b: ReactNode; labelA: string; labelB: string }) {
  const [percent, setPercent] = useState(START_PERCENT)
  const frame = useRef<HTMLDivElement>(null)

  const follow = (event: PointerEvent<HTMLDivElement>) => {
    const box = frame.current?.getBoundingClientRect()
    if (!box || box.width === 0) return
    setPercent(clamp(((event.clientX - box.left) / box.width) * 100))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP
    const next: Record<string, number> = {
      ArrowLeft: percent - step,
      ArrowDown: percent - step,
      ArrowRight: percent + step,
      ArrowUp: percent + step,
      PageDown: percent - BIG_STEP,
      PageUp: percent + BIG_STEP,
      Home: 0,
      End: 100,
    }
    const to = next[event.key]
    if (to === undefined) return
    event.preventDefault()
    // The review's zoom keys listen on the window; keys meant for the divider stop here.
    event.stopPropagation()
    setPercent(clamp(to))
  }

  return (
    <div ref={frame} className="review-swipe">
      <div className="review-swipe__layer" data-side="B">
        {props.b}
      </div>
      <div className="review-swipe__layer" data-side="A" style={{ clipPath: `inset(0 ${100 - percent}% 0 0)` }}>
        {props.a}
      </div>
      <span className="review-swipe__tag" style={{ left: 8 }}>
        {props.labelA}
      </span>
      <span className="review-swipe__tag" style={{ right: 8 }}>
        {props.labelB}
      </span>
      <div
        className="review-swipe__divider"
        style={{ left: `${percent}%` }}
        role="slider"
        tabIndex={0}
        aria-label="Swipe divider: side A to its left, side B to its right"
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={`${Math.round(percent)}% side A`}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId)
          follow(event)
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) follow(event)
        }}
      >
        <span className="review-swipe__grip" />
      </div>
    </div>
  )
}
