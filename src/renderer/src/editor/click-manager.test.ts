import { describe, expect, it } from 'vitest'
import { ClickManager, type PointerInfo } from './click-manager'

const at = (x: number, y: number, time: number, button = 0): PointerInfo => ({
  screen: { x, y },
  button,
  shift: false,
  alt: false,
  time,
})

/** A press and release on one spot at `time`: what the manager made of it. */
function click(clicks: ClickManager, x: number, y: number, time: number) {
  clicks.down(at(x, y, time))
  return clicks.up(at(x, y, time + 50))
}

describe('ClickManager', () => {
  it('takes a press and release on one spot for a click', () => {
    expect(click(new ClickManager(), 10, 10, 0)).toBe('click')
  })

  it('takes a second click on the same spot within the interval for a double-click', () => {
    const clicks = new ClickManager()
    expect(click(clicks, 10, 10, 0)).toBe('click')
    expect(click(clicks, 12, 11, 300)).toBe('double-click')
    // A third click starts afresh rather than making a second double-click.
    expect(click(clicks, 12, 11, 500)).toBe('click')
  })

  it('does not take two quick clicks on different spots for a double-click', () => {
    const clicks = new ClickManager()
    expect(click(clicks, 10, 10, 0)).toBe('click')
    expect(click(clicks, 60, 10, 100)).toBe('click')
  })

  it('does not take two clicks on one spot far apart in time for a double-click', () => {
    const clicks = new ClickManager()
    expect(click(clicks, 10, 10, 0)).toBe('click')
    expect(click(clicks, 10, 10, 450)).toBe('click')
  })

  it('lets the pointer wander within the slop and still click', () => {
    const clicks = new ClickManager()
    clicks.down(at(10, 10, 0))
    expect(clicks.move(at(13, 10, 10))).toBe('held')
    expect(clicks.up(at(13, 12, 20))).toBe('click')
  })

  it('starts a drag once the pointer leaves the slop, and ends it on release', () => {
    const clicks = new ClickManager()
    expect(clicks.move(at(0, 0, 0))).toBe('hover')
    clicks.down(at(10, 10, 0))
    expect(clicks.move(at(15, 10, 10))).toBe('drag-start')
    expect(clicks.pressedAt()).toEqual({ x: 10, y: 10 })
    // Back inside the slop it is still a drag.
    expect(clicks.move(at(11, 10, 20))).toBe('drag')
    expect(clicks.up(at(11, 10, 30))).toBe('drag-end')
    expect(clicks.pressedAt()).toBeNull()
  })

  it('forgets a press the pointer took away (it left the canvas)', () => {
    const clicks = new ClickManager()
    clicks.down(at(10, 10, 0))
    clicks.cancel()
    expect(clicks.up(at(10, 10, 20))).toBe('none')
  })
})
