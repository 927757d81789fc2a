import { EventEmitter } from 'node:events'
import type {
  App,
  BrowserWindowConstructorOptions,
  ContextBridge,
  Dialog,
  IpcMain,
  IpcMainEvent,
  IpcMainInvokeEvent,
  IpcRenderer,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  NativeTheme,
  OpenDialogReturnValue,
  Protocol,
  SaveDialogReturnValue,
  Screen,
  Session,
  Shell,
  WebContents,
  WebFrameMain,
  WebUtils,
} from 'electron'
import { StandInUtilityProcess, utilityMetrics } from './utility-process-stand-in'

/**
 * A stand-in for the `electron` module, enough to boot the real main entry and preload under
 * Node. Each piece implements the members the app uses, picked from Electron's own declarations
 * (node_modules/electron/electron.d.ts), so a changed or removed API fails the typecheck here.
 * What Electron would do on screen is recorded for the tests to read instead.
 */

type Rect = Electron.Rectangle

export function display(id: number, workArea: Rect, bounds: Rect = workArea): Electron.Display {
  return {
    id,
    workArea,
    bounds,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    accelerometerSupport: 'unknown',
    colorDepth: 24,
    colorSpace: 'srgb',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    internal: true,
    label: `Display ${id}`,
    maximumCursorSize: { width: 64, height: 64 },
    monochrome: false,
    nativeOrigin: { x: bounds.x, y: bounds.y },
    rotation: 0,
    scaleFactor: 1,
    touchSupport: 'unknown',
  }
}

/** Chromium's process singleton: which user-data folders a running Stipple holds, across stand-in "processes". */
export type InstanceRegistry = Map<string, StandInApp>

class StandInFrame {
  constructor(public url: string) {}
}

class StandInSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  dictionaryUrl: string | null = null
  addedWords: string[] = []
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null = null
  permissionRequest: Parameters<Session['setPermissionRequestHandler']>[0] = null
  permissionCheck: Parameters<Session['setPermissionCheckHandler']>[0] = null
  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]) {
    this.permissionRequest = handler
  }
  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]) {
    this.permissionCheck = handler
  }
  setSpellCheckerDictionaryDownloadURL: Session['setSpellCheckerDictionaryDownloadURL'] = (url) => {
    this.dictionaryUrl = url
  }
  addWordToSpellCheckerDictionary: Session['addWordToSpellCheckerDictionary'] = (word) => {
    this.addedWords.push(word)
    return true
  }
  webRequest = {
    onBeforeRequest: (
      _filter: Electron.WebRequestFilter,
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ) => {
      this.beforeRequest = listener
    },
  }
  /** Whether a page request to `url` would be let through. */
  allows(url: string): boolean {
    let cancel = false
    this.beforeRequest?.({ url }, (response) => {
      cancel = response.cancel ?? false
    })
    return !cancel
  }
}

export class StandInWebContents
  extends EventEmitter
  implements Pick<WebContents, 'send' | 'reload' | 'isDestroyed' | 'replaceMisspelling' | 'forcefullyCrashRenderer'>
{
  sent: [string, ...unknown[]][] = []
  loads: string[] = []
  reloads = 0
  replaced: string[] = []
  mainFrame: StandInFrame
  windowOpenHandler: Parameters<WebContents['setWindowOpenHandler']>[0] | null = null
  pdf = Buffer.from('%PDF-1.7 stand-in')
  constructor(
    public session: StandInSession,
    private readonly owner: StandInWindow,
  ) {
    super()
    this.mainFrame = new StandInFrame('')
  }
  send: WebContents['send'] = (channel, ...args) => {
    this.sent.push([channel, ...args])
    this.owner.deliver(channel, args)
  }
  sentOn(channel: string): unknown[] {
    return this.sent.filter(([c]) => c === channel).map(([, value]) => value)
  }
  async loadURL(url: string): Promise<void> {
    this.loads.push(url)
    this.mainFrame = new StandInFrame(url)
    this.emit('did-start-loading')
    setImmediate(() => {
      this.emit('did-finish-load')
      this.owner.emit('ready-to-show')
    })
  }
  reload: WebContents['reload'] = () => {
    this.reloads++
    this.emit('did-start-loading')
    setImmediate(() => this.emit('did-finish-load'))
  }
  isDestroyed: WebContents['isDestroyed'] = () => this.owner.isDestroyed()
  replaceMisspelling: WebContents['replaceMisspelling'] = (text) => {
    this.replaced.push(text)
  }
  forcefullyCrashRenderer: WebContents['forcefullyCrashRenderer'] = () => {
    this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 })
  }
  setWindowOpenHandler: WebContents['setWindowOpenHandler'] = (handler) => {
    this.windowOpenHandler = handler
  }
  printToPDF: WebContents['printToPDF'] = async () => this.pdf
}

