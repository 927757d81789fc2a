import { BrowserWindow } from 'electron'

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
