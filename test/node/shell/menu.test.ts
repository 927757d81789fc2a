import type { BrowserWindow, MenuItemConstructorOptions } from 'electron'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { applicationMenuTemplate } from '../../../src/main/electron/menu'
import {
  APP_COMMAND_CHANNEL,
  APP_COMMANDS,
  type AppCommand,
  appCommand,
  type MenuPlace,
} from '../../../src/shared/actions/app-commands'

vi.mock('electron', async () => {
  const { ElectronStandIn } = await import('./electron-stand-in')
  return new ElectronStandIn(new Map(), '/nonexistent').module
})

const platform = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor
afterEach(() => Object.defineProperty(process, 'platform', platform))

/** The menu as main builds it on one platform, with the page's window recording what it is sent. */
function menuOn(os: 'darwin' | 'win32' | 'linux') {
  Object.defineProperty(process, 'platform', { ...platform, value: os })
  const sent: unknown[] = []
  const window = { webContents: { send: (channel: string, value: unknown) => sent.push([channel, value]) } }
  const template = applicationMenuTemplate({
    getWindow: () => window as unknown as BrowserWindow,
    isDev: false,
    dataDir: '/data',
    logsDir: '/data/logs',
    openArchive: () => {},
  })
  return { template, sent }
}

const titleOf = (menu: MenuItemConstructorOptions) => menu.label ?? menu.role
const itemsOf = (menu: MenuItemConstructorOptions) => (Array.isArray(menu.submenu) ? menu.submenu : [])

/** Every command item: the menu it is in, and what a click on it sends to the page. */
function commandItems(os: 'darwin' | 'win32' | 'linux') {
  const { template, sent } = menuOn(os)
  return template.flatMap((menu) =>
    itemsOf(menu).flatMap((item) => {
      sent.length = 0
      ;(item.click as unknown as (() => void) | undefined)?.()
      const [channel, command] = (sent[0] as [string, unknown] | undefined) ?? []
      return channel === APP_COMMAND_CHANNEL ? [{ menu: titleOf(menu), item, command: command as AppCommand }] : []
    }),
  )
}

const MENU_OF: Record<MenuPlace, { mac: string; other: string }> = {
  'app.settings': { mac: 'appMenu', other: 'File' },
  'file.patient': { mac: 'File', other: 'File' },
  'file.data': { mac: 'File', other: 'File' },
  'edit.history': { mac: 'Edit', other: 'Edit' },
  'view.theme': { mac: 'View', other: 'View' },
}

describe('the native menu, built from the shared catalogue of commands', () => {
  for (const os of ['darwin', 'win32', 'linux'] as const) {
    it(`has each catalogue command once, at its place, with its label and keys, sending its id (${os})`, () => {
      const items = commandItems(os)
      expect(items.map((found) => found.command).sort()).toEqual(Object.keys(APP_COMMANDS).sort())
      for (const { menu, item, command } of items) {
        const def = appCommand(command)
        expect(menu, command).toBe(MENU_OF[def.menu][os === 'darwin' ? 'mac' : 'other'])
        expect(item.label, command).toBe(def.label)
        expect(item.accelerator, command).toBe(def.accelerator)
        // Undo and redo are the page's keys (a text field's own undo first): the menu only shows them.
        expect(item.registerAccelerator, command).toBe(def.pageHandlesKey ? false : undefined)
      }
    })
  }

  it('keeps its roles and platform items around the commands', () => {
    const mac = menuOn('darwin').template
    const windows = menuOn('win32').template
    expect(mac.map(titleOf)).toEqual(['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'help'])
    expect(windows.map(titleOf)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help'])
    const edit = (template: MenuItemConstructorOptions[]) =>
      itemsOf(template.find((menu) => menu.label === 'Edit') ?? {}).map((item) => item.label ?? item.role ?? item.type)
    expect(edit(windows)).toEqual(['Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'selectAll'])
    const file = (template: MenuItemConstructorOptions[]) =>
      itemsOf(template.find((menu) => menu.label === 'File') ?? {}).map((item) => item.label ?? item.role ?? item.type)
    expect(file(mac)).toEqual([
      'New Patient',
      'Find Patient…',
      'separator',
      'Import Patient Archive…',
      'separator',
      'Back Up Now',
      'separator',
      'close',
    ])
    expect(file(windows)).toEqual([
      'New Patient',
      'Find Patient…',
      'separator',
      'Import Patient Archive…',
      'separator',
      'Back Up Now',
      'separator',
      'Settings…',
      'separator',
      'quit',
    ])
  })
})
