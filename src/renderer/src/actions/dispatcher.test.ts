import { describe, expect, it } from 'vitest'
import type { AppAction } from './action'
import { createDispatcher } from './dispatcher'
import { type Focus, focusKeeps, type KeyInput, NO_FOCUS } from './key-rule'
import { createActionRegistry } from './registry'

const press = (key: string, mods: { shift?: boolean; mod?: boolean; alt?: boolean } = {}): KeyInput => ({
  key,
  shift: mods.shift ?? false,
  mod: mods.mod ?? false,
  alt: mods.alt ?? false,
})
const TEXT: Focus = { ...NO_FOCUS, text: true }
const BUTTON: Focus = { ...NO_FOCUS, pressable: true }
const TAB: Focus = { ...NO_FOCUS, pressable: true, arrowed: true }
const SELECT: Focus = { ...NO_FOCUS, plainKeys: true }
const MODAL: Focus = { ...NO_FOCUS, modal: true }

/** An action that counts its runs, matched by one key (with Ctrl/Cmd when `mod`). */
function counted(id: string, key: string, options: { mod?: boolean; shift?: boolean; enabled?: () => boolean } = {}) {
  const runs: string[] = []
  const action: AppAction = {
    id,
    label: id,
    shortcut: key,
    keyTest: (p) =>
      p.key.toLowerCase() === key && p.mod === (options.mod ?? false) && p.shift === (options.shift ?? false),
    perform: () => runs.push(id),
    ...(options.enabled && { enabled: options.enabled }),
    scope: 'design',
  }
  return { action, runs }
}

describe('the one rule for typing in a field', () => {
  it('leaves every key to a text field, its own undo and select-all included', () => {
    for (const key of [
      press('z'),
      press('z', { mod: true }),
      press('a', { mod: true }),
      press('Enter'),
      press('ArrowLeft'),
    ])
      expect(focusKeeps(key, TEXT), key.key).toBe(true)
  })

  it('leaves Enter and Space to a focused button, and arrows to tabs, but not arrows to a button', () => {
    expect(focusKeeps(press('Enter'), BUTTON)).toBe(true)
    expect(focusKeeps(press(' '), BUTTON)).toBe(true)
    expect(focusKeeps(press('ArrowRight'), BUTTON)).toBe(false)
    expect(focusKeeps(press('z'), BUTTON)).toBe(false)
    expect(focusKeeps(press('ArrowRight'), TAB)).toBe(true)
  })

  it('leaves a select its plain keys, not Ctrl/Cmd shortcuts', () => {
    expect(focusKeeps(press('s'), SELECT)).toBe(true)
    expect(focusKeeps(press('ArrowDown'), SELECT)).toBe(true)
    expect(focusKeeps(press('z', { mod: true }), SELECT)).toBe(false)
  })

  it('keeps every key from the page while a modal dialog is open, and never takes Alt', () => {
    expect(focusKeeps(press('z', { mod: true }), MODAL)).toBe(true)
    expect(focusKeeps(press('z', { alt: true }), NO_FOCUS)).toBe(true)
    expect(focusKeeps(press('z'), NO_FOCUS)).toBe(false)
  })
})

