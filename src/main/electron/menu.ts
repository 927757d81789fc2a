import { type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron'
import {
  APP_COMMAND_CHANNEL,
  APP_COMMANDS,
  type AppCommand,
  appCommand,
  commandsAt,
  type MenuPlace,
} from '../../shared/actions/app-commands'
import { PRODUCT_NAME } from './identity'

export interface MenuOptions {
  getWindow(): BrowserWindow | null
  isDev: boolean
  dataDir: string
  logsDir: string
  /** Opens the import preview for an archive the person picked. */
  openArchive(file: string): void
}

/** Every menu shortcut, as the Help menu lists them: the menu's accelerators are the one source. */
export function shortcutList(isMac: boolean): string {
  const key = (accelerator: string) =>
    accelerator.replace('CmdOrCtrl', isMac ? '⌘' : 'Ctrl').replace('Shift', isMac ? '⇧' : 'Shift')
  return (Object.keys(APP_COMMANDS) as AppCommand[])
    .map(appCommand)
    .filter((command) => command.accelerator)
    .map((command) => `${command.label.replace('…', '')}: ${key(command.accelerator ?? '')}`)
    .join('\n')
}

/**
 * The native application menu. Its app commands come from the shared catalogue, each at its place
 * there, and are forwarded to the focused window's page; the rest are Electron's roles and main's own.
 */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { getWindow, isDev } = options
  const command = (id: AppCommand): MenuItemConstructorOptions => {
    const def = appCommand(id)
    return {
      label: def.label,
      ...(def.accelerator && { accelerator: def.accelerator }),
      ...(def.pageHandlesKey && { registerAccelerator: false }),
      click: () => getWindow()?.webContents.send(APP_COMMAND_CHANNEL, id),
    }
  }
  const commands = (place: MenuPlace) => commandsAt(place).map(command)
  const isMac = process.platform === 'darwin'

  // macOS keeps Settings in the application menu; Windows and Linux in File.
  const macAppMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      ...commands('app.settings'),
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [macAppMenu] : []),
    {
      label: 'File',
      submenu: [
        ...commands('file.patient'),
        { type: 'separator' },
        {
          label: 'Import Patient Archive…',
          click: async () => {
            const window = getWindow()
            const choice = {
              title: 'Import patient archive',
              filters: [{ name: 'Stipple patient archive', extensions: ['stipple'] }],
              properties: ['openFile' as const],
            }
            const { canceled, filePaths } = window
              ? await dialog.showOpenDialog(window, choice)
              : await dialog.showOpenDialog(choice)
            const file = filePaths[0]
            if (!canceled && file) options.openArchive(file)
          },
        },
        { type: 'separator' },
        ...commands('file.data'),
        ...(isMac ? [] : [{ type: 'separator' as const }, ...commands('app.settings')]),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        ...commands('edit.history'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...commands('view.theme'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Keyboard Shortcuts',
          click: () => {
            const window = getWindow()
            const message = {
              type: 'info' as const,
              title: PRODUCT_NAME,
              message: 'Keyboard shortcuts',
              detail: shortcutList(isMac),
            }
            void (window ? dialog.showMessageBox(window, message) : dialog.showMessageBox(message))
          },
        },
        { type: 'separator' },
        { label: 'Show Data Folder', click: () => void shell.openPath(options.dataDir) },
        { label: 'Show Logs Folder', click: () => void shell.openPath(options.logsDir) },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const, label: `About ${PRODUCT_NAME}` }]),
      ],
    },
  ]
  return template
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(options)))
}
