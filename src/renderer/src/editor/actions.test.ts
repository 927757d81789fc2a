import { describe, expect, it } from 'vitest'
import { ACTIONS, actionById, actionFor } from './actions'
import { makeEditor, objects, p, press, tap, tapAll } from './testing'

const key = (k: string, mods: { shift?: boolean; mod?: boolean } = {}) => ({
  key: k,
  shift: mods.shift ?? false,
  mod: mods.mod ?? false,
})

describe('the actions registry', () => {
  it('switches tools with single letters, upper or lower case', () => {
    const editor = makeEditor({ tool: 'select' })
    const expected: [string, string][] = [
      ['h', 'hand'],
      ['l', 'hairline'],
      ['z', 'zone'],
      ['s', 'scar'],
      ['k', 'landmark'],
      ['p', 'pin'],
      ['m', 'distance'],
      ['a', 'area'],
      ['c', 'calibrate'],
      ['v', 'select'],
      ['Z', 'zone'],
    ]
    for (const [letter, tool] of expected) {
      press(editor, letter)
      expect(editor.getState().tool, letter).toBe(tool)
    }
  })

  it('leaves Ctrl with a tool letter to the system (copy, paste, save) rather than switching tool', () => {
    for (const letter of ['c', 'v', 's', 'p', 'h']) expect(actionFor(key(letter, { mod: true }))).toBeUndefined()
  })

  it('maps the edit shortcuts to their actions', () => {
    expect(actionFor(key('z', { mod: true }))?.id).toBe('edit.undo')
    expect(actionFor(key('Z', { mod: true, shift: true }))?.id).toBe('edit.redo')
    expect(actionFor(key('y', { mod: true }))?.id).toBe('edit.redo')
    expect(actionFor(key('a', { mod: true }))?.id).toBe('edit.selectAll')
    expect(actionFor(key('Delete'))?.id).toBe('edit.delete')
    expect(actionFor(key('Backspace'))?.id).toBe('edit.delete')
    expect(actionFor(key('Enter'))?.id).toBe('edit.finish')
    expect(actionFor(key('Escape'))?.id).toBe('edit.cancel')
    expect(actionFor(key('ArrowLeft', { shift: true }))?.id).toBe('edit.nudge.ArrowLeft')
  })

  it('gives every action its own id', () => {
    const ids = ACTIONS.map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(actionById('edit.undo')?.shortcut).toBe('Ctrl+Z')
  })

  it('enables undo and redo only when there is something to take back or do again', () => {
    const editor = makeEditor({ tool: 'pin' })
    const undo = actionById('edit.undo')
    const redo = actionById('edit.redo')
    expect(undo?.enabled?.(editor)).toBe(false)
    expect(redo?.enabled?.(editor)).toBe(false)
    tap(editor, 100, 100)
    expect(undo?.enabled?.(editor)).toBe(true)
    press(editor, 'z', { mod: true })
    expect(objects(editor)).toEqual([])
    expect(undo?.enabled?.(editor)).toBe(false)
    expect(redo?.enabled?.(editor)).toBe(true)
  })

  it('lets Ctrl+Z drop a first draft even before there is anything to undo', () => {
    const editor = makeEditor({ tool: 'zone' })
    tapAll(editor, [
      [100, 100],
      [200, 100],
    ])
    press(editor, 'z', { mod: true })
    expect(editor.getState().toolState.name).toBe('idle')
  })

  it('enables the arrow keys only with a selection', () => {
    const editor = makeEditor({ tool: 'pin' })
    const nudge = actionFor(key('ArrowUp'))
    expect(nudge?.enabled?.(editor)).toBe(false)
    tap(editor, 100, 100)
    expect(nudge?.enabled?.(editor)).toBe(true)
    press(editor, 'ArrowUp')
    expect(objects(editor)[0]?.points).toEqual([p(100, 99)])
  })

  it('Ctrl+A selects every object not hidden or locked', () => {
    const editor = makeEditor({ tool: 'pin' })
    tapAll(editor, [
      [100, 100],
      [200, 100],
      [300, 100],
    ])
    const [first, second, third] = objects(editor).map((o) => o.id) as [string, string, string]
    editor.updateObject(first, { hidden: true }, 'Hide')
    editor.updateObject(second, { locked: true }, 'Lock')
    press(editor, 'Escape')
    press(editor, 'a', { mod: true })
    expect(editor.getState().selection).toEqual([third])
  })

  it('N and Shift+N step the selection through the objects that can be edited, wrapping round', () => {
    const editor = makeEditor({ tool: 'pin' })
    tapAll(editor, [
      [100, 100],
      [200, 100],
      [300, 100],
      [400, 100],
    ])
    const [first, second, third, fourth] = objects(editor).map((o) => o.id) as [string, string, string, string]
    editor.updateObject(third, { locked: true }, 'Lock')
    press(editor, 'Escape')
    editor.select([])
    press(editor, 'n')
    expect(editor.getState().selection).toEqual([first])
    press(editor, 'n')
    expect(editor.getState().selection).toEqual([second])
    press(editor, 'n')
    expect(editor.getState().selection).toEqual([fourth])
    press(editor, 'n')
    expect(editor.getState().selection).toEqual([first])
    press(editor, 'N', { shift: true })
    expect(editor.getState().selection).toEqual([fourth])
    // Picked by key, it moves by key.
    press(editor, 'ArrowRight', { shift: true })
    expect(objects(editor)[3]?.points).toEqual([p(410, 100)])
  })

  it('zooms in and out through the steps, to 100 % and to fit', () => {
    const editor = makeEditor({ tool: 'select' })
    const scale = () => editor.viewport.getState().viewport.scale
    editor.viewport.getState().setStage({ width: 548, height: 448 })
    // (548 − 2 × 24) / 1000 and (448 − 2 × 24) / 800 are both a half.
    expect(scale()).toBe(0.5)
    press(editor, '+')
    expect(scale()).toBe(0.667)
    press(editor, '=')
    expect(scale()).toBe(1)
    press(editor, '-')
    press(editor, '-')
    expect(scale()).toBe(0.5)
    press(editor, '1')
    expect(scale()).toBe(1)
    press(editor, '0')
    expect(scale()).toBe(0.5)
  })

  it('does nothing on the photo while a photo tool is active', () => {
    const editor = makeEditor({ tool: 'hand' })
    tap(editor, 100, 100)
    press(editor, 'Enter')
    expect(editor.getState().tool).toBe('hand')
    expect(editor.getState().toolState.name).toBe('idle')
    expect(objects(editor)).toEqual([])
  })
})
