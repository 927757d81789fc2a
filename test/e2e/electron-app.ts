import fs from 'node:fs'
import path from 'node:path'
import { _electron, type ElectronApplication, type Page } from '@playwright/test'

const ROOT = path.resolve(import.meta.dirname, '../..')
const MAIN_ENTRY = path.join(ROOT, 'out/main/index.js')

/** The page the desktop app shows: what a spec opens where the web harness gives a URL. */
export const DESKTOP_PAGE_URL = 'stipple-app://app/index.html'

export interface DesktopApp {
  app: ElectronApplication
  window: Page
}

/**
 * The built app launched in Electron on `dataDir`, as `npm start` does: the project folder, so
 * Electron reads package.json (its `main`, name and version). Resolves once its window has
 * loaded the app page.
 */
export async function launchDesktop(dataDir: string): Promise<DesktopApp> {
  const executablePath = process.env.ELECTRON_EXEC_PATH
  if (!executablePath) throw new Error('Run through npm run test:electron, which names the Electron binary.')
  if (!fs.existsSync(MAIN_ENTRY)) throw new Error('Build first (npm run build): out/main/index.js is missing')
  const app = await _electron.launch({
    executablePath,
    args: [ROOT, `--data-dir=${dataDir}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  })
  const window = await app.firstWindow()
  await window.waitForLoadState('load')
  return { app, window }
}

/** Answers the next native save dialogs in main with `filePath`, as the person would: the dialog module is where the app asks. */
export async function answerSaveDialog(app: ElectronApplication, filePath: string) {
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog
  }, filePath)
}

/**
 * Answers the next native save dialogs in main, as the person would: the dialog module is where
 * the app asks. Each file goes into `folder` under the name the app offered; `saved()` lists the
 * paths answered so far.
 */
export async function answerSaveDialogs(app: ElectronApplication, folder: string) {
  await app.evaluate(({ dialog }, into) => {
    const answered: string[] = []
    ;(globalThis as { savedPaths?: string[] }).savedPaths = answered
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      const options = args.at(-1) as { defaultPath?: string }
      const name = (options.defaultPath ?? 'file').split(/[\\/]/).pop() ?? 'file'
      const file = `${into}${into.includes('\\') ? '\\' : '/'}${name}`
      answered.push(file)
      return { canceled: false, filePath: file }
    }) as typeof dialog.showSaveDialog
  }, folder)
  return {
    saved: () => app.evaluate(() => [...((globalThis as { savedPaths?: string[] }).savedPaths ?? [])]),
  }
}

/** Answers the next native open dialogs in main with `files`, as if the person chose them. */
export async function answerOpenDialogs(app: ElectronApplication, files: string[]) {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: chosen })) as typeof dialog.showOpenDialog
  }, files)
}

/** Answers every message box with its first button, keeping what each said (`shownMessages` in main). */
export async function answerMessageBoxes(app: ElectronApplication) {
  await app.evaluate(({ dialog }) => {
    const shown: string[] = []
    ;(globalThis as { shownMessages?: string[] }).shownMessages = shown
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args.at(-1) as { message: string; detail?: string }
      shown.push(`${options.message}\n${options.detail ?? ''}`)
      return { response: 0, checkboxChecked: false }
    }) as typeof dialog.showMessageBox
  })
}
