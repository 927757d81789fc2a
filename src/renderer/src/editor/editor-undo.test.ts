import { describe, expect, it } from 'vitest'
import type { DesignDocument } from '../../../shared/design/design-types'
import type { Editor } from './editor'
import { byName, drag, expectStorable, makeEditor, objects, p, press, release, tap, tapAll } from './testing'

const undoKey = (editor: Editor) => press(editor, 'z', { mod: true })
const redoKey = (editor: Editor) => press(editor, 'Z', { mod: true, shift: true })
const labels = (editor: Editor) => editor.getState().history.past.map((e) => e.label)

/** Zone "Frontal" over x/y 100–300 and zone "Frontal 2" over 500–700, drawn with the zone tool. */
function twoZones(): Editor {
  const editor = makeEditor({ tool: 'zone' })
  tapAll(editor, [
    [100, 100],
    [300, 100],
    [300, 300],
    [100, 300],
  ])
  press(editor, 'Enter')
  tapAll(editor, [
    [500, 500],
    [700, 500],
    [700, 700],
    [500, 700],
  ])
  press(editor, 'Enter')
  press(editor, 'v')
  return editor
}

describe('undo and redo', () => {
  it('undo each change in turn restores each earlier document exactly; redo re-applies each', () => {
    const editor = makeEditor({ tool: 'zone' })
    const documents: DesignDocument[] = [editor.getState().document]
    const copies: DesignDocument[] = [structuredClone(documents[0] as DesignDocument)]
    const keep = () => {
      documents.push(editor.getState().document)
      copies.push(structuredClone(editor.getState().document))
    }

    tapAll(editor, [
      [100, 100],
      [300, 100],
      [300, 300],
    ])
    press(editor, 'Enter')
    keep()
    tapAll(editor, [
      [500, 500],
      [700, 500],
      [700, 700],
    ])
    press(editor, 'Enter')
    keep()
    const second = byName(editor, 'Frontal 2').id
    editor.updateObject(second, { density: 120 }, 'Density')
    keep()
    press(editor, 'v')
    drag(editor, [650, 550], [670, 560])
    keep()
    press(editor, 'Delete')
    keep()
    expect(labels(editor)).toEqual(['Draw zone', 'Draw zone', 'Density', 'Move object', 'Delete object'])
    expect(objects(editor).map((o) => o.name)).toEqual(['Frontal'])

    for (let i = 4; i >= 0; i--) {
      undoKey(editor)
      expect(editor.getState().document).toBe(documents[i])
      expect(editor.getState().document).toEqual(copies[i])
    }
    expect(objects(editor)).toEqual([])
    for (let i = 1; i <= 5; i++) {
      redoKey(editor)
      expect(editor.getState().document).toBe(documents[i])
      expect(editor.getState().document).toEqual(copies[i])
    }
    // Ctrl+Y redoes too, but there is nothing left to redo.
    press(editor, 'y', { mod: true })
    expect(editor.getState().document).toBe(documents[5])
  })

  it('a drag with many moves is one step', () => {
    const editor = twoZones()
    tap(editor, 150, 150)
    const before = editor.getState().document
    drag(editor, [150, 150], [190, 110], { steps: 25 })
    expect(byName(editor, 'Frontal').points).toEqual([p(140, 60), p(340, 60), p(340, 260), p(140, 260)])
    expect(labels(editor)).toEqual(['Draw zone', 'Draw zone', 'Move object'])
    undoKey(editor)
    expect(editor.getState().document).toBe(before)
    // The moved object stays selected, ready to try again.
    expect(editor.getState().selection).toEqual([byName(editor, 'Frontal').id])
  })

  it('Escape in the middle of a drag puts everything back and makes no step', () => {
    const editor = twoZones()
    const before = editor.getState().document
    const history = editor.getState().history
    drag(editor, [150, 150], [250, 250], { release: false })
    expect(byName(editor, 'Frontal').points[0]).toEqual(p(200, 200))

    press(editor, 'Escape')
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().history).toBe(history)
    expect(editor.getState().toolState.name).toBe('idle')
    // The button is released later: nothing more happens.
    release(editor, 250, 250)
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().history).toBe(history)
  })

  it('Ctrl+Z in the middle of a drag takes back the drag only', () => {
    const editor = twoZones()
    const before = editor.getState().document
    drag(editor, [150, 150], [250, 250], { release: false })
    undoKey(editor)
    expect(editor.getState().document).toBe(before)
    expect(objects(editor).map((o) => o.name)).toEqual(['Frontal', 'Frontal 2'])
  })

  it('Ctrl+Z while drawing drops the draft only, not the zone drawn before it', () => {
    const editor = twoZones()
    press(editor, 'z')
    const before = editor.getState().document
    tapAll(editor, [
      [800, 100],
      [900, 100],
    ])
    undoKey(editor)
    expect(editor.getState().toolState.name).toBe('idle')
    expect(editor.getState().document).toBe(before)
    undoKey(editor)
    expect(objects(editor).map((o) => o.name)).toEqual(['Frontal'])
  })

  it('typing into a field is one step, and only consecutive edits of one field merge', () => {
    const editor = twoZones()
    const id = byName(editor, 'Frontal').id
    const before = editor.getState().document
    for (const name of ['F', 'Fo', 'For', 'Fore', 'Forehead']) editor.updateObject(id, { name }, 'Rename', `name:${id}`)
    expect(labels(editor)).toEqual(['Draw zone', 'Draw zone', 'Rename'])
    undoKey(editor)
    expect(editor.getState().document).toBe(before)
    expect(byName(editor, 'Frontal').id).toBe(id)
    redoKey(editor)
    expect(byName(editor, 'Forehead').id).toBe(id)

    for (const density of [1, 13, 130]) editor.updateObject(id, { density }, 'Density', `density:${id}`)
    editor.updateObject(id, { name: 'Forehead zone' }, 'Rename', `name:${id}`)
    expect(labels(editor)).toEqual(['Draw zone', 'Draw zone', 'Rename', 'Density', 'Rename'])
    undoKey(editor)
    undoKey(editor)
    expect(byName(editor, 'Forehead')).toMatchObject({ density: 150 })
  })

  it('a new change after undo clears what could be redone', () => {
    const editor = twoZones()
    undoKey(editor)
    expect(editor.getState().history.future).toHaveLength(1)
    const id = byName(editor, 'Frontal').id
    editor.updateObject(id, { density: 120 }, 'Density')
    expect(editor.getState().history.future).toEqual([])
    const after = editor.getState().document
    redoKey(editor)
    expect(editor.getState().document).toBe(after)
    expect(objects(editor).map((o) => o.name)).toEqual(['Frontal'])
  })

  it('undo and redo never leave the selection or the active point on an object that is gone', () => {
    const editor = twoZones()
    const second = byName(editor, 'Frontal 2').id
    tap(editor, 600, 600)
    tap(editor, 700, 700)
    expect(editor.getState().activePoint).toEqual({ id: second, index: 2 })

    undoKey(editor)
    expect(editor.getState().selection).toEqual([])
    expect(editor.getState().activePoint).toBeNull()

    redoKey(editor)
    tap(editor, 600, 600)
    press(editor, 'Delete')
    expect(editor.getState().selection).toEqual([])
    undoKey(editor)
    // Selected again, then deleted again by redo.
    tap(editor, 600, 600)
    tap(editor, 500, 500)
    expect(editor.getState().selection).toEqual([second])
    expect(editor.getState().activePoint).toEqual({ id: second, index: 0 })
    redoKey(editor)
    expect(objects(editor).map((o) => o.name)).toEqual(['Frontal'])
    expect(editor.getState().selection).toEqual([])
    expect(editor.getState().activePoint).toBeNull()
    expectStorable(editor)
  })

  it('a drag that ends where it started makes no step', () => {
    const editor = twoZones()
    tap(editor, 150, 150)
    const before = editor.getState().document
    drag(editor, [150, 150], [150, 150])
    expect(labels(editor)).toEqual(['Draw zone', 'Draw zone'])
    expect(editor.getState().document).toBe(before)
  })
})

