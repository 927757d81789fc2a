import { type App, type BrowserWindow, type Dialog, dialog } from 'electron'
import type { ShellLog } from './shell-log'

/** More window crashes than this within CRASH_WINDOW_MS stop the automatic reload (a page that dies on load). */
const MAX_RELOADS = 3
const CRASH_WINDOW_MS = 60_000

export const SAVED_WORK_IS_SAFE =
  'Everything Stipple had saved is safe: records are kept by its data service, which kept running. ' +
  'A change made in the last moments before the window stopped may need to be made again.'

type Prompt = Pick<Dialog, 'showMessageBox' | 'showErrorBox'>

/**
 * Main's own faults: an exception or a rejection nobody caught is logged and main keeps going
 * (the database and the window are still sound; a dialog for every stray rejection would be
 * noise), and a lost helper process (GPU, network service) is logged.
 */
export function handleMainProcessFaults(app: Pick<App, 'on'>, log: ShellLog): void {
  process.on('uncaughtException', (error) => log.error('Uncaught exception in main:', error))
  process.on('unhandledRejection', (reason) => log.error('Unhandled rejection in main:', reason))
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') log.warn(`A ${details.type} process stopped (${details.reason}).`)
  })
}

/**
 * The window's faults: a renderer that crashes or is killed is reloaded and the person told
 * that saved work is safe; a page that fails to load offers to try again; a window that hangs
 * offers to wait or reload. Everything is logged with the log folder named in the dialogs.
 */
export function watchWindow(window: BrowserWindow, log: ShellLog, prompt: Prompt = dialog): void {
  const contents = window.webContents
  let crashes: number[] = []

  contents.on('render-process-gone', (_event, details) => {
    log.error(`The window's page stopped (${details.reason}, exit code ${details.exitCode}).`)
    if (details.reason === 'clean-exit' || window.isDestroyed()) return
    const now = Date.now()
    crashes = [...crashes.filter((at) => now - at < CRASH_WINDOW_MS), now]
    if (crashes.length > MAX_RELOADS) {
      prompt.showErrorBox(
        'Stipple’s window keeps stopping',
        `${SAVED_WORK_IS_SAFE}\n\nQuit Stipple and start it again. If it happens again, the log in ${log.folder} says why.`,
      )
      return
    }
    contents.reload()
    contents.once('did-finish-load', () => {
      void prompt.showMessageBox(window, {
        type: 'warning',
        title: 'Stipple',
        message: 'Stipple’s window stopped unexpectedly and was reopened',
        detail: SAVED_WORK_IS_SAFE,
        buttons: ['OK'],
      })
    })
  })

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is a load the app itself replaced (a reload over a reload): nothing failed.
    if (!isMainFrame || errorCode === -3) return
    log.error(`The window could not load ${validatedURL}: ${errorDescription} (${errorCode}).`)
    void prompt
      .showMessageBox(window, {
        type: 'error',
        title: 'Stipple',
        message: 'Stipple’s window could not be shown',
        detail: `${errorDescription}. Your records are not affected. The log in ${log.folder} has the details.`,
        buttons: ['Try Again', 'Quit'],
        defaultId: 0,
      })
      .then(({ response }) => {
        if (window.isDestroyed()) return
        if (response === 0) void contents.loadURL(validatedURL)
        else window.close()
      })
  })

  window.on('unresponsive', () => {
    log.warn('The window is not responding.')
    void prompt
      .showMessageBox(window, {
        type: 'warning',
        title: 'Stipple',
        message: 'Stipple’s window is not responding',
        detail: `You can wait for it, or reload it. ${SAVED_WORK_IS_SAFE}`,
        buttons: ['Wait', 'Reload'],
        defaultId: 0,
        cancelId: 0,
      })
      .then(({ response }) => {
        if (response === 1 && !window.isDestroyed()) contents.forcefullyCrashRenderer()
      })
  })
  window.on('responsive', () => log.info('The window is responding again.'))
}
