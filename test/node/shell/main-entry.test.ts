import fs from 'node:fs'
import path from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SAVED_WORK_IS_SAFE } from '../../../src/main/electron/crash-handling'
import { WINDOW_STATE_FILE } from '../../../src/main/electron/window-state'
import { LOCK_FILE } from '../../../src/main/files/data-folder-lock'
import type { StippleDesktopApi } from '../../../src/preload/api'
import { CALL_NAMES, channelOf } from '../../../src/shared/bridge/contract'
import { OPEN_ARCHIVE_CHANNEL, PROGRESS_CHANNEL, THEME_CHANNEL } from '../../../src/shared/bridge/desktop-events'
import type { BridgeResult } from '../../../src/shared/bridge/errors'
import { validFields } from '../../fixtures/patients'
import { flatJpeg } from '../images'
import { tempDirsForEachTest } from '../temp-dir'
import { ElectronStandIn, type InstanceRegistry } from './electron-stand-in'

const current = vi.hoisted(() => ({ world: null as unknown }))
// Vitest keeps a mocked module across `resetModules`, so each export reads the world of the
// moment; a module the test imports constants from before any boot sees an empty one.
vi.mock('electron', async () => {
  const { ElectronStandIn: World } = await import('./electron-stand-in')
  const world = () => {
    current.world ??= new World(new Map(), '/nonexistent')
    return (current.world as ElectronStandIn).module
  }
  const keys = Object.keys(world()) as (keyof ElectronStandIn['module'])[]
  return Object.defineProperties(
    {},
    Object.fromEntries(keys.map((key) => [key, { enumerable: true, get: () => world()[key] }])),
  )
})

const makeTempDir = tempDirsForEachTest()
const mainEntry = path.resolve(import.meta.dirname, '../../../src/main/index.ts')
const preloadEntry = path.resolve(import.meta.dirname, '../../../src/preload/index.ts')

/** The process as a plain emitter: its typed overloads take one event name at a time. */
const processEvents = process as unknown as NodeJS.EventEmitter

/** Undo what a boot does to this test process: console routed to the log, process-wide handlers, argv. */
let restoreProcess: () => void
beforeEach(() => {
  const consoleBefore = { ...console }
  const argvBefore = process.argv
  const faults = ['uncaughtException', 'unhandledRejection'] as const
  const listenersBefore = faults.map((event) => [event, [...processEvents.listeners(event)]] as const)
  restoreProcess = () => {
    Object.assign(console, consoleBefore)
    process.argv = argvBefore
    for (const [event, before] of listenersBefore)
      for (const listener of processEvents.listeners(event) as ((...args: unknown[]) => void)[])
        if (!before.includes(listener)) processEvents.removeListener(event, listener)
  }
})
const booted: ElectronStandIn[] = []
afterEach(async () => {
  // Quit every app booted, so no database is open (or backing up) when its folder is removed.
  for (const world of booted.splice(0)) {
    world.app.quit()
    // A held quit goes on once running work (the start-up backup) is done.
    await vi.waitFor(() => expect(world.app.quits).toBeGreaterThan(world.app.quitsHeld))
  }
  restoreProcess()
})

/** The handlers a boot added for main's own faults (uncaught exceptions, rejections). */
function addedHandler(event: 'uncaughtException' | 'unhandledRejection') {
  const handler = processEvents.listeners(event).at(-1)
  if (!handler) throw new Error(`No ${event} handler`)
  return handler as (error: unknown) => void
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** Starts the real main entry as `stipple <args>` would, in a fresh module graph over `world`. */
async function boot(world: ElectronStandIn, args: string[]) {
  process.argv = [process.execPath, mainEntry, ...args]
  current.world = world
  vi.resetModules()
  booted.push(world)
  await import(mainEntry)
  await world.app.whenReady()
  await settle()
  return world
}

/** Runs the preload in the booted window's page and returns what it exposed. */
async function loadPreload(world: ElectronStandIn): Promise<StippleDesktopApi> {
  current.world = world
  await import(preloadEntry)
  return world.exposed.stipple as StippleDesktopApi
}

function freshWorld(registry: InstanceRegistry = new Map()) {
  return new ElectronStandIn(registry, makeTempDir())
}

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
const menuItem = (world: ElectronStandIn, label: string) => {
  const found = flatten(world.applicationMenu?.template ?? []).find((item) => item.label === label)
  if (!found) throw new Error(`No menu item ${label}`)
  return found
}
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => unknown)?.()