export class StandInWindow
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'show'
      | 'focus'
      | 'restore'
      | 'isMinimized'
      | 'isMaximized'
      | 'maximize'
      | 'getNormalBounds'
      | 'setBackgroundColor'
      | 'isDestroyed'
      | 'close'
    >
{
  webContents: StandInWebContents
  shown = false
  focused = 0
  maximized = false
  destroyed = false
  background: string
  bounds: Rect
  constructor(
    public options: BrowserWindowConstructorOptions,
    private readonly world: ElectronStandIn,
  ) {
    super()
    this.webContents = new StandInWebContents(world.defaultSession, this)
    this.background = options.backgroundColor ?? ''
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 }
    world.windows.push(this)
    world.app.emit('web-contents-created', {}, this.webContents)
  }
  loadURL(url: string) {
    return this.webContents.loadURL(url)
  }
  /** Hands what main sent to the page's listeners (the preload's). */
  deliver(channel: string, args: unknown[]) {
    for (const listener of this.world.rendererListeners.get(channel) ?? []) listener({}, ...args)
  }
  show: Electron.BrowserWindow['show'] = () => {
    this.shown = true
  }
  focus: Electron.BrowserWindow['focus'] = () => {
    this.focused++
  }
  restore: Electron.BrowserWindow['restore'] = () => {}
  isMinimized: Electron.BrowserWindow['isMinimized'] = () => false
  isMaximized: Electron.BrowserWindow['isMaximized'] = () => this.maximized
  maximize: Electron.BrowserWindow['maximize'] = () => {
    this.maximized = true
  }
  getNormalBounds: Electron.BrowserWindow['getNormalBounds'] = () => this.bounds
  setBackgroundColor: Electron.BrowserWindow['setBackgroundColor'] = (colour) => {
    this.background = colour
  }
  isDestroyed: Electron.BrowserWindow['isDestroyed'] = () => this.destroyed
  close: Electron.BrowserWindow['close'] = () => {
    this.emit('close', { preventDefault() {} })
    this.destroyed = true
    this.world.windows.splice(this.world.windows.indexOf(this), 1)
    this.emit('closed')
    if (this.world.windows.length === 0) this.world.app.emit('window-all-closed')
  }
}

