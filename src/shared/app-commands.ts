/**
 * Commands the native menu sends to the renderer. The renderer also offers each one in its own
 * UI, so the web harness (which has no native menu) loses nothing.
 */
export const APP_COMMANDS = {
  'patient.new': { label: 'New Patient', accelerator: 'CmdOrCtrl+N' },
  'patient.search': { label: 'Find Patient…', accelerator: 'CmdOrCtrl+F' },
  'view.theme.dark': { label: 'Dark Theme', accelerator: undefined },
  'view.theme.light': { label: 'Light Theme', accelerator: undefined },
} as const

export type AppCommand = keyof typeof APP_COMMANDS

export const APP_COMMAND_CHANNEL = 'stipple:app-command'

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && Object.hasOwn(APP_COMMANDS, value)
}
