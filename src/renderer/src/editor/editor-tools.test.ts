import { describe, expect, it } from 'vitest'
import type { ScarObject } from '../../../shared/design/design-types'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import { byName, doubleTap, expectStorable, hover, makeEditor, objects, only, p, press, tap, tapAll } from './testing'

const SQUARE: [number, number][] = [
  [100, 100],
  [300, 100],
  [300, 300],
  [100, 300],
]

const labels = (editor: ReturnType<typeof makeEditor>) => editor.getState().history.past.map((e) => e.label)

describe('zone tool', () => {
  it('four corners and Enter make one zone with the chosen role and its clinical density', () => {
    const editor = makeEditor({ tool: 'zone' })
    editor.setOption('zoneRole', 'hairline-band')

    tapAll(editor, SQUARE)
    expect(editor.getState().toolState).toEqual({
      name: 'drawing',
      points: [p(100, 100), p(300, 100), p(300, 300), p(100, 300)],
    })
    expect(objects(editor)).toEqual([])

    press(editor, 'Enter')
    const zone = only(editor, 'zone')
    expect(zone).toMatchObject({
      name: 'Hairline band',
      role: 'hairline-band',
      density: 170,
      softnessMm: 5,
      colour: '#f2c94c',
      hidden: false,
      locked: false,
      points: [p(100, 100), p(300, 100), p(300, 300), p(100, 300)],
    })
    expect(editor.getState().toolState.name).toBe('idle')
    expect(editor.getState().selection).toEqual([zone.id])
    expect(labels(editor)).toEqual(['Draw zone'])
    expectStorable(editor)
  })

  it('starts from the user’s own settings once the workspace has them', () => {
    const editor = makeEditor({ tool: 'zone' })
    editor.defaults = {
      ...CLINICAL_DEFAULTS,
      zoneDensity: { ...CLINICAL_DEFAULTS.zoneDensity, frontal: 125 },
      zoneSoftnessMm: 8,
    }
    editor.setOption('zoneRole', 'frontal')
    tapAll(editor, SQUARE)
    press(editor, 'Enter')
    expect(only(editor, 'zone')).toMatchObject({ density: 125, softnessMm: 8 })
  })

  it('takes each role’s own density and numbers zones of the same role', () => {
    const editor = makeEditor({ tool: 'zone' })
    editor.setOption('zoneRole', 'donor')
    tapAll(editor, SQUARE)
    press(editor, 'Enter')
    tapAll(editor, [
      [500, 500],
      [600, 500],
      [600, 600],
    ])
    press(editor, 'Enter')
    expect(objects(editor).map((o) => [o.name, o.kind === 'zone' && o.density])).toEqual([
      ['Donor', 110],
      ['Donor 2', 110],
    ])
    expectStorable(editor)
  })

  it('closes when the first corner is clicked again', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, [
      [100, 100],
      [300, 100],
      [300, 300],
      [104, 97], // within 8 px of the first corner
    ])
    expect(only(editor, 'zone').points).toEqual([p(100, 100), p(300, 100), p(300, 300)])
    expect(only(editor, 'zone').role).toBe('frontal')
    expect(editor.getState().toolState.name).toBe('idle')
    expectStorable(editor)
  })

  it('closes on a double-click on the last corner, without doubling that corner', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, SQUARE)
    doubleTap(editor, 100, 300)
    expect(only(editor, 'zone').points).toEqual([p(100, 100), p(300, 100), p(300, 300), p(100, 300)])
    expect(labels(editor)).toEqual(['Draw zone'])
  })

  it('refuses an outline with fewer than three corners and keeps the draft', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, SQUARE.slice(0, 2))
    doubleTap(editor, 300, 100)
    expect(editor.getState().notice).toBe('An outline needs at least three corners.')
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(100, 100), p(300, 100)] })
    expect(objects(editor)).toEqual([])
  })

  it('refuses a self-crossing outline with a notice, keeps the draft, and accepts it once a corner is taken back', () => {
    const editor = makeEditor({ tool: 'zone' })
    // A bow tie: (100,100)–(300,300) crosses (300,100)–(100,300).
    tapAll(editor, [
      [100, 100],
      [300, 300],
      [300, 100],
      [100, 300],
    ])
    press(editor, 'Enter')
    expect(editor.getState().notice).toMatch(/crosses itself/)
    expect(editor.getState().toolState).toEqual({
      name: 'drawing',
      points: [p(100, 100), p(300, 300), p(300, 100), p(100, 300)],
    })
    expect(objects(editor)).toEqual([])
    expect(editor.getState().history.past).toEqual([])

    press(editor, 'Backspace')
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(100, 100), p(300, 300), p(300, 100)] })
    // The notice was about the corner just taken back.
    expect(editor.getState().notice).toBeNull()
    press(editor, 'Enter')
    expect(only(editor, 'zone').points).toEqual([p(100, 100), p(300, 300), p(300, 100)])
    expect(editor.getState().notice).toBeNull()
    expectStorable(editor)
  })

  it('Backspace takes back corners one at a time, then ends the draft; with no draft it deletes the selection', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, SQUARE)
    press(editor, 'Enter')
    const first = only(editor, 'zone')

    tapAll(editor, [
      [500, 500],
      [600, 500],
    ])
    press(editor, 'Backspace')
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(500, 500)] })
    press(editor, 'Backspace')
    expect(editor.getState().toolState.name).toBe('idle')
    // Taking back corners never touched the zone already drawn.
    expect(objects(editor)).toEqual([first])

    editor.select([first.id])
    press(editor, 'Backspace')
    expect(objects(editor)).toEqual([])
  })

  it('Escape drops the draft and the pointer that followed it, leaving no trace', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, SQUARE.slice(0, 3))
    hover(editor, 350, 350)
    expect(editor.getState().pointer).toEqual(p(350, 350))

    press(editor, 'Escape')
    expect(editor.getState().toolState.name).toBe('idle')
    expect(editor.getState().pointer).toBeNull()
    expect(objects(editor)).toEqual([])
    expect(editor.getState().history.past).toEqual([])

    tap(editor, 500, 500)
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(500, 500)] })
  })

  it('switching tool drops the draft', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, SQUARE.slice(0, 3))
    press(editor, 'v')
    expect(editor.getState().tool).toBe('select')
    expect(editor.getState().toolState.name).toBe('idle')

    press(editor, 'z')
    tap(editor, 500, 500)
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(500, 500)] })
    expect(objects(editor)).toEqual([])
  })

  it('puts corners clicked outside the photo on its edge', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, [
      [-40, 100],
      [1100, 100],
      [1100, 900],
    ])
    press(editor, 'Enter')
    expect(only(editor, 'zone').points).toEqual([p(0, 100), p(1000, 100), p(1000, 800)])
    expectStorable(editor)
  })
})