export class StandInApp
  extends EventEmitter
  implements
    Pick<
      App,
      | 'whenReady'
      | 'isReady'
      | 'quit'
      | 'setName'
      | 'getName'
      | 'getPath'
      | 'setPath'
      | 'getVersion'
      | 'enableSandbox'
      | 'requestSingleInstanceLock'
      | 'setAboutPanelOptions'
      | 'setAppUserModelId'
      | 'isPackaged'
      | 'getAppMetrics'
    >
{
  isPackaged = false
  name = 'electron'
  sandboxed = false
  quits = 0
  quitsHeld = 0
  about: Electron.AboutPanelOptionsOptions | null = null
  private readonly paths = new Map<string, string>()
  private ready = false
  constructor(
    private readonly registry: InstanceRegistry,
    home: string,
  ) {
    super()
    this.paths.set('appData', `${home}/appData`)
    this.paths.set('userData', `${home}/appData/${this.name}`)
    this.paths.set('documents', `${home}/Documents`)
  }
  getAppMetrics: App['getAppMetrics'] = () => utilityMetrics()
  whenReady: App['whenReady'] = async () => {
    await new Promise((resolve) => setImmediate(resolve))
    this.ready = true
  }
  isReady: App['isReady'] = () => this.ready
  /** As Electron does: `before-quit` first, and a listener may hold the quit off. */
  quit: App['quit'] = () => {
    this.quits++
    let held = false
    this.emit('before-quit', {
      preventDefault: () => {
        held = true
      },
    })
    if (held) this.quitsHeld++
  }
  setName: App['setName'] = (name) => {
    this.name = name
  }
  getName: App['getName'] = () => this.name
  getPath: App['getPath'] = (name) => {
    const found = this.paths.get(name)
    if (!found) throw new Error(`The stand-in has no path for ${name}`)
    return found
  }
  setPath: App['setPath'] = (name, path) => {
    this.paths.set(name, path)
  }
  getVersion: App['getVersion'] = () => '0.1.0-stand-in'
  enableSandbox: App['enableSandbox'] = () => {
    this.sandboxed = true
  }
  /** As Chromium does: scoped to the user-data folder, and a refused launch hands its arguments to the holder. */
  requestSingleInstanceLock: App['requestSingleInstanceLock'] = () => {
    const folder = this.getPath('userData')
    const holder = this.registry.get(folder)
    if (holder && holder !== this) {
      holder.emit('second-instance', {}, [...process.argv], process.cwd(), {})
      return false
    }
    this.registry.set(folder, this)
    return true
  }
  setAboutPanelOptions: App['setAboutPanelOptions'] = (options) => {
    this.about = options
  }
  setAppUserModelId: App['setAppUserModelId'] = () => {}
}

class StandInIpcMain implements Pick<IpcMain, 'handle' | 'on'> {
  handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>()
  listeners = new Map<string, (event: IpcMainEvent, ...args: unknown[]) => void>()
  handle: IpcMain['handle'] = (channel, listener) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  on: IpcMain['on'] = (channel, listener) => {
    this.listeners.set(channel, listener)
    return this as unknown as IpcMain
  }
}

export interface MenuRecord {
  template: MenuItemConstructorOptions[]
  popups: number
}

export class ElectronStandIn {
  readonly windows: StandInWindow[] = []
  readonly defaultSession = new StandInSession()
  readonly app: StandInApp
  readonly ipc = new StandInIpcMain()
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>()
  readonly privilegedSchemes: Electron.CustomScheme[] = []
  readonly menus: MenuRecord[] = []
  applicationMenu: MenuRecord | null = null
  readonly errorBoxes: { title: string; content: string }[] = []
  readonly messageBoxes: MessageBoxOptions[] = []
  /** What the next message boxes answer (button index), in order; 0 once empty. */
  readonly messageBoxAnswers: number[] = []
  readonly saveDialogAnswers: SaveDialogReturnValue[] = []
  readonly openedPaths: string[] = []
  readonly rendererListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  /** The window's page as the preload sees it: what it exposed, and the paths of files it was given. */
  exposed: Record<string, unknown> = {}
  readonly filePaths = new WeakMap<File, string>()
  displays: Electron.Display[] = [
    display(1, { x: 0, y: 0, width: 1366, height: 728 }, { x: 0, y: 0, width: 1366, height: 768 }),
  ]
  readonly theme = { themeSource: 'system' as NativeTheme['themeSource'], shouldUseDarkColors: true }

  constructor(registry: InstanceRegistry, home: string) {
    this.app = new StandInApp(registry, home)
  }

