import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, utilityProcess } from 'electron'
import {
  type ArchiveOnDisk,
  OPEN_ARCHIVE_CHANNEL,
  PROGRESS_CHANNEL,
  type Progress,
} from '../shared/bridge/desktop-events'
import { type Backend, openBackend } from './backend'
import { handleAppScheme, registerAppSchemes } from './electron/app-scheme'
import { installContextMenu } from './electron/context-menu'
import { handleMainProcessFaults, watchWindow } from './electron/crash-handling'
import { resolveDataDir } from './electron/data-dir'
import { APP_ID, PRODUCT_NAME } from './electron/identity'
import { registerBridge, registerDesktopChannels } from './electron/ipc'
import { archivesInArgs } from './electron/launch-files'
import { installApplicationMenu } from './electron/menu'
import { handlePhotoProtocol } from './electron/photo-protocol'
import { printWithWindow } from './electron/print-pdf'
import { holdQuitForPendingWork } from './electron/quit-guard'
import { holdChosenArchive, readChosenFile } from './electron/read-chosen-file'
import { rendererLocation } from './electron/renderer-location'
import { saveWithDialog } from './electron/save-dialog'
import { hardenWebContents } from './electron/security'
import { openShellLog } from './electron/shell-log'
import { createUtilityLauncher } from './electron/utility-launcher'
import { createMainWindow, type MainWindow } from './electron/window'
import { type DataFolderLock, lockDataFolder } from './files/data-folder-lock'
import { decoding, useDecodeLauncher } from './services/isolation/decoding'
import { createHeldFolder } from './services/isolation/held-files'
import { decodeChildEntry } from './services/isolation/node-launcher'
import { sweepStaleTempFolders } from './services/isolation/private-temp'

const mainDir = path.dirname(fileURLToPath(import.meta.url))
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const rendererDir = path.join(mainDir, '../renderer')

// Before anything asks for a path: the name the OS shows and the user-data folder's name.
app.setName(PRODUCT_NAME)
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('appData'))
// Electron's own lock, caches and dictionaries live with the data they serve, so the
// single-instance lock below is per data folder: a second practice opens beside the first.
app.setPath('userData', dataDir)
app.enableSandbox()
registerAppSchemes()
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

const log = openShellLog(dataDir)
handleMainProcessFaults(app, log)

let shown: MainWindow | null = null
let pageListening = false
const pendingArchives: ArchiveOnDisk[] = []

/** Shows the import preview for an archive the app was handed; queued until the page listens. */
function openArchive(file: string) {
  let size: number
  try {
    size = fs.statSync(file).size
  } catch {
    log.warn('An archive the app was handed could not be found.')
    return
  }
  const archive = { path: file, name: path.basename(file), size }
  const window = shown?.window
  if (window && !window.isDestroyed() && pageListening) {
    window.webContents.send(OPEN_ARCHIVE_CHANNEL, archive)
    if (window.isMinimized()) window.restore()
    window.focus()
  } else pendingArchives.push(archive)
}

// macOS hands a double-clicked file with this event, possibly before `ready`.
app.on('open-file', (event, file) => {
  event.preventDefault()
  openArchive(file)
})

