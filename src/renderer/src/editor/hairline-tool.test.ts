import { describe, expect, it } from 'vitest'
import type { HairlineObject } from '../../../shared/design/design-types'
import { tapeToFlatCm } from '../../../shared/design/forehead'
import { hairlineControls } from '../../../shared/design/hairline'
import { midlineOf } from '../../../shared/design/landmarks'
import { designReadouts } from '../../../shared/design/readouts'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import type { Editor } from './editor'
import { drag, expectStorable, makeEditor, near, objects, only, p, pointerAt, press, tap, tapAll } from './testing'

/**
 * Where a preset point sits on a front photo at 10 px/mm with the glabella at y 1200: its share of
 * the 8 cm height is measured with a tape over the forehead, which the photo shows flat, shorter.
 */
const flatY = (y: number) => 1200 - tapeToFlatCm(((1200 - y) / 800) * 8, CLINICAL_DEFAULTS.foreheadRadiusCm) * 100

/** An editor on a 1000 × 800 photo with the facial midline placed at x = 500, in the hairline tool. */
function withMidline(): Editor {
  const editor = makeEditor({ tool: 'landmark' })
  tapAll(editor, [
    [500, 750],
    [500, 50],
  ])
  press(editor, 'l')
  expect(editor.getState().tool).toBe('hairline')
  return editor
}

const hairline = (editor: Editor) => only(editor, 'hairline')

/** The control points as the artist sees them: the stored half and, when mirrored, its reflection. */
const drawn = (editor: Editor, h: HairlineObject = hairline(editor)) =>
  hairlineControls(h, midlineOf(editor.getState().document)).points

const labels = (editor: Editor) => editor.getState().history.past.map((e) => e.label)

/** The left half of a hairline from the temple in to the midline, ending 3 px short of it. */
const LEFT_HALF: [number, number][] = [
  [200, 500],
  [300, 350],
  [420, 300],
  [497, 290],
]

function drawLeftHalf(editor: Editor): HairlineObject {
  tapAll(editor, LEFT_HALF)
  expect(editor.getState().toolState.name).toBe('drawing')
  press(editor, 'Enter')
  expect(editor.getState().toolState.name).toBe('idle')
  return hairline(editor)
}

describe('drawing a hairline', () => {
  it('with mirror on, one half drawn becomes a symmetric hairline meeting on the midline', () => {
    const editor = withMidline()
    const h = drawLeftHalf(editor)
    // The last point, 3 px from the midline, was put on it.
    expect(h).toMatchObject({
      name: 'Hairline',
      mirror: true,
      featherMm: 4,
      irregularity: 0.5,
      points: [p(200, 500), p(300, 350), p(420, 300), p(500, 290)],
    })
    expect(drawn(editor)).toEqual([
      near(200, 500),
      near(300, 350),
      near(420, 300),
      near(500, 290),
      near(580, 300),
      near(700, 350),
      near(800, 500),
    ])
    expect(editor.getState().selection).toEqual([h.id])
    expect(labels(editor)).toEqual(['Place facial midline', 'Draw hairline'])
    expectStorable(editor)
  })

  it('leaves a last point more than three tolerances from the midline where it was', () => {
    const editor = withMidline()
    tapAll(editor, [
      [200, 500],
      [300, 350],
      [470, 300],
    ])
    press(editor, 'Enter')
    expect(hairline(editor).points.at(-1)).toEqual(p(470, 300))
    // Not on the midline, so both halves keep their own end there.
    expect(drawn(editor)).toEqual([
      near(200, 500),
      near(300, 350),
      near(470, 300),
      near(530, 300),
      near(700, 350),
      near(800, 500),
    ])
  })

  it('keeps a hairline drawn across the midline as drawn, unmirrored', () => {
    const editor = withMidline()
    tapAll(editor, [
      [200, 500],
      [500, 300],
      [800, 480],
    ])
    press(editor, 'Enter')
    expect(hairline(editor)).toMatchObject({ mirror: false, points: [p(200, 500), p(500, 300), p(800, 480)] })
    expect(drawn(editor)).toEqual([p(200, 500), p(500, 300), p(800, 480)])
  })

  it('with mirror off in the options, a half stays a half', () => {
    const editor = withMidline()
    editor.setOption('mirror', false)
    const h = drawLeftHalf(editor)
    expect(h.mirror).toBe(false)
    expect(drawn(editor)).toEqual([p(200, 500), p(300, 350), p(420, 300), p(497, 290)])
  })

  it('finishes on a double-click', () => {
    const editor = withMidline()
    tapAll(editor, LEFT_HALF)
    expect(editor.pointerDown(pointerAt(editor, 497, 290))).toBe(false)
    editor.pointerUp(pointerAt(editor, 497, 290))
    expect(hairline(editor).points).toEqual([p(200, 500), p(300, 350), p(420, 300), p(500, 290)])
  })
})