  private messageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
    this.messageBoxes.push(options)
    return Promise.resolve({ response: this.messageBoxAnswers.shift() ?? 0, checkboxChecked: false })
  }

  /** The page's main frame, as IPC names the sender of what it sends. */
  private pageEvent() {
    const contents = this.windows[0]?.webContents
    if (!contents) throw new Error('No window is open')
    return { sender: contents, senderFrame: contents.mainFrame as unknown as WebFrameMain }
  }

  private made: ReturnType<ElectronStandIn['makeModule']> | null = null
  /** The `electron` module as main and the preload import it (one per world, so classes keep their identity). */
  get module() {
    this.made ??= this.makeModule()
    return this.made
  }

  private makeModule() {
    const world = this
    const app = this.app
    const BrowserWindow = class extends StandInWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, world)
      }
      static getAllWindows() {
        return [...world.windows]
      }
    }
    const protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> = {
      registerSchemesAsPrivileged: (schemes) => {
        world.privilegedSchemes.push(...schemes)
      },
      handle: (scheme, handler) => {
        world.protocolHandlers.set(scheme, handler as (request: Request) => Promise<Response>)
      },
    }
    const Menu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        const record: MenuRecord = { template, popups: 0 }
        world.menus.push(record)
        return {
          record,
          popup: () => {
            record.popups++
          },
        }
      },
      setApplicationMenu: (menu: { record: MenuRecord } | null) => {
        world.applicationMenu = menu?.record ?? null
      },
    }
    const dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox' | 'showSaveDialog' | 'showOpenDialog'> = {
      showErrorBox: (title, content) => {
        world.errorBoxes.push({ title, content })
      },
      showMessageBox: ((...args: unknown[]) =>
        world.messageBox(args.at(-1) as MessageBoxOptions)) as Dialog['showMessageBox'],
      showSaveDialog: (async () =>
        world.saveDialogAnswers.shift() ?? { canceled: true, filePath: '' }) as Dialog['showSaveDialog'],
      showOpenDialog: (async (): Promise<OpenDialogReturnValue> => ({
        canceled: true,
        filePaths: [],
      })) as Dialog['showOpenDialog'],
    }
    const screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'> = {
      getAllDisplays: () => world.displays,
      getPrimaryDisplay: () => world.displays[0] as Electron.Display,
      getDisplayMatching: () => world.displays[0] as Electron.Display,
    }
    const shell: Pick<Shell, 'openPath'> = {
      openPath: async (path) => {
        world.openedPaths.push(path)
        return ''
      },
    }
    const ipcRenderer: Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'> = {
      invoke: async (channel, ...args) => {
        const handler = world.ipc.handlers.get(channel)
        if (!handler) throw new Error(`No handler registered for '${channel}'`)
        return handler(world.pageEvent() as unknown as IpcMainInvokeEvent, ...args)
      },
      send: (channel, ...args) => {
        world.ipc.listeners.get(channel)?.(world.pageEvent() as unknown as IpcMainEvent, ...args)
      },
      on: (channel, listener) => {
        const listeners = world.rendererListeners.get(channel) ?? new Set()
        listeners.add(listener as (event: unknown, ...args: unknown[]) => void)
        world.rendererListeners.set(channel, listeners)
        return ipcRenderer as IpcRenderer
      },
      removeListener: (channel, listener) => {
        world.rendererListeners.get(channel)?.delete(listener as (event: unknown, ...args: unknown[]) => void)
        return ipcRenderer as IpcRenderer
      },
    }
    const contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
      exposeInMainWorld: (key, api) => {
        world.exposed[key] = api
      },
    }
    const webUtils: Pick<WebUtils, 'getPathForFile'> = {
      getPathForFile: (file) => world.filePaths.get(file) ?? '',
    }
    return {
      app,
      BrowserWindow,
      ipcMain: this.ipc,
      protocol,
      Menu,
      dialog,
      screen,
      shell,
      session: { defaultSession: this.defaultSession },
      nativeTheme: this.theme,
      ipcRenderer,
      contextBridge,
      webUtils,
      utilityProcess: { fork: StandInUtilityProcess.fork },
    }
  }

  /** Sends what a frame would send: the page's main frame unless another is named. */
  invokeFrom(frame: { url: string; isMain: boolean }, channel: string, ...args: unknown[]): unknown {
    const handler = this.ipc.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    const { sender } = this.pageEvent()
    const senderFrame = frame.isMain ? sender.mainFrame : new StandInFrame(frame.url)
    if (frame.isMain) sender.mainFrame.url = frame.url
    return handler({ sender, senderFrame } as unknown as IpcMainInvokeEvent, ...args)
  }

  /** What the app scheme or photo scheme answers for a URL. */
  request(url: string): Promise<Response> {
    const handler = this.protocolHandlers.get(new URL(url).protocol.slice(0, -1))
    if (!handler) throw new Error(`No handler for ${url}`)
    return Promise.resolve(handler(new Request(url)))
  }
}