describe('scar tool', () => {
  it('draws a FUT strip from two or more clicks and Enter', () => {
    const editor = makeEditor({ tool: 'scar' })
    editor.setOption('scarShape', 'strip')
    tap(editor, 100, 600)
    press(editor, 'Enter')
    expect(editor.getState().notice).toBe('A line needs at least two points.')
    expect(objects(editor)).toEqual([])

    tapAll(editor, [
      [200, 620],
      [300, 600],
    ])
    press(editor, 'Enter')
    const strip = only(editor, 'scar')
    expect(strip).toMatchObject({
      name: 'FUT strip',
      shape: 'strip',
      widthMm: 10,
      points: [p(100, 600), p(200, 620), p(300, 600)],
    })
    expect(editor.getState().selection).toEqual([strip.id])
    expect(labels(editor)).toEqual(['Draw strip scar'])
    expectStorable(editor)
  })

  it('draws a scar area as an outline closed on its first corner', () => {
    const editor = makeEditor({ tool: 'scar' })
    editor.setOption('scarShape', 'polygon')
    tapAll(editor, [
      [600, 100],
      [700, 100],
      [700, 200],
      [602, 101],
    ])
    expect(only(editor, 'scar')).toMatchObject({
      name: 'Scar area',
      shape: 'polygon',
      points: [p(600, 100), p(700, 100), p(700, 200)],
    })
    expect(labels(editor)).toEqual(['Draw scar area'])
    expectStorable(editor)
  })

  it('adds FUE dots to the selected cluster, each dot its own undo step', () => {
    const editor = makeEditor({ tool: 'scar' })
    editor.setOption('scarShape', 'dots')
    tapAll(editor, [
      [100, 100],
      [120, 100],
      [140, 105],
    ])
    const cluster = only(editor, 'scar')
    expect(cluster).toMatchObject({
      name: 'FUE dot scars',
      shape: 'dots',
      dotMm: 0.85,
      points: [p(100, 100), p(120, 100), p(140, 105)],
    })
    expect(editor.getState().selection).toEqual([cluster.id])
    expect(labels(editor)).toEqual(['Add FUE scar', 'Add FUE scar', 'Add FUE scar'])

    press(editor, 'z', { mod: true })
    expect(only(editor, 'scar').points).toEqual([p(100, 100), p(120, 100)])
    press(editor, 'y', { mod: true })
    expect(only(editor, 'scar').points).toEqual([p(100, 100), p(120, 100), p(140, 105)])

    // A click on a dot that is already there adds nothing.
    tap(editor, 121, 99)
    expect(only(editor, 'scar').points).toHaveLength(3)
    expectStorable(editor)
  })

  it('Alt-click removes a dot; it never adds one', () => {
    const editor = makeEditor({ tool: 'scar' })
    editor.setOption('scarShape', 'dots')
    tapAll(editor, [
      [100, 100],
      [120, 100],
      [140, 105],
    ])
    tap(editor, 121, 101, { alt: true })
    expect(only(editor, 'scar').points).toEqual([p(100, 100), p(140, 105)])
    expect(labels(editor).at(-1)).toBe('Delete point')

    // Alt-click away from any dot, in the cluster or with none selected, does nothing.
    const before = editor.getState().document
    tap(editor, 400, 400, { alt: true })
    press(editor, 'Escape')
    tap(editor, 500, 500, { alt: true })
    expect(editor.getState().document).toBe(before)
  })

  it('Alt-click on a cluster’s only dot explains that the cluster needs one', () => {
    const editor = makeEditor({ tool: 'scar' })
    editor.setOption('scarShape', 'dots')
    tap(editor, 100, 100)
    const before = editor.getState().document
    tap(editor, 100, 100, { alt: true })
    expect(editor.getState().document).toBe(before)
    expect(editor.getState().notice).toBe('FUE dot scars needs at least 1 point; delete the whole object instead.')
  })

  it('after Escape or Enter the next click starts a new cluster', () => {
    const editor = makeEditor({ tool: 'scar' })
    editor.setOption('scarShape', 'dots')
    tapAll(editor, [
      [100, 100],
      [120, 100],
    ])
    press(editor, 'Escape')
    expect(editor.getState().selection).toEqual([])
    tap(editor, 500, 500)
    press(editor, 'Enter')
    tapAll(editor, [
      [600, 600],
      [620, 600],
    ])
    expect(objects(editor).map((o) => [o.name, o.points])).toEqual([
      ['FUE dot scars', [p(100, 100), p(120, 100)]],
      ['FUE dot scars 2', [p(500, 500)]],
      ['FUE dot scars 3', [p(600, 600), p(620, 600)]],
    ])
    expect(editor.getState().selection).toEqual([(byName(editor, 'FUE dot scars 3') as ScarObject).id])
    expectStorable(editor)
  })
})

