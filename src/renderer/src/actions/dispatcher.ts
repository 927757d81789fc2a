import { appCommand, isAppCommand, menuTakesKey } from '../../../shared/actions/app-commands'
import { pressOf } from '../../../shared/actions/key-press'
import { type AppAction, isEnabled } from './action'
import { type Focus, focusKeeps, type KeyInput } from './key-rule'
import type { ActionRegistry } from './registry'

/** Where a menu command goes: a text field's own editing, an action, or nowhere. */
export type CommandRoute = { to: 'field' } | { to: 'action'; action: AppAction } | { to: 'nobody' }

/**
 * The one dispatcher of key presses and menu commands over the registry, free of the DOM: the
 * provider describes the focus and does what this decides.
 */
export interface Dispatcher {
  /** The action a key press performs, or undefined to leave the key its usual job. */
  actionForKey(press: KeyInput, focus: Focus): AppAction | undefined
  /** Performs a key press's action; true when one ran (the key is then the action's). */
  key(press: KeyInput, focus: Focus): boolean
  keyUp(key: string): void
  /** The window lost the keyboard: every held key is let go. */
  releaseAll(): void
  route(command: string, focus: Focus): CommandRoute
}

export function createDispatcher(registry: ActionRegistry, options: { nativeMenu: boolean }): Dispatcher {
  const held = new Map<string, AppAction>()
  const actionForKey = (press: KeyInput, focus: Focus) => {
    const kept = focusKeeps(press, focus)
    return registry.actions().find((action) => {
      if (!action.keyTest?.(press) || !isEnabled(action)) return false
      // A menu accelerator works wherever the focus is; where there is a native menu its key
      // arrives as the menu's command instead, so taking the key too would run it twice.
      if (menuTakesKey(action.id)) return !options.nativeMenu && !press.alt
      return !kept
    })
  }
  return {
    actionForKey,
    key(press, focus) {
      const action = actionForKey(press, focus)
      if (!action) return false
      action.perform(press)
      if (action.release) held.set(press.key, action)
      return true
    },
    keyUp(key) {
      held.get(key)?.release?.()
      held.delete(key)
    },
    releaseAll() {
      for (const action of held.values()) action.release?.()
      held.clear()
    },
    route(command, focus) {
      // A command whose key the page handles follows the same rule as its key: Edit ▸ Undo in a
      // text field is the field's own undo, and a modal dialog keeps it from the page behind.
      const def = isAppCommand(command) ? appCommand(command) : undefined
      if (def?.accelerator && def.pageHandlesKey && focusKeeps({ ...pressOf(def.accelerator), alt: false }, focus))
        return focus.text ? { to: 'field' } : { to: 'nobody' }
      const action = registry.actions().find((a) => a.id === command && isEnabled(a))
      return action ? { to: 'action', action } : { to: 'nobody' }
    },
  }
}
