import type { AppAction, ContextMenuSpec, Registration } from './action'

export interface ActionRegistry {
  /** Adds what a mounted part of the app can do; the returned function takes it away again. */
  register(registration: Registration): () => void
  /** Every registered action, the latest registration first (the page most recently opened). */
  actions(): readonly AppAction[]
  /** The latest registered action with this id. */
  byId(id: string): AppAction | undefined
  /** The context menu over `target`, if a registration offers one there. */
  contextMenuAt(target: EventTarget | null): { spec: ContextMenuSpec; area: HTMLElement } | undefined
  /** Called after every register and unregister. */
  subscribe(listener: () => void): () => void
}

export function createActionRegistry(): ActionRegistry {
  let registrations: Registration[] = []
  let flat: readonly AppAction[] = []
  const listeners = new Set<() => void>()
  const changed = () => {
    flat = registrations.flatMap((r) => r.actions)
    for (const listener of listeners) listener()
  }
  return {
    register(registration) {
      registrations = [registration, ...registrations]
      changed()
      return () => {
        registrations = registrations.filter((r) => r !== registration)
        changed()
      }
    },
    actions: () => flat,
    byId: (id) => flat.find((action) => action.id === id),
    contextMenuAt(target) {
      for (const { contextMenu: spec } of registrations) {
        const area = spec?.areaOf(target)
        if (spec && area) return { spec, area }
      }
      return undefined
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
