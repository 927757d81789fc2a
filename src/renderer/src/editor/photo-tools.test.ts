import { describe, expect, it } from 'vitest'
import type { Editor } from './editor'
import { doubleTap, drag, hover, makeEditor, objects, p, pointerAt, press, tap, tapAll } from './testing'

const measurements = (editor: Editor) => editor.getState().measures.measurements
const labels = (editor: Editor) => editor.getState().history.past.map((e) => e.label)
/** A drag in stage pixels: the pointer moves on the screen while the photo moves under it. */
function screenDrag(editor: Editor, from: [number, number], to: [number, number]) {
  const at = ([x, y]: [number, number]) => ({ screen: { x, y }, button: 0, shift: false, alt: false, time: 0 })
  editor.pointerDown(at(from))
  editor.pointerMove(at([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]))
  editor.pointerMove(at(to))
  editor.pointerUp(at(to))
}

const offset = (editor: Editor) => {
  const { x, y } = editor.viewport.getState().viewport
  return { x, y }
}

describe('the hand', () => {
  it('pans the photo by the distance dragged, and a click changes nothing', () => {
    const editor = makeEditor({ tool: 'hand' })
    tap(editor, 100, 100)
    expect(offset(editor)).toEqual({ x: 0, y: 0 })
    screenDrag(editor, [100, 100], [250, 130])
    expect(offset(editor)).toEqual({ x: 150, y: 30 })
    expect(editor.getState().history.past).toEqual([])
  })

  it('is in hand with any tool while Space is held, and the draft waits', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, [
      [100, 100],
      [300, 100],
    ])
    editor.setSpaceHeld(true)
    screenDrag(editor, [500, 500], [450, 500])
    editor.setSpaceHeld(false)
    expect(offset(editor)).toEqual({ x: -50, y: 0 })
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(100, 100), p(300, 100)] })
  })

  it('pans with the middle button whatever the tool', () => {
    const editor = makeEditor({ tool: 'select' })
    editor.pointerDown(pointerAt(editor, 100, 100, {}, 1))
    editor.pointerMove(pointerAt(editor, 120, 90, {}, 1))
    editor.pointerUp(pointerAt(editor, 120, 90, {}, 1))
    expect(offset(editor)).toEqual({ x: 20, y: -10 })
  })
})

describe('measuring', () => {
  it('measures a distance with two clicks; Backspace takes the first back, Escape drops it', () => {
    const editor = makeEditor()
    press(editor, 'm')
    tap(editor, 100, 100)
    press(editor, 'Backspace')
    expect(editor.getState().toolState.name).toBe('idle')
    tap(editor, 100, 100)
    press(editor, 'Escape')
    expect(editor.getState().toolState.name).toBe('idle')
    tapAll(editor, [
      [100, 100],
      [400, 500],
    ])
    expect(measurements(editor)).toMatchObject([{ kind: 'distance', points: [p(100, 100), p(400, 500)] }])
    expect(labels(editor)).toEqual(['Measure distance'])
    expect(objects(editor)).toEqual([])
  })

  it('closes an area on its first corner, on a double-click or on Enter', () => {
    const editor = makeEditor()
    press(editor, 'a')
    const square: [number, number][] = [
      [100, 100],
      [300, 100],
      [300, 300],
    ]
    tapAll(editor, [...square, [100, 100]])
    tapAll(editor, square)
    doubleTap(editor, 300, 300)
    tapAll(editor, square)
    press(editor, 'Enter')
    expect(measurements(editor).map((m) => m.points.length)).toEqual([3, 3, 3])
    expect(labels(editor)).toEqual(['Measure area', 'Measure area', 'Measure area'])
  })
})

describe('calibrating', () => {
  it('draws the ruler line by a press, a drag and a release as well as by two clicks', () => {
    const editor = makeEditor()
    press(editor, 'c')
    drag(editor, [100, 700], [600, 700], { taken: false })
    expect(editor.getState().toolState).toEqual({ name: 'awaiting-length', points: [p(100, 700), p(600, 700)] })
    editor.confirmRuler(50)
    expect(editor.getState().pxPerMm).toBe(10)
  })

  it('follows the pointer from the press while dragging', () => {
    const editor = makeEditor({ tool: 'calibrate' })
    drag(editor, [100, 700], [300, 700], { taken: false, release: false })
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(100, 700)] })
    expect(editor.getState().pointer).toEqual(p(300, 700))
  })

  it('drops the line waiting for its length on Escape, and a new click starts a new line', () => {
    const editor = makeEditor({ tool: 'calibrate' })
    tapAll(editor, [
      [100, 700],
      [600, 700],
    ])
    press(editor, 'Escape')
    expect(editor.getState().toolState.name).toBe('idle')
    tapAll(editor, [
      [100, 700],
      [600, 700],
      [200, 100],
    ])
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(200, 100)] })
    expect(editor.getState().measures.calibration).toBeNull()
  })
})

describe('an editor closed', () => {
  it('tells no listener of anything after dispose', () => {
    const editor = makeEditor({ tool: 'zone' })
    let heard = 0
    editor.subscribe(() => {
      heard += 1
    })
    tap(editor, 100, 100)
    expect(heard).toBeGreaterThan(0)
    const before = heard
    editor.dispose()
    expect(editor.getState().toolState.name).toBe('idle')
    const after = heard
    tap(editor, 200, 200)
    expect(after).toBeGreaterThanOrEqual(before)
    expect(heard).toBe(after)
  })
})

describe('placing a point from the keyboard', () => {
  it('places the drawing tool’s point where the pointer rests, and nothing once it has left', () => {
    const editor = makeEditor({ tool: 'zone' })
    for (const [x, y] of [
      [100, 100],
      [300, 100],
      [300, 300],
    ] as const) {
      hover(editor, x, y)
      expect(editor.placeAtPointer()).toBe(true)
    }
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(100, 100), p(300, 100), p(300, 300)] })
    hover(editor, 100, 100)
    editor.placeAtPointer()
    expect(objects(editor)).toHaveLength(1)
    editor.pointerLeave()
    expect(editor.placeAtPointer()).toBe(false)
  })
})
