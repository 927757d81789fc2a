import { describe, expect, it } from 'vitest'
import { type DesignDocument, emptyDesign } from '../../../shared/design/design-types'
import { newPin } from '../shapes/pin/pin-shape'
import { newZone } from '../shapes/zone/zone-shape'
import { addObject } from './commands'
import type { Editor } from './editor'
import { drag, expectStorable, makeEditor, objects, p, press, release, tap } from './testing'

/**
 * Zone A spans x/y 100–300; zone B, drawn over it, spans 200–400; a pin sits at (700, 600).
 * Where they overlap (200–300) B is on top.
 */
function scene(extra: (document: DesignDocument) => DesignDocument = (d) => d) {
  let document = emptyDesign()
  const a = newZone(document, [p(100, 100), p(300, 100), p(300, 300), p(100, 300)], 'frontal')
  document = addObject(document, a)
  const b = newZone(document, [p(200, 200), p(400, 200), p(400, 400), p(200, 400)], 'crown')
  document = addObject(document, b)
  const pin = newPin(document, p(700, 600))
  document = extra(addObject(document, pin))
  const editor = makeEditor({ tool: 'select', document })
  return { editor, a: a.id, b: b.id, pin: pin.id }
}

const pointsOf = (editor: Editor, id: string) => objects(editor).find((o) => o.id === id)?.points
const selection = (editor: Editor) => editor.getState().selection
const labels = (editor: Editor) => editor.getState().history.past.map((e) => e.label)

describe('picking objects', () => {
  it('a click selects the topmost object under it, and a click on empty photo clears the selection', () => {
    const { editor, a, b } = scene()
    tap(editor, 250, 250)
    expect(selection(editor)).toEqual([b])
    tap(editor, 150, 150)
    expect(selection(editor)).toEqual([a])
    tap(editor, 600, 100)
    expect(selection(editor)).toEqual([])
    expect(editor.getState().history.past).toEqual([])
  })

  it('a pin inside a zone is picked before the zone, even drawn beneath it', () => {
    let pinId = ''
    const { editor } = scene((d) => {
      const pin = newPin(d, p(350, 350))
      pinId = pin.id
      // Put the pin first, under both zones.
      return { ...d, objects: [pin, ...d.objects] }
    })
    tap(editor, 352, 351)
    expect(selection(editor)).toEqual([pinId])
  })

  it('Shift-click adds an object to the selection and takes a selected one out', () => {
    const { editor, a, b } = scene()
    tap(editor, 150, 150)
    tap(editor, 380, 380, { shift: true })
    expect(selection(editor)).toEqual([a, b])
    tap(editor, 150, 150, { shift: true })
    expect(selection(editor)).toEqual([b])
  })

  it('a marquee selects the objects lying wholly inside it', () => {
    const { editor, a, b, pin } = scene()
    drag(editor, [50, 50], [320, 320], { release: false })
    expect(editor.getState().toolState.name).toBe('marquee')
    release(editor, 320, 320)
    // B reaches to 400, outside the marquee.
    expect(selection(editor)).toEqual([a])
    expect(editor.getState().toolState.name).toBe('idle')

    drag(editor, [50, 50], [450, 450])
    expect(selection(editor)).toEqual([a, b])

    // With Shift the marquee adds to what was selected.
    tap(editor, 700, 600)
    drag(editor, [50, 50], [320, 320], { shift: true })
    expect(selection(editor)).toEqual([pin, a])
  })

  it('locked and hidden objects are not picked on the canvas, by click, marquee or Select all', () => {
    const { editor, a, b, pin } = scene()
    editor.updateObject(a, { locked: true }, 'Lock')
    editor.updateObject(b, { hidden: true }, 'Hide')
    tap(editor, 150, 150)
    expect(selection(editor)).toEqual([])
    tap(editor, 380, 380)
    expect(selection(editor)).toEqual([])
    drag(editor, [10, 10], [990, 790])
    expect(selection(editor)).toEqual([pin])
    press(editor, 'Escape')
    press(editor, 'a', { mod: true })
    expect(selection(editor)).toEqual([pin])

    // A drag from the locked zone is a marquee: the zone stays put.
    const before = editor.getState().document
    drag(editor, [150, 150], [180, 170])
    expect(editor.getState().document).toBe(before)
  })
})

