import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron'
import { APP_COMMAND_CHANNEL, APP_COMMANDS, type AppCommand } from '../../shared/app-commands'

/** The native application menu; app commands are forwarded to the focused window's page. */
export function installApplicationMenu(getWindow: () => BrowserWindow | null, isDev: boolean): void {
  const command = (id: AppCommand): MenuItemConstructorOptions => {
    const def: { label: string; accelerator?: string; pageHandlesKey?: true } = APP_COMMANDS[id]
    return {
      label: def.label,
      ...(def.accelerator && { accelerator: def.accelerator }),
      ...(def.pageHandlesKey && { registerAccelerator: false }),
      click: () => getWindow()?.webContents.send(APP_COMMAND_CHANNEL, id),
    }
  }
  const isMac = process.platform === 'darwin'

  // macOS keeps Settings in the application menu; Windows and Linux in File.
  const macAppMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      command('app.settings'),
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
        command('patient.new'),
        command('patient.search'),
        { type: 'separator' },
        command('data.backUpNow'),
        ...(isMac ? [] : [{ type: 'separator' as const }, command('app.settings')]),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('edit.undo'),
        command('edit.redo'),
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
        command('view.theme.dark'),
        command('view.theme.light'),
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
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
