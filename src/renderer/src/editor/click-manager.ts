import { distance, type Point } from '../../../shared/geometry/point'

/** A pointer event as the canvas reports it: stage pixels, the button, the modifiers and when. */
export interface PointerInfo {
  screen: Point
  /** 0 the main button, 1 the middle one (which pans), 2 the secondary. */
  button: number
  shift: boolean
  alt: boolean
  /** Milliseconds, from the event's own clock; only differences count. */
  time: number
}

/** A pointer that moves less than this between press and release clicked rather than dragged. */
const CLICK_SLOP_PX = 4
/** Two clicks this close in time, and within the click slop of each other, are a double-click. */
const DOUBLE_CLICK_MS = 400

type MoveKind = 'hover' | 'held' | 'drag-start' | 'drag'
type ReleaseKind = 'click' | 'double-click' | 'drag-end' | 'none'

/**
 * Tells clicks, double-clicks and drags apart from plain pointer input. Browsers (and Konva)
 * report any two clicks within their interval as a double-click, wherever they were; quick
 * corner-by-corner clicking must not finish an outline, so only a second click on the same
 * spot counts here.
 */
export class ClickManager {
  private press: { at: Point; button: number; dragging: boolean } | null = null
  private lastClick: { at: Point; time: number } | null = null

  down(info: PointerInfo): void {
    this.press = { at: info.screen, button: info.button, dragging: false }
  }

  /** Where the press was, while one is held. */
  pressedAt(): Point | null {
    return this.press?.at ?? null
  }

  move(info: PointerInfo): MoveKind {
    const press = this.press
    if (!press) return 'hover'
    if (press.dragging) return 'drag'
    if (distance(press.at, info.screen) <= CLICK_SLOP_PX) return 'held'
    press.dragging = true
    return 'drag-start'
  }

  up(info: PointerInfo): ReleaseKind {
    const press = this.press
    this.press = null
    if (!press || press.button !== info.button) return 'none'
    if (press.dragging || distance(press.at, info.screen) > CLICK_SLOP_PX) return 'drag-end'
    const previous = this.lastClick
    const double =
      previous !== null &&
      info.time - previous.time < DOUBLE_CLICK_MS &&
      distance(previous.at, info.screen) <= CLICK_SLOP_PX
    this.lastClick = double ? null : { at: info.screen, time: info.time }
    return double ? 'double-click' : 'click'
  }

  /** The pointer left, or the gesture was dropped: whatever was held is no click. */
  cancel(): void {
    this.press = null
  }
}