describe('editing a mirrored hairline', () => {
  it('dragging a stored point moves its reflection with it, as one undo step', () => {
    const editor = withMidline()
    drawLeftHalf(editor)
    const before = editor.getState().document
    drag(editor, [300, 350], [320, 330])
    expect(hairline(editor).points).toEqual([p(200, 500), p(320, 330), p(420, 300), p(500, 290)])
    expect(drawn(editor)[1]).toEqual(near(320, 330))
    expect(drawn(editor)[5]).toEqual(near(680, 330))
    expect(labels(editor).at(-1)).toBe('Move point')

    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(before)
  })

  it('dragging a reflected handle moves the stored original to its mirror position', () => {
    const editor = withMidline()
    drawLeftHalf(editor)
    drag(editor, [700, 350], [690, 365])
    expect(hairline(editor).points[1]).toEqual(near(310, 365))
    expect(drawn(editor)[1]).toEqual(near(310, 365))
    expect(drawn(editor)[5]).toEqual(near(690, 365))
    expectStorable(editor)
  })

  it('a press on the curve inserts a point there and drags it, all one undo step', () => {
    const editor = withMidline()
    // A straight hairline along y = 400 from x = 200 to its reflection at x = 800.
    tapAll(editor, [
      [200, 400],
      [500, 400],
    ])
    press(editor, 'Enter')
    expect(drawn(editor)).toEqual([near(200, 400), near(500, 400), near(800, 400)])
    const before = editor.getState().document
    const steps = editor.getState().history.past.length

    drag(editor, [350, 400], [340, 380])
    expect(hairline(editor).points).toEqual([p(200, 400), p(340, 380), p(500, 400)])
    expect(drawn(editor)).toEqual([near(200, 400), near(340, 380), near(500, 400), near(660, 380), near(800, 400)])
    expect(editor.getState().history.past).toHaveLength(steps + 1)
    expect(labels(editor).at(-1)).toBe('Insert point')

    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(before)
  })

  it('a click on the reflected half of the curve inserts a point there, mirrored onto the stored half', () => {
    const editor = withMidline()
    tapAll(editor, [
      [200, 400],
      [500, 400],
    ])
    press(editor, 'Enter')
    tap(editor, 650, 400)
    expect(hairline(editor).points).toEqual([p(200, 400), near(350, 400), p(500, 400)])
    expect(drawn(editor)[3]).toEqual(near(650, 400))
    expect(labels(editor).at(-1)).toBe('Insert point')
    expectStorable(editor)
  })

  it('Alt-click on a handle deletes that point and starts nothing new', () => {
    const editor = withMidline()
    const h = drawLeftHalf(editor)
    // (580, 300) is the reflection of the stored (420, 300).
    tap(editor, 580, 300, { alt: true })
    expect(hairline(editor).points).toEqual([p(200, 500), p(300, 350), p(500, 290)])
    expect(labels(editor).at(-1)).toBe('Delete point')
    expect(editor.getState().toolState.name).toBe('idle')
    expect(editor.getState().selection).toEqual([h.id])
    expect(objects(editor).filter((o) => o.kind === 'hairline')).toHaveLength(1)
  })

  it('Delete removes the point last clicked, on either half', () => {
    const editor = withMidline()
    const h = drawLeftHalf(editor)
    // A press and release on the reflection of the stored (300, 350) makes it the active point.
    tap(editor, 700, 350)
    expect(editor.getState().activePoint).toEqual({ id: h.id, index: 5 })
    expect(labels(editor).at(-1)).toBe('Draw hairline')
    press(editor, 'Delete')
    expect(hairline(editor).points).toEqual([p(200, 500), p(420, 300), p(500, 290)])
    expect(drawn(editor)).toEqual([near(200, 500), near(420, 300), near(500, 290), near(580, 300), near(800, 500)])
    expectStorable(editor)
  })

  it('Alt-click on a point the hairline cannot lose says so and keeps it', () => {
    const editor = withMidline()
    tapAll(editor, [
      [200, 400],
      [500, 400],
    ])
    press(editor, 'Enter')
    const before = editor.getState().document
    tap(editor, 200, 400, { alt: true })
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().notice).toBe('Hairline needs at least 2 points; delete the whole object instead.')
    expect(editor.getState().toolState.name).toBe('idle')
  })

  it('turning mirror off and on again keeps every drawn point where it was', () => {
    const editor = withMidline()
    const h = drawLeftHalf(editor)
    const shown = drawn(editor)

    editor.setHairlineMirror(h.id, false)
    expect(hairline(editor).mirror).toBe(false)
    expect(hairline(editor).points).toHaveLength(7)
    expect(drawn(editor)).toEqual(shown.map((q) => near(q.x, q.y)))
    expect(labels(editor).at(-1)).toBe('Unmirror hairline')

    editor.setHairlineMirror(h.id, true)
    expect(hairline(editor).mirror).toBe(true)
    expect(hairline(editor).points).toEqual([p(200, 500), p(300, 350), p(420, 300), p(500, 290)])
    expect(drawn(editor)).toEqual(shown.map((q) => near(q.x, q.y)))
    expectStorable(editor)
  })
})

