import type { KeyPress } from '../../../shared/actions/key-press'

/** Which part of the app registered an action: the app itself, its data, or the page open. */
export type ActionScope = 'app' | 'data' | 'design' | 'plan' | 'review'

/**
 * One thing the app can do, as keys, the native menu, toolbars and context menus all reach it
 * (Excalidraw's actions, bound to what performs them): registered while the part of the app
 * that can perform it is mounted.
 */
export interface AppAction {
  id: string
  label: string
  /** As tooltips and menus show it ('Ctrl+Z'); '' when it has no key. */
  shortcut: string
  keyTest?(press: KeyPress): boolean
  perform(press?: KeyPress): void
  /** Whether it can run now; a key whose action cannot run keeps its usual job. */
  enabled?(): boolean
  /** For an action that is a choice among others (a tool): whether it is the one chosen. */
  checked?(): boolean
  /** Called when the key that performed it is let go, or the window loses the keyboard. */
  release?(): void
  scope: ActionScope
}

/** A context menu over part of the page: which element it belongs to, and the actions it offers. */
export interface ContextMenuSpec {
  label: string
  /** The element the menu is over when `target` is inside it (the focus goes back there), else null. */
  areaOf(target: EventTarget | null): HTMLElement | null
  /** Action ids in menu order; those registered and enabled at the moment it opens are shown. */
  items: readonly string[]
}

/** What a part of the app registers while it is mounted. */
export interface Registration {
  actions: readonly AppAction[]
  contextMenu?: ContextMenuSpec
}

export const isEnabled = (action: AppAction): boolean => action.enabled?.() ?? true