describe('moving objects', () => {
  it('dragging moves every selected object by the distance dragged, as one step', () => {
    const { editor, a, b, pin } = scene()
    tap(editor, 150, 150)
    tap(editor, 380, 380, { shift: true })
    drag(editor, [150, 150], [180, 170], { steps: 10 })
    expect(pointsOf(editor, a)).toEqual([p(130, 120), p(330, 120), p(330, 320), p(130, 320)])
    expect(pointsOf(editor, b)).toEqual([p(230, 220), p(430, 220), p(430, 420), p(230, 420)])
    expect(pointsOf(editor, pin)).toEqual([p(700, 600)])
    expect(labels(editor)).toEqual(['Move objects'])
    expectStorable(editor)
  })

  it('a locked object selected from the objects panel stays put while the others move', () => {
    const { editor, a, pin } = scene()
    editor.updateObject(pin, { locked: true }, 'Lock')
    editor.select([a, pin])
    drag(editor, [150, 150], [160, 150])
    expect(pointsOf(editor, a)?.[0]).toEqual(p(110, 100))
    expect(pointsOf(editor, pin)).toEqual([p(700, 600)])
  })

  it('a drag stops where the selection meets the edge of the photo', () => {
    const { editor, b } = scene()
    tap(editor, 380, 380)
    // 700 right and 620 down would take B (200–400) past the 1000 × 800 photo.
    drag(editor, [380, 380], [1080, 1000])
    expect(pointsOf(editor, b)).toEqual([p(800, 600), p(1000, 600), p(1000, 800), p(800, 800)])
    expectStorable(editor)
  })

  it('a press and release without a move changes nothing', () => {
    const { editor } = scene()
    const before = editor.getState().document
    tap(editor, 150, 150)
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().history.past).toEqual([])
  })
})

describe('arrow keys', () => {
  it('nudge by one screen pixel, ten with Shift, at any zoom, as one undo step', () => {
    const { editor, a } = scene()
    editor.viewport.setState({ viewport: { scale: 4, x: 0, y: 0 } })
    tap(editor, 150, 150)
    const before = editor.getState().document
    press(editor, 'ArrowRight')
    expect(pointsOf(editor, a)?.[0]).toEqual(p(100.25, 100))
    press(editor, 'ArrowRight', { shift: true })
    press(editor, 'ArrowDown', { shift: true })
    press(editor, 'ArrowLeft')
    press(editor, 'ArrowUp')
    // x: +0.25 +2.5 −0.25; y: +2.5 −0.25.
    expect(pointsOf(editor, a)).toEqual([p(102.5, 102.25), p(302.5, 102.25), p(302.5, 302.25), p(102.5, 302.25)])
    expect(labels(editor)).toEqual(['Nudge'])

    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(before)
  })

  it('at 100 % move 1 and 10 image pixels, and stop at the photo edge', () => {
    const { editor, pin } = scene()
    tap(editor, 700, 600)
    press(editor, 'ArrowRight')
    press(editor, 'ArrowDown', { shift: true })
    expect(pointsOf(editor, pin)).toEqual([p(701, 610)])

    editor.updateObject(pin, { points: [p(995, 600)] }, 'Move')
    press(editor, 'ArrowRight', { shift: true })
    expect(pointsOf(editor, pin)).toEqual([p(1000, 600)])
    const atEdge = editor.getState().document
    const steps = editor.getState().history.past.length
    press(editor, 'ArrowRight')
    expect(editor.getState().document).toBe(atEdge)
    expect(editor.getState().history.past).toHaveLength(steps)
  })

  it('do nothing with nothing selected', () => {
    const { editor } = scene()
    const before = editor.getState().document
    press(editor, 'ArrowRight')
    expect(editor.getState().document).toBe(before)
  })
})

describe('Delete', () => {
  it('removes the selected objects as one step, and undo brings them back', () => {
    const { editor, a, b, pin } = scene()
    tap(editor, 150, 150)
    tap(editor, 380, 380, { shift: true })
    const before = editor.getState().document
    press(editor, 'Delete')
    expect(objects(editor).map((o) => o.id)).toEqual([pin])
    expect(selection(editor)).toEqual([])
    expect(labels(editor)).toEqual(['Delete 2 objects'])
    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(before)
    expect(objects(editor).map((o) => o.id)).toEqual([a, b, pin])
  })

  it('leaves a locked object in the selection alone', () => {
    const { editor, a, b, pin } = scene()
    editor.updateObject(pin, { locked: true }, 'Lock')
    editor.select([a, pin])
    press(editor, 'Delete')
    expect(objects(editor).map((o) => o.id)).toEqual([b, pin])
  })
})