// One writer per database: a second launch on this data folder focuses the running window and
// hands it any archive it was asked to open. The lock file guards the folder itself as well.
const ownsInstance = app.requestSingleInstanceLock()
let folderProblem: string | null = null
let folderLock: DataFolderLock | null = null
if (ownsInstance) {
  try {
    folderLock = lockDataFolder(dataDir)
  } catch (error) {
    folderProblem = error instanceof Error ? error.message : String(error)
  }
}
if (!folderLock) {
  if (!ownsInstance) {
    log.info('Another Stipple is using this data folder; handing over to it.')
    app.quit()
  }
  // Electron's lock was free but the folder is not ours: another user or another copy of the
  // app holds it, or it cannot be written at all.
  else
    void app.whenReady().then(() => {
      log.error(`The data folder ${dataDir} cannot be used: ${folderProblem ?? 'held by another Stipple'}.`)
      if (folderProblem)
        dialog.showErrorBox(
          'Stipple cannot use its data folder',
          `${dataDir} cannot be created or written (${folderProblem}). Choose another with --data-dir, or check its permissions.`,
        )
      else
        dialog.showErrorBox(
          'This data folder is in use',
          `Another Stipple is already open on ${dataDir}. Close it first: two at once could damage the records.`,
        )
      app.quit()
    })
} else {
  let backend: Backend | undefined
  /** Archives chosen by path, copied here to be checked and imported (removed on exit). */
  const heldArchives = createHeldFolder()
  const renderer = rendererLocation(devServerUrl)
  const getWindow = () => (shown && !shown.window.isDestroyed() ? shown.window : null)
  const showProgress = (progress: Progress) => getWindow()?.webContents.send(PROGRESS_CHANNEL, progress)

  const openWindow = () => {
    shown = createMainWindow({ preload: path.join(mainDir, '../preload/index.cjs'), url: renderer.url, dataDir })
    const { window } = shown
    installContextMenu(window.webContents)
    watchWindow(window, log)
    window.webContents.on('did-start-loading', () => {
      pageListening = false
    })
    window.on('closed', () => {
      shown = null
      pageListening = false
    })
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    // On macOS the app outlives its window: a launch with none open opens one.
    if (!getWindow() && app.isReady() && backend) openWindow()
    const window = getWindow()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    for (const file of archivesInArgs(argv, workingDirectory)) openArchive(file)
  })

  holdQuitForPendingWork(app, {
    closeWindows: () => {
      const window = getWindow()
      if (!window) return Promise.resolve()
      const closed = new Promise<void>((resolve) => window.once('closed', () => resolve()))
      window.close()
      return closed
    },
    settled: () => backend?.settled() ?? Promise.resolve(),
    close: () => {
      backend?.close()
      folderLock.release()
    },
    log,
  })

  // A Stipple that was killed or crashed left its decode jobs' and held archives' folders behind.
  void sweepStaleTempFolders().then((removed) => {
    if (removed.length > 0) log.info(`Removed ${removed.length} temporary folder(s) a stopped Stipple left.`)
  })

  void app.whenReady().then(() => {
    app.setAboutPanelOptions({
      applicationName: PRODUCT_NAME,
      applicationVersion: app.getVersion(),
      copyright: 'Design workstation for scalp micropigmentation',
    })
    hardenWebContents(renderer.isAppUrl, renderer.devServerOrigin)
    if (!devServerUrl) handleAppScheme(rendererDir)
    // The RunAsNode fuse is off, so photos and archives are decoded in utility processes.
    useDecodeLauncher(createUtilityLauncher({ utilityProcess, app }, decodeChildEntry))
    try {
      backend = openBackend({
        dataDir,
        shell: 'desktop',
        version: app.getVersion(),
        platform: {
          saveFile: saveWithDialog(getWindow),
          printToPdf: printWithWindow(getWindow),
          readChosenFile: (file, kind) =>
            readChosenFile(file, kind, (percent) => showProgress({ task: 'reading', percent })),
          holdChosenArchive: async (file) => {
            // The decode process that checks the archive starts while it is copied.
            decoding.prepare()
            return holdChosenArchive(file, await heldArchives.newPath(), (percent) =>
              showProgress({ task: 'reading', percent }),
            )
          },
        },
        // Under the dev server there is no built renderer to pack into a review file.
        rendererDir: devServerUrl ? undefined : rendererDir,
      })
    } catch (error) {
      log.error('The patient database could not be opened:', error)
      dialog.showErrorBox(
        'Stipple cannot open its patient database',
        error instanceof Error ? error.message : String(error),
      )
      app.quit()
      return
    }
    registerBridge(backend.dispatch, renderer.isAppUrl)
    registerDesktopChannels({
      isAppUrl: renderer.isAppUrl,
      takePendingArchives: () => {
        pageListening = true
        return pendingArchives.splice(0)
      },
      setTheme: (theme) => shown?.setTheme(theme),
    })
    handlePhotoProtocol(backend.photoFile)
    installApplicationMenu({
      getWindow,
      isDev: devServerUrl !== undefined,
      dataDir,
      logsDir: log.folder,
      openArchive,
    })
    for (const file of archivesInArgs(process.argv, process.cwd())) openArchive(file)
    openWindow()
    log.info(`Stipple ${app.getVersion()} started (Electron ${process.versions.electron ?? 'unknown'}).`)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