describe('landmark tool', () => {
  it('places the midline from two clicks, then moves on to the glabella', () => {
    const editor = makeEditor({ tool: 'landmark' })
    expect(editor.getState().options.landmarkRole).toBe('midline')
    tap(editor, 500, 750)
    // A second click on the same spot would make a midline of no length: it is not a point.
    tap(editor, 503, 752)
    expect(editor.getState().toolState).toEqual({ name: 'drawing', points: [p(500, 750)] })
    expect(objects(editor)).toEqual([])

    tap(editor, 500, 50)
    expect(only(editor, 'landmark')).toMatchObject({
      name: 'Facial midline',
      role: 'midline',
      points: [p(500, 750), p(500, 50)],
    })
    expect(editor.getState().toolState.name).toBe('idle')
    expect(editor.getState().options.landmarkRole).toBe('glabella')
    expect(labels(editor)).toEqual(['Place facial midline'])
  })

  it('placing a landmark that exists moves it, and the option goes to the next one not placed', () => {
    const editor = makeEditor({ tool: 'landmark' })
    tapAll(editor, [
      [500, 750],
      [500, 50],
    ])
    tap(editor, 500, 600)
    expect(editor.getState().options.landmarkRole).toBe('temple-left')

    editor.setOption('landmarkRole', 'glabella')
    tap(editor, 500, 620)
    const glabellas = objects(editor).filter((o) => o.kind === 'landmark' && o.role === 'glabella')
    expect(glabellas.map((g) => g.points)).toEqual([[p(500, 620)]])
    expect(labels(editor)).toEqual(['Place facial midline', 'Place glabella', 'Move glabella'])
    expect(editor.getState().options.landmarkRole).toBe('temple-left')

    tap(editor, 300, 400)
    expect(editor.getState().options.landmarkRole).toBe('temple-right')
    tap(editor, 700, 400)
    expect(editor.getState().options.landmarkRole).toBe('vertex')
    tap(editor, 500, 100)
    // All five are placed: the option stays where it was.
    expect(editor.getState().options.landmarkRole).toBe('vertex')
    expect(objects(editor).map((o) => o.name)).toEqual([
      'Facial midline',
      'Glabella',
      'Left temple point',
      'Right temple point',
      'Vertex (crown whorl)',
    ])

    // Placing the midline again moves it too.
    editor.setOption('landmarkRole', 'midline')
    tapAll(editor, [
      [510, 780],
      [490, 20],
    ])
    expect(objects(editor)).toHaveLength(5)
    expect(byName(editor, 'Facial midline').points).toEqual([p(510, 780), p(490, 20)])
    expectStorable(editor)
  })
})

describe('pin tool', () => {
  it('drops a selected note pin on each click', () => {
    const editor = makeEditor({ tool: 'pin' })
    tap(editor, 300, 300)
    const pin = only(editor, 'pin')
    expect(pin).toMatchObject({ name: 'Note', note: '', points: [p(300, 300)] })
    expect(editor.getState().selection).toEqual([pin.id])

    tap(editor, 1200, 350)
    const second = byName(editor, 'Note 2')
    expect(second.points).toEqual([p(1000, 350)])
    expect(editor.getState().selection).toEqual([second.id])
    expect(labels(editor)).toEqual(['Add pin', 'Add pin'])
    expectStorable(editor)
  })
})