describe('the dispatcher', () => {
  it('performs the action a key names unless the focus keeps the key', () => {
    const registry = createActionRegistry()
    const zone = counted('tool.zone', 'z')
    const finish = counted('edit.finish', 'enter')
    registry.register({ actions: [zone.action, finish.action] })
    const dispatcher = createDispatcher(registry, { nativeMenu: true })
    expect(dispatcher.key(press('z'), NO_FOCUS)).toBe(true)
    expect(dispatcher.key(press('z'), TEXT)).toBe(false)
    expect(zone.runs).toEqual(['tool.zone'])
    // Enter on a focused button presses the button; on the canvas it finishes the outline.
    expect(dispatcher.key(press('Enter'), BUTTON)).toBe(false)
    expect(dispatcher.key(press('Enter'), NO_FOCUS)).toBe(true)
    expect(finish.runs).toEqual(['edit.finish'])
  })

  it('leaves a key whose action cannot run now to its usual job', () => {
    const registry = createActionRegistry()
    let selected = false
    const nudge = counted('edit.nudge.ArrowDown', 'arrowdown', { enabled: () => selected })
    registry.register({ actions: [nudge.action] })
    const dispatcher = createDispatcher(registry, { nativeMenu: false })
    expect(dispatcher.key(press('ArrowDown'), NO_FOCUS)).toBe(false)
    selected = true
    expect(dispatcher.key(press('ArrowDown'), NO_FOCUS)).toBe(true)
    expect(nudge.runs).toHaveLength(1)
  })

  it('tries the latest registration first, and forgets a registration once disposed', () => {
    const registry = createActionRegistry()
    const app = counted('edit.undo', 'z', { mod: true })
    const page = counted('edit.undo', 'z', { mod: true })
    registry.register({ actions: [app.action] })
    const dispose = registry.register({ actions: [page.action] })
    const dispatcher = createDispatcher(registry, { nativeMenu: false })
    dispatcher.key(press('z', { mod: true }), NO_FOCUS)
    expect([app.runs, page.runs]).toEqual([[], ['edit.undo']])
    dispose()
    dispatcher.key(press('z', { mod: true }), NO_FOCUS)
    expect(app.runs).toEqual(['edit.undo'])
  })

  it('takes a menu accelerator’s key only where there is no native menu, and then even in a text field', () => {
    const registry = createActionRegistry()
    const settings = counted('app.settings', ',', { mod: true })
    registry.register({ actions: [settings.action] })
    expect(createDispatcher(registry, { nativeMenu: true }).key(press(',', { mod: true }), NO_FOCUS)).toBe(false)
    const browser = createDispatcher(registry, { nativeMenu: false })
    expect(browser.key(press(',', { mod: true }), TEXT)).toBe(true)
    expect(settings.runs).toEqual(['app.settings'])
  })

  it('lets a held key go: on its key-up, or when the window loses the keyboard', () => {
    const registry = createActionRegistry()
    const held: boolean[] = []
    registry.register({
      actions: [
        {
          id: 'view.panWhileHeld',
          label: 'Pan',
          shortcut: 'Space',
          keyTest: (p) => p.key === ' ',
          perform: () => held.push(true),
          release: () => held.push(false),
          scope: 'design',
        },
      ],
    })
    const dispatcher = createDispatcher(registry, { nativeMenu: false })
    dispatcher.key(press(' '), NO_FOCUS)
    dispatcher.keyUp(' ')
    dispatcher.key(press(' '), NO_FOCUS)
    dispatcher.releaseAll()
    dispatcher.releaseAll()
    expect(held).toEqual([true, false, true, false])
  })
})

describe('menu commands', () => {
  const world = () => {
    const registry = createActionRegistry()
    const undo = counted('edit.undo', 'z', { mod: true })
    const backUp = counted('data.backUpNow', 'none')
    registry.register({ actions: [undo.action, backUp.action] })
    return { dispatcher: createDispatcher(registry, { nativeMenu: true }), undo, backUp }
  }

  it('send Edit ▸ Undo to whatever is active, and to a text field’s own undo when one has the focus', () => {
    const { dispatcher, undo } = world()
    expect(dispatcher.route('edit.undo', NO_FOCUS)).toEqual({ to: 'action', action: undo.action })
    expect(dispatcher.route('edit.undo', BUTTON)).toEqual({ to: 'action', action: undo.action })
    expect(dispatcher.route('edit.undo', SELECT)).toEqual({ to: 'action', action: undo.action })
    expect(dispatcher.route('edit.redo', TEXT)).toEqual({ to: 'field' })
    expect(dispatcher.route('edit.undo', TEXT)).toEqual({ to: 'field' })
  })

  it('keep Edit ▸ Undo from the page behind a modal dialog', () => {
    expect(world().dispatcher.route('edit.undo', MODAL)).toEqual({ to: 'nobody' })
  })

  it('run a command without a key of the page’s wherever the focus is, and go nowhere when nothing registered it', () => {
    const { dispatcher, backUp } = world()
    expect(dispatcher.route('data.backUpNow', TEXT)).toEqual({ to: 'action', action: backUp.action })
    expect(dispatcher.route('data.backUpNow', MODAL)).toEqual({ to: 'action', action: backUp.action })
    expect(dispatcher.route('patient.new', NO_FOCUS)).toEqual({ to: 'nobody' })
  })
})