describe('moving a whole mirrored hairline', () => {
  /** A straight mirrored hairline along y = 400, from x = 200 to its reflection at x = 800, selected. */
  function straight(): Editor {
    const editor = withMidline()
    tapAll(editor, [
      [200, 400],
      [500, 400],
    ])
    press(editor, 'Enter')
    press(editor, 'v')
    return editor
  }

  it('moves it only along the midline, so it stays whole and symmetric', () => {
    const editor = straight()
    drag(editor, [350, 400], [380, 380])
    // The 30 px sideways would pull the halves apart; the 20 px up is kept.
    expect(hairline(editor).points).toEqual([p(200, 380), p(500, 380)])
    expect(drawn(editor)).toEqual([near(200, 380), near(500, 380), near(800, 380)])
    expect(labels(editor).at(-1)).toBe('Move object')
    expectStorable(editor)
  })

  it('ignores the left and right arrows and follows up and down', () => {
    const editor = straight()
    const before = editor.getState().document
    press(editor, 'ArrowRight', { shift: true })
    expect(editor.getState().document).toBe(before)
    press(editor, 'ArrowDown', { shift: true })
    expect(hairline(editor).points).toEqual([p(200, 410), p(500, 410)])
  })

  it('moves it freely together with the midline', () => {
    const editor = straight()
    tap(editor, 500, 600, { shift: true })
    expect(editor.getState().selection).toHaveLength(2)
    drag(editor, [350, 400], [380, 380])
    expect(only(editor, 'landmark').points).toEqual([p(530, 730), p(530, 30)])
    expect(hairline(editor).points).toEqual([p(230, 380), p(530, 380)])
    expect(drawn(editor)).toEqual([near(230, 380), near(530, 380), near(830, 380)])
  })

  it('along a tilted midline stops where the hairline meets the top of the photo', () => {
    const editor = makeEditor({ tool: 'landmark' })
    // The midline rises 4 px for every 1 px to the right.
    tapAll(editor, [
      [400, 800],
      [600, 0],
    ])
    press(editor, 'l')
    tapAll(editor, [
      [100, 300],
      [300, 20],
    ])
    press(editor, 'Enter')
    expect(hairline(editor).mirror).toBe(true)
    editor.viewport.setState({ viewport: { scale: 0.125, x: 0, y: 0 } })
    // Shift+Up at 1/8 zoom asks for 80 px up; 20 px up the midline (and 5 px right) reaches the edge.
    press(editor, 'ArrowUp', { shift: true })
    expect(hairline(editor).points).toEqual([near(105, 280), near(305, 0)])
    expectStorable(editor)
  })
})

