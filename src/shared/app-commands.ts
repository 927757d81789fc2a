/**
 * Commands the native menu sends to the renderer. The renderer also offers each one in its own
 * UI, so the web harness (which has no native menu) loses nothing.
 */
interface AppCommandDef {
  label: string
  accelerator?: string
  pageHandlesKey?: true
}

export const APP_COMMANDS = {
  'patient.new': { label: 'New Patient', accelerator: 'CmdOrCtrl+N' },
  'patient.search': { label: 'Find Patient…', accelerator: 'CmdOrCtrl+F' },
  // Cmd/Ctrl+, opens settings in every desktop app; macOS names the item "Settings…" since Ventura.
  'app.settings': { label: 'Settings…', accelerator: 'CmdOrCtrl+,' },
  'data.backUpNow': { label: 'Back Up Now' },
  // The page handles these keys itself (a text field's own undo comes first), so the menu only
  // shows them; registering them too would undo twice.
  'edit.undo': { label: 'Undo', accelerator: 'CmdOrCtrl+Z', pageHandlesKey: true },
  'edit.redo': { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', pageHandlesKey: true },
  'view.theme.dark': { label: 'Dark Theme' },
  'view.theme.light': { label: 'Light Theme' },
} satisfies Record<string, AppCommandDef>

export type AppCommand = keyof typeof APP_COMMANDS

export const APP_COMMAND_CHANNEL = 'stipple:app-command'

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && Object.hasOwn(APP_COMMANDS, value)
}
