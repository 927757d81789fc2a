import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useState } from 'react'
import { ActionMenu, type MenuPosition } from './ActionMenu'
import { type AppAction, isEnabled, type Registration } from './action'
import { createDispatcher } from './dispatcher'
import { focusOf } from './focus'
import { type ActionRegistry, createActionRegistry } from './registry'

const ActionsContext = createContext<ActionRegistry | null>(null)

/** What the text editing commands of the menu are called in the page's own editing. */
const FIELD_COMMANDS: Record<string, string> = { 'edit.undo': 'undo', 'edit.redo': 'redo' }

interface OpenMenu {
  label: string
  actions: readonly AppAction[]
  at: MenuPosition
  returnTo: HTMLElement
}

/**
 * The app's actions registry and its one dispatcher: every key press and every native menu
 * command goes through the one rule for "typing in a field" to the action registered for it;
 * a right-click, Shift+F10 or the Menu key over a registered area opens its context menu.
 */
export function ActionsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(createActionRegistry)
  const [menu, setMenu] = useState<OpenMenu | null>(null)

  useEffect(() => {
    const dispatcher = createDispatcher(registry, { nativeMenu: window.stipple !== undefined })
    const openMenu = (target: EventTarget | null, at: MenuPosition | null) => {
      const found = registry.contextMenuAt(target)
      if (!found) return false
      const actions = found.spec.items.flatMap((id) => {
        const action = registry.byId(id)
        return action && isEnabled(action) ? [action] : []
      })
      if (actions.length === 0) return false
      const box = found.area.getBoundingClientRect()
      setMenu({
        label: found.spec.label,
        actions,
        at: at ?? { x: box.left + box.width / 2, y: box.top + box.height / 2 },
        returnTo: found.area,
      })
      return true
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      const press = { key: event.key, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey, alt: event.altKey }
      const asksForMenu = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)
      if (asksForMenu ? openMenu(event.target, null) : dispatcher.key(press, focusOf(event.target)))
        event.preventDefault()
    }
    const onKeyUp = (event: KeyboardEvent) => dispatcher.keyUp(event.key)
    const onBlur = () => dispatcher.releaseAll()
    const onContextMenu = (event: MouseEvent) => {
      if (openMenu(event.target, { x: event.clientX, y: event.clientY })) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    window.addEventListener('blur', onBlur)
    window.addEventListener('contextmenu', onContextMenu)
    const offMenu = window.stipple?.onAppCommand((command) => {
      const active = document.activeElement
      const route = dispatcher.route(command, focusOf(active))
      if (route.to === 'action') route.action.perform()
      const editing = FIELD_COMMANDS[command]
      if (route.to === 'field' && editing) document.execCommand(editing)
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('blur', onBlur)
      window.removeEventListener('contextmenu', onContextMenu)
      offMenu?.()
    }
  }, [registry])

  const closeMenu = useCallback((restoreFocus: boolean) => {
    setMenu((open) => {
      if (open && restoreFocus) requestAnimationFrame(() => open.returnTo.focus({ preventScroll: true }))
      return null
    })
  }, [])

  return (
    <ActionsContext.Provider value={registry}>
      {children}
      {menu && <ActionMenu label={menu.label} actions={menu.actions} at={menu.at} onClose={closeMenu} />}
    </ActionsContext.Provider>
  )
}

export function useActionRegistry(): ActionRegistry {
  const registry = useContext(ActionsContext)
  if (!registry) throw new Error('useActionRegistry needs an ActionsProvider above it')
  return registry
}

/**
 * Registers what a mounted part of the app can do, until it unmounts or `registration` changes
 * (memoise it). Registered before the browser paints, so a toolbar reading it never shows empty.
 */
export function useRegisterActions(registration: Registration | null): void {
  const registry = useActionRegistry()
  useLayoutEffect(() => (registration ? registry.register(registration) : undefined), [registry, registration])
}

/** The registered actions with these ids, in this order, kept up to date as parts mount and unmount. */
export function useRegisteredActions(ids: readonly string[]): AppAction[] {
  const registry = useActionRegistry()
  const [actions, setActions] = useState(registry.actions)
  // Subscribed in the layout phase, before a parent registers in its own, so the first paint has them.
  useLayoutEffect(() => {
    setActions(registry.actions())
    return registry.subscribe(() => setActions(registry.actions()))
  }, [registry])
  return ids.flatMap((id) => {
    const action = actions.find((a) => a.id === id)
    return action ? [action] : []
  })
}
