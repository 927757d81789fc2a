import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog } from 'electron'
import { type Backend, openBackend } from './backend'
import { resolveDataDir } from './electron/data-dir'
import { registerBridge } from './electron/ipc'
import { installApplicationMenu } from './electron/menu'
import { handlePhotoProtocol, registerPhotoScheme } from './electron/photo-protocol'
import { printWithWindow } from './electron/print-pdf'
import { rendererLocation } from './electron/renderer-location'
import { saveWithDialog } from './electron/save-dialog'
import { hardenWebContents } from './electron/security'
import { createMainWindow } from './electron/window'

const mainDir = path.dirname(fileURLToPath(import.meta.url))
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

app.enableSandbox()
registerPhotoScheme()

// One writer per database: a second launch focuses the running window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let backend: Backend | undefined
  let mainWindow: BrowserWindow | null = null
  const renderer = rendererLocation(mainDir, devServerUrl)
  const openWindow = () => {
    mainWindow = createMainWindow({ preload: path.join(mainDir, '../preload/index.cjs'), url: renderer.url })
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.whenReady().then(() => {
    hardenWebContents(renderer.isAppUrl)
    try {
      backend = openBackend({
        dataDir: resolveDataDir(),
        shell: 'desktop',
        version: app.getVersion(),
        platform: { saveFile: saveWithDialog(() => mainWindow), printToPdf: printWithWindow(() => mainWindow) },
        // Under the dev server there is no built renderer to pack into a review file.
        rendererDir: devServerUrl ? undefined : path.join(mainDir, '../renderer'),
      })
    } catch (error) {
      dialog.showErrorBox(
        'Stipple cannot open its patient database',
        error instanceof Error ? error.message : String(error),
      )
      app.quit()
      return
    }
    registerBridge(backend.dispatch, renderer.isAppUrl)
    handlePhotoProtocol(backend.photoFile)
    installApplicationMenu(() => mainWindow, devServerUrl !== undefined)
    openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => backend?.close())
}
