import { BrowserWindow, nativeTheme, screen } from 'electron'
import icon from '../../../resources/icon.png?asset'
import { PRODUCT_NAME } from './identity'
import { type DisplayArea, loadWindowState, MIN_SIZE, placeWindow, saveWindowState } from './window-state'

/** The workspace colours of each theme (tokens.css), so the window never flashes the other one while loading. */
export const THEME_BACKGROUND = { dark: '#1d1d1f', light: '#e9e9eb' } as const
export type ShellTheme = keyof typeof THEME_BACKGROUND

const displayArea = (display: Electron.Display): DisplayArea => ({ id: display.id, workArea: display.workArea })

/**
 * The one app window: where and how large it was last time (inside a screen's work area), in
 * the theme the person last chose, locked down (context isolation, sandbox, no Node).
 */
export interface MainWindow {
  window: BrowserWindow
  /** Follows the page's theme choice: native menus, dialogs and the window background, now and next launch. */
  setTheme(theme: ShellTheme): void
}

export function createMainWindow(options: { preload: string; url: string; dataDir: string }): MainWindow {
  const saved = loadWindowState(options.dataDir)
  const theme: ShellTheme = saved?.theme ?? 'dark'
  nativeTheme.themeSource = theme
  const { bounds, maximized } = placeWindow(
    saved,
    screen.getAllDisplays().map(displayArea),
    displayArea(screen.getPrimaryDisplay()),
  )
  const window = new BrowserWindow({
    ...bounds,
    minWidth: Math.min(MIN_SIZE.width, bounds.width),
    minHeight: Math.min(MIN_SIZE.height, bounds.height),
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: THEME_BACKGROUND[theme],
    // macOS and Windows take the icon from the packaged app; Linux needs it on the window.
    ...(process.platform === 'linux' && { icon }),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  })
  let currentTheme = theme
  const remember = () => {
    if (window.isDestroyed()) return
    saveWindowState(options.dataDir, {
      bounds: window.getNormalBounds(),
      displayId: screen.getDisplayMatching(window.getNormalBounds()).id,
      maximized: window.isMaximized(),
      theme: currentTheme,
    })
  }
  window.on('close', remember)
  window.once('ready-to-show', () => {
    if (maximized) window.maximize()
    window.show()
  })
  void window.loadURL(options.url)
  return {
    window,
    setTheme(next) {
      currentTheme = next
      nativeTheme.themeSource = next
      window.setBackgroundColor(THEME_BACKGROUND[next])
      remember()
    },
  }
}