describe('the photo’s measures (measurements, calibration)', () => {
  const measurements = (editor: Editor) => editor.getState().measures.measurements

  it('take their turn in the one undo history with the design steps, in reverse order', () => {
    const editor = twoZones()
    const zones = editor.getState().document
    press(editor, 'm')
    tapAll(editor, [
      [100, 750],
      [400, 750],
    ])
    expect(measurements(editor)).toMatchObject([{ kind: 'distance', label: '', points: [p(100, 750), p(400, 750)] }])
    editor.select([byName(editor, 'Frontal').id])
    press(editor, 'Delete')
    expect(objects(editor)).toHaveLength(1)

    undoKey(editor)
    expect(objects(editor)).toHaveLength(2)
    expect(measurements(editor)).toHaveLength(1)

    undoKey(editor)
    expect(measurements(editor)).toEqual([])
    expect(editor.getState().document).toBe(zones)

    undoKey(editor)
    expect(objects(editor)).toHaveLength(1)
    expect(labels(editor)).toEqual(['Draw zone'])

    redoKey(editor)
    redoKey(editor)
    expect(measurements(editor)).toHaveLength(1)
    expect(objects(editor)).toHaveLength(2)
  })

  it('rename and delete a measurement as undo steps, and undo brings it back as it was', () => {
    const editor = makeEditor({
      measurements: [{ id: 'm1', kind: 'distance', label: '', points: [p(0, 0), p(30, 40)] }],
    })
    editor.renameMeasurement('m1', 'Temple')
    editor.deleteMeasurement('m1')
    expect(measurements(editor)).toEqual([])
    expect(labels(editor)).toEqual(['Rename measurement', 'Delete measurement'])
    undoKey(editor)
    expect(measurements(editor)).toEqual([
      { id: 'm1', kind: 'distance', label: 'Temple', points: [p(0, 0), p(30, 40)] },
    ])
    undoKey(editor)
    expect(measurements(editor)[0]?.label).toBe('')
  })

  it('calibrate from a ruler line and its length; undo takes the scale back', () => {
    const editor = makeEditor()
    press(editor, 'c')
    tapAll(editor, [
      [100, 700],
      [600, 700],
    ])
    expect(editor.getState().toolState).toEqual({ name: 'awaiting-length', points: [p(100, 700), p(600, 700)] })
    editor.confirmRuler(50)
    expect(editor.getState().measures.calibration).toEqual({ a: p(100, 700), b: p(600, 700), lengthMm: 50 })
    expect(editor.getState().pxPerMm).toBe(10)
    expect(editor.getState().tool).toBe('select')
    expect(labels(editor)).toEqual(['Calibrate'])
    undoKey(editor)
    expect(editor.getState().measures.calibration).toBeNull()
    expect(editor.getState().pxPerMm).toBeNull()
  })
})