describe('control points', () => {
  /**
   * A zone with a notch: corners A (100,100), B (300,100), C (300,300), D (200,120), E (100,300).
   * Without A the edge E–B would cross C–D; without D it is the square 100–300.
   */
  function notched() {
    let document = emptyDesign()
    const zone = newZone(document, [p(100, 100), p(300, 100), p(300, 300), p(200, 120), p(100, 300)], 'frontal')
    document = addObject(document, zone)
    const editor = makeEditor({ tool: 'select', document })
    tap(editor, 150, 110)
    expect(selection(editor)).toEqual([zone.id])
    return { editor, id: zone.id }
  }

  it('a click on a corner of the selected zone makes it the active point', () => {
    const { editor, id } = notched()
    tap(editor, 201, 121)
    expect(editor.getState().activePoint).toEqual({ id, index: 3 })
    expect(editor.getState().history.past).toEqual([])
  })

  it('Delete removes the active point only, and refuses one that would make the outline cross itself', () => {
    const { editor, id } = notched()
    tap(editor, 100, 100)
    const before = editor.getState().document
    press(editor, 'Delete')
    expect(editor.getState().notice).toBe('Without that point the outline would cross itself.')
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().history.past).toEqual([])

    tap(editor, 200, 120)
    press(editor, 'Delete')
    expect(pointsOf(editor, id)).toEqual([p(100, 100), p(300, 100), p(300, 300), p(100, 300)])
    expect(editor.getState().notice).toBeNull()
    expect(selection(editor)).toEqual([id])
    expect(labels(editor)).toEqual(['Delete point'])
    expectStorable(editor)
  })

  it('Delete refuses to leave a zone with fewer than three corners', () => {
    const { editor, id } = notched()
    tap(editor, 200, 120)
    press(editor, 'Delete')
    tap(editor, 300, 300)
    press(editor, 'Delete')
    expect(pointsOf(editor, id)).toEqual([p(100, 100), p(300, 100), p(100, 300)])
    tap(editor, 100, 100)
    press(editor, 'Delete')
    expect(pointsOf(editor, id)).toHaveLength(3)
    expect(editor.getState().notice).toBe('Frontal needs at least 3 points; delete the whole object instead.')
    expectStorable(editor)
  })

  it('Alt-click on a corner deletes it, and a refusal stays on screen', () => {
    const { editor, id } = notched()
    tap(editor, 100, 100, { alt: true })
    expect(editor.getState().notice).toBe('Without that point the outline would cross itself.')
    expect(pointsOf(editor, id)).toHaveLength(5)
    tap(editor, 200, 120, { alt: true })
    expect(pointsOf(editor, id)).toEqual([p(100, 100), p(300, 100), p(300, 300), p(100, 300)])
  })

  it('dragging a corner moves it as one step; a drag that would cross the outline puts it back', () => {
    let document = emptyDesign()
    const zone = newZone(document, [p(100, 100), p(300, 100), p(300, 300), p(100, 300)], 'frontal')
    document = addObject(document, zone)
    const editor = makeEditor({ tool: 'select', document })
    tap(editor, 200, 200)

    drag(editor, [300, 300], [350, 320])
    expect(pointsOf(editor, zone.id)).toEqual([p(100, 100), p(300, 100), p(350, 320), p(100, 300)])
    expect(labels(editor)).toEqual(['Move point'])

    // Taking that corner to (50, 200) would make the edge from (300, 100) cross the left edge.
    const before = editor.getState().document
    drag(editor, [350, 320], [50, 200])
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().notice).toBe('That would make the outline cross itself, so the point went back.')
    expect(labels(editor)).toEqual(['Move point'])
  })

  it('a midline end dropped on its other end goes back, since a midline needs two points', () => {
    const editor = makeEditor({ tool: 'landmark' })
    tap(editor, 500, 750)
    tap(editor, 500, 50)
    press(editor, 'v')
    tap(editor, 500, 400)
    const before = editor.getState().document
    drag(editor, [500, 50], [500, 750])
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().notice).toBe('The midline needs two different points, so the point went back.')
    expectStorable(editor)
  })
})

describe('zones the plan treats', () => {
  it('are not deleted; the notice names the sessions to change first', () => {
    const { editor, a, b } = scene()
    editor.setTreatedZones(new Map([[a, 'Session 1 (3 Mar 2026), Session 2 (17 Mar 2026)']]))
    tap(editor, 150, 150)
    press(editor, 'Delete')
    expect(objects(editor).map((o) => o.id)).toContain(a)
    expect(editor.getState().notice).toMatch(/treated in Session 1 \(3 Mar 2026\), Session 2 \(17 Mar 2026\)/)
    expect(editor.getState().history.past).toEqual([])
    tap(editor, 350, 350)
    press(editor, 'Delete')
    expect(objects(editor).map((o) => o.id)).not.toContain(b)
  })
})
