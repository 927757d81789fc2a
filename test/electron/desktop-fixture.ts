import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'

const ROOT = path.resolve(import.meta.dirname, '../..')
const MAIN_ENTRY = path.join(ROOT, 'out/main/index.js')

export interface Desktop {
  app: ElectronApplication
  window: Page
  dataDir: string
  /** A folder for files the test saves or imports. */
  files: string
}

/**
 * Each test launches the built app in Electron on its own data folder, as `npm start` does: the
 * project folder, so Electron reads package.json (its `main`, name and version).
 */
export const test = base.extend<{ desktop: Desktop }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
  desktop: async ({}, use) => {
    const executablePath = process.env.ELECTRON_EXEC_PATH
    if (!executablePath) throw new Error('Run through npm run test:electron, which names the Electron binary.')
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-desktop-'))
    const files = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-desktop-files-'))
    if (!fs.existsSync(MAIN_ENTRY)) throw new Error('Build first (npm run build): out/main/index.js is missing')
    const app = await _electron.launch({
      executablePath,
      args: [ROOT, `--data-dir=${dataDir}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    })
    const window = await app.firstWindow()
    await use({ app, window, dataDir, files })
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(files, { recursive: true, force: true })
  },
})

/** Replaces a native dialog in main, as the user's answer would: the dialog module is where the app asks. */
export async function answerSaveDialog(app: ElectronApplication, filePath: string) {
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog
  }, filePath)
}

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

export { expect } from '@playwright/test'
