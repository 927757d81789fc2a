import { BrowserWindow } from 'electron'
import icon from '../../../resources/icon.png?asset'

/** Matches the dark workspace colour so the window does not flash white while loading. */
const WORKSPACE_BACKGROUND = '#1d1d1f'

export function createMainWindow(options: { preload: string; url: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Stipple',
    backgroundColor: WORKSPACE_BACKGROUND,
    // macOS and Windows take the icon from the packaged app; Linux needs it on the window.
    ...(process.platform === 'linux' && { icon }),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.url)
  return window
}