describe('the desktop main entry, booted on a stand-in for Electron', () => {
  it('opens one locked-down window on the app scheme, sized to the screen', async () => {
    const dataDir = makeTempDir()
    const world = await boot(freshWorld(), [`--data-dir=${dataDir}`])

    expect(world.app.getName()).toBe('Stipple')
    expect(world.app.getPath('userData')).toBe(dataDir)
    expect(world.app.sandboxed).toBe(true)
    expect(world.windows).toHaveLength(1)
    const [window] = world.windows
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    })
    expect(window?.webContents.loads).toEqual(['stipple-app://app/index.html'])
    // A 1366×768 screen with a 40-px task bar: the window fits its work area.
    const { x = 0, y = 0, width = 0, height = 0 } = window?.options ?? {}
    expect(x).toBeGreaterThanOrEqual(0)
    expect(y).toBeGreaterThanOrEqual(0)
    expect(x + width).toBeLessThanOrEqual(1366)
    expect(y + height).toBeLessThanOrEqual(728)
    expect(window?.shown).toBe(true)
    expect(world.privilegedSchemes.map((s) => s.scheme).sort()).toEqual(['stipple-app', 'stipple-photo'])
    expect(world.app.about?.applicationName).toBe('Stipple')
  })

  it('answers every contract call over IPC from the app page, and refuses each from a foreign frame', async () => {
    const world = await boot(freshWorld(), [`--data-dir=${makeTempDir()}`])
    const stipple = await loadPreload(world)

    for (const name of CALL_NAMES) {
      const answer = (await stipple.invoke(name, {} as never)) as BridgeResult<unknown>
      // Answered by main: a value or a typed refusal of the empty input, never the sender check's.
      if (!answer.ok) expect(answer.error.code, name).not.toBe('forbidden')
    }
    const created = await stipple.invoke('patients.create', { fields: validFields({ fullName: 'Ana Ruiz' }) })
    expect(created).toMatchObject({ ok: true, value: { fullName: 'Ana Ruiz' } })

    for (const name of CALL_NAMES) {
      for (const frame of [
        { url: 'stipple-app://app/index.html', isMain: false },
        { url: 'https://example.com/', isMain: true },
        { url: 'file:///index.html', isMain: true },
      ]) {
        const answer = (await world.invokeFrom(frame, channelOf(name), {})) as BridgeResult<unknown>
        expect(answer, `${name} from ${frame.url}`).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
    }
  })

  it('serves the renderer from its scheme and nothing outside its folder', async () => {
    const world = await boot(freshWorld(), [`--data-dir=${makeTempDir()}`])
    const page = await world.request('stipple-app://app/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('<div id="root">')

    for (const url of [
      'stipple-app://app/../package.json',
      'stipple-app://app/%2e%2e/%2e%2e/package.json',
      'stipple-app://app/..%2f..%2fpackage.json',
      'stipple-app://app/..%5c..%5cpackage.json',
      'stipple-app://app/%252e%252e/package.json',
      'stipple-app://app/src/../../../package.json',
      'stipple-app://other-host/index.html',
      'stipple-app://app/%00index.html',
    ]) {
      const answer = await world.request(url)
      expect(answer.status, url).toBe(404)
      expect(await answer.text(), url).not.toContain('"name": "stipple"')
    }
  })

  it('builds the menu: File imports an archive, Edit has the clipboard, Help lists shortcuts and opens the folders', async () => {
    const dataDir = makeTempDir()
    const world = await boot(freshWorld(), [`--data-dir=${dataDir}`])
    const labels = (world.applicationMenu?.template ?? []).map((item) => item.label ?? item.role)
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'windowMenu', 'help']))
    const roles = flatten(world.applicationMenu?.template ?? []).map((item) => item.role)
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']))
    expect(menuItem(world, 'Import Patient Archive…')).toBeTruthy()

    await click(menuItem(world, 'Show Data Folder'))
    await click(menuItem(world, 'Show Logs Folder'))
    expect(world.openedPaths).toEqual([dataDir, path.join(dataDir, 'logs')])

    await click(menuItem(world, 'Keyboard Shortcuts'))
    expect(world.messageBoxes.at(-1)?.detail).toMatch(/New Patient: (Ctrl|⌘)\+N/)
  })

  it('offers spelling suggestions and Add to Dictionary, and downloads no dictionary', async () => {
    const world = await boot(freshWorld(), [`--data-dir=${makeTempDir()}`])
    const contents = world.windows[0]?.webContents
    contents?.emit(
      'context-menu',
      {},
      {
        misspelledWord: 'hairlline',
        dictionarySuggestions: ['hairline'],
        isEditable: true,
        selectionText: 'hairlline',
        editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
      },
    )
    const menu = world.menus.at(-1)
    expect(menu?.popups).toBe(1)
    const items = menu?.template ?? []
    expect(items.map((item) => item.label ?? item.role)).toEqual([
      'hairline',
      'Add to Dictionary',
      undefined,
      'cut',
      'copy',
      'paste',
      undefined,
      'selectAll',
    ])
    await click(items[0] as MenuItemConstructorOptions)
    await click(items[1] as MenuItemConstructorOptions)
    expect(contents?.replaced).toEqual(['hairline'])
    expect(world.defaultSession.addedWords).toEqual(['hairlline'])

    expect(world.defaultSession.dictionaryUrl).toMatch(/^http:\/\/127\.0\.0\.1:9\//)
    expect(world.defaultSession.allows('https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic')).toBe(false)
    expect(world.defaultSession.allows('https://example.com/')).toBe(false)
  })

  it('locks per data folder: a second practice starts beside the first, the same folder hands over', async () => {
    const registry: InstanceRegistry = new Map()
    const practiceA = makeTempDir()
    const practiceB = makeTempDir()
    const first = await boot(freshWorld(registry), [`--data-dir=${practiceA}`])
    expect(fs.readFileSync(path.join(practiceA, LOCK_FILE), 'utf8')).toBe(String(process.pid))

    const second = await boot(freshWorld(registry), [`--data-dir=${practiceB}`])
    expect(second.app.quits).toBe(0)
    expect(second.windows).toHaveLength(1)

    const focusedBefore = first.windows[0]?.focused ?? 0
    const again = await boot(freshWorld(registry), [`--data-dir=${practiceA}`])
    expect(again.app.quits).toBe(1)
    expect(again.windows).toHaveLength(0)
    expect(first.windows[0]?.focused).toBe(focusedBefore + 1)
  })

  it('refuses a data folder whose lock file another live process holds', async () => {
    const dataDir = makeTempDir()
    // Electron's lock cannot see it (another user, another copy of the app); the folder's own lock can.
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), String(process.ppid))
    const world = await boot(freshWorld(), [`--data-dir=${dataDir}`])
    expect(world.windows).toHaveLength(0)
    expect(world.errorBoxes[0]?.title).toBe('This data folder is in use')
    expect(world.app.quits).toBe(1)
    expect(fs.existsSync(path.join(dataDir, 'stipple.sqlite3'))).toBe(false)
  })

  it('says so, and opens nothing, when the data folder cannot be created', async () => {
    const blocker = path.join(makeTempDir(), 'a-file')
    fs.writeFileSync(blocker, '')
    const world = await boot(freshWorld(), [`--data-dir=${path.join(blocker, 'practice')}`])
    expect(world.windows).toHaveLength(0)
    expect(world.errorBoxes[0]?.title).toBe('Stipple cannot use its data folder')
    expect(world.errorBoxes[0]?.content).toContain(path.join(blocker, 'practice'))
    expect(world.app.quits).toBe(1)
  })

  it('opens a .stipple named on the command line, and one a second launch hands over, at the import preview', async () => {
    const registry: InstanceRegistry = new Map()
    const dataDir = makeTempDir()
    const files = makeTempDir()
    const archive = path.join(files, 'Ana Ruiz.stipple')
    fs.writeFileSync(archive, 'PK archive')
    const world = await boot(freshWorld(registry), [`--data-dir=${dataDir}`, archive, '--some-chromium-switch'])
    const stipple = await loadPreload(world)
    const opened: unknown[] = []
    stipple.onOpenArchive((found) => opened.push(found))
    await settle()
    expect(opened).toEqual([{ path: archive, name: 'Ana Ruiz.stipple', size: 10 }])

    const later = path.join(files, 'Ben.stipple')
    fs.writeFileSync(later, 'PK')
    process.chdir(files)
    try {
      await boot(freshWorld(registry), [`--data-dir=${dataDir}`, 'Ben.stipple'])
    } finally {
      process.chdir(path.resolve(import.meta.dirname, '../../..'))
    }
    expect(opened.at(-1)).toEqual({ path: later, name: 'Ben.stipple', size: 2 })
    expect(world.windows[0]?.webContents.sentOn(OPEN_ARCHIVE_CHANNEL)).toHaveLength(1)
  })

  it('reads a chosen photo in main by its path, with progress in percent, and saves a PDF where the dialog says', async () => {
    const world = await boot(freshWorld(), [`--data-dir=${makeTempDir()}`])
    const stipple = await loadPreload(world)
    const patient = await stipple.invoke('patients.create', { fields: validFields() })
    if (!patient.ok) throw new Error(patient.error.message)
    const files = makeTempDir()
    const photo = path.join(files, 'front.jpg')
    fs.writeFileSync(photo, await flatJpeg(400, 300))
    const chosen = new File([], 'front.jpg')
    world.filePaths.set(chosen, photo)
    expect(stipple.pathForFile(chosen)).toBe(photo)

    const imported = await stipple.invoke('photos.importFile', { patientId: patient.value.id, path: photo })
    expect(imported).toMatchObject({
      ok: true,
      value: { status: 'imported', photo: { originalName: 'front.jpg', takenAtSource: 'file' } },
    })
    expect(world.windows[0]?.webContents.sentOn(PROGRESS_CHANNEL).at(-1)).toEqual({ task: 'reading', percent: 100 })

    const notAnArchive = await stipple.invoke('archives.inspectFile', { path: photo })
    expect(notAnArchive).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const relative = await stipple.invoke('archives.inspectFile', { path: '../x.stipple' })
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { path: expect.any(String) } },
    })

    // An archive chosen by its path is copied by main (with the same progress), shown, and imported from the copy.
    const archive = path.join(files, 'Ana.stipple')
    world.saveDialogAnswers.push({ canceled: false, filePath: archive })
    expect(await stipple.invoke('archives.saveFile', { patientId: patient.value.id })).toEqual({
      ok: true,
      value: { savedAs: 'Ana.stipple' },
    })
    const shown = await stipple.invoke('archives.inspectFile', { path: archive })
    const heldId = shown.ok ? (shown.value as { heldId: string }).heldId : ''
    const copied = await stipple.invoke('archives.import', { heldId, onExisting: 'copy' })
    expect(copied).toMatchObject({ ok: true, value: { status: 'copied', counts: { photos: 1 } } })
    expect(world.windows[0]?.webContents.sentOn(PROGRESS_CHANNEL)).toContainEqual({ task: 'reading', percent: 100 })

    const pdf = path.join(files, 'Sheet.pdf')
    world.saveDialogAnswers.push({ canceled: false, filePath: pdf })
    const saved = await stipple.invoke('sheets.savePdf', {
      paper: 'a4',
      orientation: 'portrait',
      suggestedName: 'Sheet.pdf',
    })
    expect(saved).toEqual({ ok: true, value: { savedAs: 'Sheet.pdf' } })
    expect(fs.readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 stand-in')
  })

  it('reloads a crashed page and says saved work is safe; offers to retry a failed load; recovers a hung window', async () => {
    const dataDir = makeTempDir()
    const world = await boot(freshWorld(), [`--data-dir=${dataDir}`])
    const window = world.windows[0]
    const contents = window?.webContents
    contents?.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    await settle()
    expect(contents?.reloads).toBe(1)
    expect(world.messageBoxes.at(-1)).toMatchObject({ detail: SAVED_WORK_IS_SAFE })

    contents?.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'stipple-app://app/index.html', true)
    await settle()
    expect(world.messageBoxes.at(-1)).toMatchObject({ buttons: ['Try Again', 'Quit'] })
    expect(contents?.loads.at(-1)).toBe('stipple-app://app/index.html')
    expect(contents?.loads).toHaveLength(2)

    world.messageBoxAnswers.push(1)
    window?.emit('unresponsive')
    await settle()
    expect(world.messageBoxes.at(-2)).toMatchObject({ buttons: ['Wait', 'Reload'] })
    expect(contents?.reloads).toBe(2)

    // A page that dies on every load is not reloaded for ever.
    for (let i = 0; i < 3; i++) contents?.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 })
    expect(contents?.reloads).toBe(3)
    expect(world.errorBoxes.at(-1)?.title).toBe('Stipple’s window keeps stopping')

    addedHandler('uncaughtException')(new Error('boom in main'))
    addedHandler('unhandledRejection')(new Error('rejected in main'))
    const logged = fs.readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')
    for (const line of [
      'crashed, exit code 139',
      'ERR_FILE_NOT_FOUND',
      'not responding',
      'boom in main',
      'rejected in main',
    ])
      expect(logged).toContain(line)
  })

  it('remembers the window and its theme, and waits for running work before quitting', async () => {
    const dataDir = makeTempDir()
    const world = await boot(freshWorld(), [`--data-dir=${dataDir}`])
    const window = world.windows[0]
    if (!window) throw new Error('no window')
    world.ipc.listeners.get(THEME_CHANNEL)?.(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame } as never,
      'light',
    )
    expect(world.theme.themeSource).toBe('light')
    window.bounds = { x: 40, y: 30, width: 1100, height: 650 }
    // The page saves what it still holds as it closes (its autosave flush on pagehide).
    const page = await loadPreload(world)
    let flushed: Promise<unknown> = Promise.resolve()
    window.once('close', () => {
      flushed = page.invoke('patients.create', { fields: validFields({ fullName: 'Saved while closing' }) })
    })
    window.close()
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({
      bounds: { x: 40, y: 30, width: 1100, height: 650 },
      theme: 'light',
    })

    // Closing the last window quits (not on macOS); the quit waits for running work, then goes on.
    expect(world.app.quitsHeld).toBe(1)
    await flushed
    await settle()
    expect(world.app.quits).toBe(2)
    expect(world.app.quitsHeld).toBe(1)
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)

    const next = await boot(freshWorld(), [`--data-dir=${dataDir}`])
    const stipple = await loadPreload(next)
    expect(await stipple.invoke('patients.list', { query: '', includeArchived: false })).toMatchObject({
      value: { total: 1 },
    })
    expect(next.windows[0]?.options).toMatchObject({
      x: 40,
      y: 30,
      width: 1100,
      height: 650,
      backgroundColor: '#e9e9eb',
    })
  })

  it('a quit from the menu closes the window first, so the page’s last save is stored before the database closes', async () => {
    const dataDir = makeTempDir()
    const world = await boot(freshWorld(), [`--data-dir=${dataDir}`])
    const page = await loadPreload(world)
    world.windows[0]?.once('close', () => {
      void page.invoke('patients.create', { fields: validFields({ fullName: 'Last change' }) })
    })
    world.app.quit()
    await vi.waitFor(() => expect(world.app.quits).toBeGreaterThan(world.app.quitsHeld))
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)

    const next = await boot(freshWorld(), [`--data-dir=${dataDir}`])
    const reopened = await loadPreload(next)
    expect(await reopened.invoke('patients.list', { query: '', includeArchived: false })).toMatchObject({
      value: { total: 1, patients: [{ fullName: 'Last change' }] },
    })
  })
})
