import { describe, expect, it } from 'vitest'
import type { HairlineObject } from '../../../shared/design/design-types'
import { tapeToFlatCm } from '../../../shared/design/forehead'
import { designReadouts } from '../../../shared/design/readouts'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import type { Editor } from './editor'
import { expectStorable, makeEditor, objects, only, press, tap, tapAll } from './testing'

// A 2000 × 1600 photo at 10 px per mm with the glabella at (1000, 1200): 1 cm is 100 px.
const IMAGE = { width: 2000, height: 1600 }

function withGlabella(): Editor {
  const editor = makeEditor({ tool: 'landmark', image: IMAGE, pxPerMm: 10 })
  editor.setOption('landmarkRole', 'glabella')
  tap(editor, 1000, 1200)
  editor.setTool('hairline')
  return editor
}

const hairlines = (editor: Editor) => objects(editor).filter((o): o is HairlineObject => o.kind === 'hairline')
const labels = (editor: Editor) => editor.getState().history.past.map((e) => e.label)

/** The points a preset gets on its own, in a fresh editor over the same photo. */
function presetPoints(preset: 'rounded' | 'straight' | 'widows-peak') {
  const editor = withGlabella()
  editor.applyPreset(preset)
  return only(editor, 'hairline').points
}

describe('a hairline preset applied while a hairline is selected', () => {
  it('replaces that hairline: trying two presets leaves one hairline', () => {
    const editor = withGlabella()
    editor.applyPreset('rounded')
    editor.applyPreset('widows-peak')
    editor.applyPreset('straight')
    expect(hairlines(editor)).toHaveLength(1)
    expect(only(editor, 'hairline').points).toEqual(presetPoints('straight'))
    expectStorable(editor)
  })

  it('keeps its id, name, colour, edge and visibility, and is one undo step', () => {
    const editor = withGlabella()
    editor.applyPreset('rounded')
    const before = only(editor, 'hairline')
    editor.updateObject(before.id, { name: 'Patient’s choice', colour: '#00ff00', featherMm: 7 }, 'Edit hairline')
    editor.updateObject(before.id, { hidden: true }, 'Hide hairline')
    const edited = editor.getState().document
    editor.applyPreset('widows-peak')
    const after = only(editor, 'hairline')
    expect(after).toEqual({
      ...before,
      name: 'Patient’s choice',
      colour: '#00ff00',
      featherMm: 7,
      hidden: true,
      points: presetPoints('widows-peak'),
    })
    expect(editor.getState().selection).toEqual([before.id])
    expect(labels(editor)).toEqual([
      'Place glabella',
      'Add hairline preset',
      'Edit hairline',
      'Hide hairline',
      'Replace hairline with preset',
    ])
    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(edited)
  })

  it('mirrors a hand-drawn hairline, placing the midline it needs in the same undo step', () => {
    const editor = makeEditor({ tool: 'hairline', image: IMAGE, pxPerMm: 10 })
    tapAll(editor, [
      [300, 600],
      [1000, 400],
      [1700, 600],
    ])
    press(editor, 'Enter')
    const drawn = only(editor, 'hairline')
    expect(editor.getState().selection).toEqual([drawn.id])
    const before = editor.getState().document
    editor.applyPreset('rounded')
    expect(objects(editor).map((o) => o.name)).toEqual(['Hairline', 'Facial midline'])
    expect(only(editor, 'hairline')).toMatchObject({ id: drawn.id, mirror: true })
    expectStorable(editor)
    press(editor, 'z', { mod: true })
    expect(editor.getState().document).toBe(before)
  })

  it('leaves a locked hairline as it is and says why', () => {
    const editor = withGlabella()
    editor.applyPreset('rounded')
    const locked = only(editor, 'hairline')
    editor.updateObject(locked.id, { locked: true }, 'Lock hairline')
    const before = editor.getState().document
    editor.applyPreset('straight')
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().notice).toMatch(/Hairline is locked; unlock it/)
  })
})

describe('a hairline preset with no hairline selected', () => {
  it('adds one, as when starting a design', () => {
    const editor = withGlabella()
    editor.applyPreset('rounded')
    press(editor, 'Escape')
    editor.applyPreset('straight')
    expect(hairlines(editor).map((h) => h.name)).toEqual(['Hairline', 'Hairline 2'])
    expect(editor.getState().selection).toEqual([hairlines(editor)[1]?.id])
  })

  it('adds one beside a selected zone or landmark', () => {
    const editor = withGlabella()
    editor.select([objects(editor)[0]?.id ?? ''])
    editor.applyPreset('rounded')
    expect(hairlines(editor)).toHaveLength(1)
    expect(labels(editor)).toEqual(['Place glabella', 'Add hairline preset'])
  })
})

describe("a hairline preset from the user's settings", () => {
  it('places its heights by the tape over the forehead radius set in Settings, not the default', () => {
    const editor = withGlabella()
    const settings = { ...CLINICAL_DEFAULTS, foreheadRadiusCm: 12, midFrontalHeightCm: 9 }
    editor.defaults = settings
    editor.applyPreset('straight')
    const h = only(editor, 'hairline')
    // The straight preset's point on the midline: 9 cm of tape over a 12 cm forehead, shown flat.
    const flatPx = tapeToFlatCm(9, 12) * 100
    expect(h.points.at(-1)?.y).toBeCloseTo(1200 - flatPx, 6)
    expect(tapeToFlatCm(9, 12)).not.toBeCloseTo(tapeToFlatCm(9, CLINICAL_DEFAULTS.foreheadRadiusCm), 1)
    const readout = designReadouts(editor.getState().document, 10, settings).hairlines.get(h.id)
    expect(readout?.tapeHeight?.value).toBeCloseTo(9, 6)
  })

  it('starts the hairline from the settings’ feather and edge', () => {
    const editor = withGlabella()
    editor.defaults = { ...CLINICAL_DEFAULTS, hairlineFeatherMm: 2.5, hairlineIrregularity: 0.8 }
    editor.applyPreset('rounded')
    expect(only(editor, 'hairline')).toMatchObject({ featherMm: 2.5, irregularity: 0.8 })
  })
})
