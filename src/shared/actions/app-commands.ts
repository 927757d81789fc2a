import { type KeyPress, pressMatches, shortcutOf } from './key-press'

/**
 * Where a command sits in the native menu. `app.settings` is the application menu on macOS and
 * File elsewhere; each place is one group between separators.
 */
export type MenuPlace = 'app.settings' | 'file.patient' | 'file.data' | 'edit.history' | 'view.theme'

interface AppCommandDef {
  label: string
  accelerator?: string
  /** Further keys the page also takes for the command (the menu shows only the accelerator). */
  alsoKeys?: readonly string[]
  /**
   * The page handles the key itself, so a text field's own undo comes first; the menu only shows
   * it (registering it too would undo twice).
   */
  pageHandlesKey?: true
  menu: MenuPlace
}

/**
 * The app's commands: one catalogue the native menu is built from and the page's actions
 * registry implements, so a menu item, its key and the page's handling cannot drift apart. The
 * page offers each in its own UI too, so the web harness (which has no native menu) loses nothing.
 */
export const APP_COMMANDS = {
  'patient.new': { label: 'New Patient', accelerator: 'CmdOrCtrl+N', menu: 'file.patient' },
  'patient.search': { label: 'Find Patient…', accelerator: 'CmdOrCtrl+F', menu: 'file.patient' },
  // Cmd/Ctrl+, opens settings in every desktop app; macOS names the item "Settings…" since Ventura.
  'app.settings': { label: 'Settings…', accelerator: 'CmdOrCtrl+,', menu: 'app.settings' },
  'data.backUpNow': { label: 'Back Up Now', menu: 'file.data' },
  'edit.undo': { label: 'Undo', accelerator: 'CmdOrCtrl+Z', pageHandlesKey: true, menu: 'edit.history' },
  'edit.redo': {
    label: 'Redo',
    accelerator: 'Shift+CmdOrCtrl+Z',
    alsoKeys: ['CmdOrCtrl+Y'],
    pageHandlesKey: true,
    menu: 'edit.history',
  },
  'view.theme.dark': { label: 'Dark Theme', menu: 'view.theme' },
  'view.theme.light': { label: 'Light Theme', menu: 'view.theme' },
} satisfies Record<string, AppCommandDef>

export type AppCommand = keyof typeof APP_COMMANDS

export const APP_COMMAND_CHANNEL = 'stipple:app-command'

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && Object.hasOwn(APP_COMMANDS, value)
}

export const appCommand = (id: AppCommand): AppCommandDef => APP_COMMANDS[id]

/** The commands placed in one group of the menu, in catalogue order. */
export const commandsAt = (place: MenuPlace): AppCommand[] =>
  (Object.keys(APP_COMMANDS) as AppCommand[]).filter((id) => appCommand(id).menu === place)

/**
 * Whether a command's key is a native menu accelerator: where there is a native menu the key
 * reaches the page as the command, and like any menu item it works wherever the focus is.
 */
export const menuTakesKey = (id: string): boolean =>
  isAppCommand(id) && appCommand(id).accelerator !== undefined && !appCommand(id).pageHandlesKey

/** Whether a key press is the command's, by its accelerator or its further keys. */
export function commandKeyTest(id: AppCommand): ((press: KeyPress) => boolean) | undefined {
  const { accelerator, alsoKeys = [] } = appCommand(id)
  if (!accelerator) return undefined
  const keys = [accelerator, ...alsoKeys]
  return (press) => keys.some((key) => pressMatches(key, press))
}

/** The command's key as tooltips and Help show it ('Ctrl+Z'), or '' when it has none. */
export const commandShortcut = (id: AppCommand): string => {
  const { accelerator } = appCommand(id)
  return accelerator ? shortcutOf(accelerator) : ''
}
