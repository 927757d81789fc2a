import { describe, expect, it } from 'vitest'
import { isEnabled } from '../../actions/action'
import { createDispatcher } from '../../actions/dispatcher'
import { type Focus, type KeyInput, NO_FOCUS } from '../../actions/key-rule'
import { createActionRegistry } from '../../actions/registry'
import { hover, makeEditor, objects, p, tap, tapAll } from '../../editor/testing'
import { CANVAS_MENU_ITEMS, designActions } from './design-actions'

const press = (key: string, mods: { shift?: boolean; mod?: boolean } = {}): KeyInput => ({
  key,
  shift: mods.shift ?? false,
  mod: mods.mod ?? false,
  alt: false,
})
const TEXT: Focus = { ...NO_FOCUS, text: true }
const BUTTON: Focus = { ...NO_FOCUS, pressable: true }

/** The design workspace as the app registers it, and the app's one dispatcher over it. */
function workspace(tool: Parameters<typeof makeEditor>[0] = {}) {
  const editor = makeEditor(tool)
  const registry = createActionRegistry()
  const dispose = registry.register(designActions(editor, () => null))
  const dispatcher = createDispatcher(registry, { nativeMenu: true })
  return { editor, registry, dispatcher, dispose }
}

describe('the design workspace’s actions in the app registry', () => {
  it('undo a pin from Edit ▸ Undo and from Ctrl+Z, and leave both to a text field', () => {
    const { editor, dispatcher } = workspace({ tool: 'pin' })
    tapAll(editor, [
      [100, 100],
      [200, 100],
    ])
    const route = dispatcher.route('edit.undo', NO_FOCUS)
    if (route.to !== 'action') throw new Error('Edit ▸ Undo reached no action')
    route.action.perform()
    expect(objects(editor)).toHaveLength(1)
    expect(dispatcher.key(press('z', { mod: true }), TEXT)).toBe(false)
    expect(dispatcher.route('edit.undo', TEXT)).toEqual({ to: 'field' })
    expect(objects(editor)).toHaveLength(1)
    expect(dispatcher.key(press('z', { mod: true }), NO_FOCUS)).toBe(true)
    expect(objects(editor)).toEqual([])
  })

  it('leave Enter to a focused button, and take it on the canvas to finish an outline', () => {
    const { editor, dispatcher } = workspace({ tool: 'zone' })
    tapAll(editor, [
      [100, 100],
      [300, 100],
      [300, 300],
    ])
    expect(dispatcher.key(press('Enter'), BUTTON)).toBe(false)
    expect(objects(editor)).toEqual([])
    expect(dispatcher.key(press('Enter'), NO_FOCUS)).toBe(true)
    expect(objects(editor).map((o) => o.kind)).toEqual(['zone'])
  })

  it('leave the arrow keys alone with nothing selected, and nudge the selection with them', () => {
    const { editor, dispatcher } = workspace({ tool: 'pin' })
    tap(editor, 100, 100)
    editor.select([])
    expect(dispatcher.key(press('ArrowDown'), NO_FOCUS)).toBe(false)
    expect(dispatcher.key(press('n'), NO_FOCUS)).toBe(true)
    expect(dispatcher.key(press('ArrowDown', { shift: true }), BUTTON)).toBe(true)
    expect(objects(editor)[0]?.points).toEqual([p(100, 110)])
  })

  it('switch tools by letter but not while typing, and say which tool is active', () => {
    const { editor, registry, dispatcher } = workspace({ tool: 'select' })
    expect(dispatcher.key(press('z'), TEXT)).toBe(false)
    dispatcher.key(press('z'), NO_FOCUS)
    expect(editor.getState().tool).toBe('zone')
    expect(registry.byId('tool.zone')?.checked?.()).toBe(true)
    expect(registry.byId('tool.select')?.checked?.()).toBe(false)
  })

  it('pan while Space is held, until it is let go', () => {
    const { editor, dispatcher } = workspace()
    dispatcher.key(press(' '), NO_FOCUS)
    expect(editor.getState().spaceHeld).toBe(true)
    dispatcher.keyUp(' ')
    expect(editor.getState().spaceHeld).toBe(false)
    // Space on a focused button is the button's.
    expect(dispatcher.key(press(' '), BUTTON)).toBe(false)
  })

  it('finish an area being measured with Enter', () => {
    const { editor, dispatcher } = workspace({ tool: 'area' })
    tapAll(editor, [
      [100, 100],
      [200, 100],
      [200, 200],
    ])
    dispatcher.key(press('Enter'), NO_FOCUS)
    expect(editor.getState().measures.measurements.map((m) => m.kind)).toEqual(['area'])
  })

  it('place a point of the outline being drawn where the pointer rests, with the . key', () => {
    const { editor, dispatcher } = workspace({ tool: 'zone' })
    tap(editor, 100, 100)
    hover(editor, 300, 120)
    expect(dispatcher.key(press('.'), NO_FOCUS)).toBe(true)
    const state = editor.getState().toolState
    expect(state.name === 'drawing' ? state.points : []).toEqual([p(100, 100), p(300, 120)])
  })

  it('offer on the canvas’s context menu only what can run now', () => {
    const { editor, registry } = workspace({ tool: 'pin' })
    const offered = () =>
      CANVAS_MENU_ITEMS.filter((id) => {
        const action = registry.byId(id)
        return action !== undefined && isEnabled(action)
      })
    expect(offered()).not.toContain('edit.undo')
    expect(offered()).not.toContain('edit.delete')
    expect(offered()).toContain('tool.zone')
    tap(editor, 100, 100)
    expect(offered().slice(0, 5)).toEqual([
      'edit.undo',
      'edit.delete',
      'edit.selectAll',
      'edit.selectNext',
      'tool.select',
    ])
  })

  it('are gone from the registry once the workspace closes', () => {
    const { registry, dispatcher, dispose } = workspace()
    dispose()
    expect(registry.actions()).toEqual([])
    expect(dispatcher.route('edit.undo', NO_FOCUS)).toEqual({ to: 'nobody' })
  })
})