describe('hairline presets', () => {
  // A 2000 × 1600 photo at 10 px per mm: the preset's 8 cm mid-frontal height is 800 px.
  const IMAGE = { width: 2000, height: 1600 }

  it('sit the rounded preset 8.0 cm above the glabella, and one undo removes it with the midline it made', () => {
    const editor = makeEditor({ tool: 'landmark', image: IMAGE, pxPerMm: 10 })
    editor.setOption('landmarkRole', 'glabella')
    tap(editor, 1000, 1200)
    const withGlabella = editor.getState().document

    editor.applyPreset('rounded')
    const midline = objects(editor).find((o) => o.kind === 'landmark' && o.role === 'midline')
    // Down the middle of the photo, from 10 % to 90 % of its height.
    expect(midline?.points).toEqual([p(1000, 160), p(1000, 1440)])
    const h = hairline(editor)
    // Temple offset 6.7 cm and height 8 cm over the forehead, scaled by the preset's fractions, to the left of the glabella.
    expect(h.mirror).toBe(true)
    expect(h.points).toEqual([
      near(430.5, flatY(760)),
      near(330, flatY(344)),
      near(631.5, flatY(368)),
      near(1000, flatY(400)),
    ])
    expect(editor.getState().selection).toEqual([h.id])

    const readout = designReadouts(editor.getState().document, 10).hairlines.get(h.id)
    expect(readout?.tapeHeight?.unit).toBe('cm')
    expect(readout?.tapeHeight?.value).toBeCloseTo(8.0, 6)
    // Flat on the photo the same height reads shorter: about 6.7 cm over an 8 cm forehead radius.
    expect(readout?.height?.value).toBeCloseTo(6.73, 2)

    expect(labels(editor)).toEqual(['Place glabella', 'Add hairline preset'])
    expectStorable(editor)

    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(withGlabella)
    expect(objects(editor).map((o) => o.name)).toEqual(['Glabella'])
    expect(editor.getState().selection).toEqual([])
  })

  it('use the midline already placed, and undo leaves it', () => {
    const editor = makeEditor({ tool: 'landmark', image: IMAGE, pxPerMm: 10 })
    tapAll(editor, [
      [1000, 1500],
      [1000, 100],
      [1000, 1200],
    ])
    const placed = editor.getState().document
    editor.applyPreset('rounded')
    expect(objects(editor).map((o) => o.name)).toEqual(['Facial midline', 'Glabella', 'Hairline'])
    const h = hairline(editor)
    expect(drawn(editor, h)).toEqual([
      near(430.5, flatY(760)),
      near(330, flatY(344)),
      near(631.5, flatY(368)),
      near(1000, flatY(400)),
      near(1368.5, flatY(368)),
      near(1670, flatY(344)),
      near(1569.5, flatY(760)),
    ])
    expect(designReadouts(editor.getState().document, 10).hairlines.get(h.id)?.tapeHeight?.value).toBeCloseTo(8.0, 6)

    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(placed)
  })

  it('keep their true size on a photo too short for them, holding the points past its top at the edge and saying so', () => {
    // 700 px tall: the fronto-temporal points (1.07 × 8 cm = 856 px above a glabella at y 600) fall past the top.
    const editor = makeEditor({ tool: 'landmark', image: { width: 2000, height: 700 }, pxPerMm: 10 })
    editor.setOption('landmarkRole', 'glabella')
    tap(editor, 1000, 600)
    editor.applyPreset('rounded')
    const h = hairline(editor)
    expect(Math.min(...h.points.map((point) => point.y))).toBe(0)
    expect(designReadouts(editor.getState().document, 10).hairlines.get(h.id)?.height?.value).toBeCloseTo(6.0, 6)
    expect(editor.getState().notice).toMatch(/beyond the photo/)
    expectStorable(editor)
  })

  it('say nothing when the whole preset lies on the photo', () => {
    const editor = makeEditor({ tool: 'landmark', image: IMAGE, pxPerMm: 10 })
    editor.setOption('landmarkRole', 'glabella')
    tap(editor, 1000, 1200)
    editor.applyPreset('straight')
    expect(editor.getState().notice).toBeNull()
  })
})
