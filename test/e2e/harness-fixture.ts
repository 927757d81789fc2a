import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, type ElectronApplication, type Page, type TestDetails } from '@playwright/test'
import { DESKTOP_PAGE_URL, launchDesktop } from './electron-app'

/**
 * What the journeys drive: the web harness in Chromium (the default config), or the built
 * desktop app in Electron (playwright.electron.config.ts sets STIPPLE_E2E_TRANSPORT). The
 * choice is made once per run, so a spec's fixtures never start the other one's browser.
 */
export type Transport = 'web' | 'electron'
export const TRANSPORT: Transport = process.env.STIPPLE_E2E_TRANSPORT === 'electron' ? 'electron' : 'web'

/**
 * For a test that only applies to the web harness: tagged, so the Electron project leaves it
 * out (its `grepInvert`), with why in the report.
 */
export const webOnly = (why: string): TestDetails => ({
  tag: '@web-only',
  annotation: { type: 'web harness only', description: why },
})

/** The app under test, on its own fresh data folder. */
export interface Harness {
  transport: Transport
  /** Where a page opens the app: the harness's launch URL, or the desktop app's own page. */
  url: string
  dataDir: string
  /** How the app names its shell in the sidebar ("Stipple 0.1.0 · desktop"). */
  shellName: 'web harness' | 'desktop'
  /** The running desktop app, for its main process (dialogs, menus); null in the web harness. */
  electron: ElectronApplication | null
  /**
   * Stops the app (as quitting would: the database closed cleanly), runs `between` on the data
   * folder while nothing holds it, and starts it again on the same folder; `url` changes to the
   * new one. Resolves to the page to go on with: the same page for the harness, the new window
   * for the desktop app.
   */
  restart(between?: (dataDir: string) => void | Promise<void>): Promise<Page>
}

const HARNESS_ENTRY = path.resolve(import.meta.dirname, '../../out/main/harness.js')

/** Starts the built harness as a user would (`node out/main/harness.js`) and waits for its URL. */
async function startHarness(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  if (!fs.existsSync(HARNESS_ENTRY)) throw new Error('Build first (npm run build): out/main/harness.js is missing')
  const child = spawn(process.execPath, [HARNESS_ENTRY, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 15_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Ready: (http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`harness exited (${code}):\n${output}`)))
  })
  return { url, child }
}

async function stopHarness(child: ChildProcess) {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
}

const freshDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-e2e-'))

/**
 * One app on a fresh data folder for a whole spec file, for specs whose tests look at the same
 * data (opened in `beforeAll`, closed in `afterAll`): set-up through the UI is paid once. `page`
 * opens it: a new browser page for the harness, the desktop app's window in Electron.
 */
export interface SharedApp {
  url: string
  page: Page
  close(): Promise<void>
}

/** Options of the shared app's page; the desktop window takes what Electron can emulate. */
type SharedAppOptions = { reducedMotion?: 'reduce' }

interface TestFixtures {
  harness: Harness
}
interface WorkerFixtures {
  /** Opens a `SharedApp`; the spec closes it. */
  openSharedApp(options?: SharedAppOptions): Promise<SharedApp>
}

/** Each test gets its own harness on its own fresh database; `page` is a browser tab. */
const webTest = base.extend<TestFixtures, WorkerFixtures>({
  harness: async ({ page }, use) => {
    const dataDir = freshDataDir()
    let running = await startHarness(dataDir)
    const harness: Harness = {
      transport: 'web',
      url: running.url,
      dataDir,
      shellName: 'web harness',
      electron: null,
      async restart(between) {
        await stopHarness(running.child)
        await between?.(dataDir)
        running = await startHarness(dataDir)
        harness.url = running.url
        return page
      },
    }
    await use(harness)
    await stopHarness(running.child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
  openSharedApp: [
    async ({ browser }, use) => {
      await use(async (options = {}) => {
        const dataDir = freshDataDir()
        const { url, child } = await startHarness(dataDir)
        const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, ...options })
        return {
          url,
          page: await context.newPage(),
          async close() {
            await context.close()
            await stopHarness(child)
            fs.rmSync(dataDir, { recursive: true, force: true })
          },
        }
      })
    },
    { scope: 'worker' },
  ],
})

/**
 * Each test launches the built desktop app on its own fresh data folder, and `page` is its
 * window: the journeys run against the real shell (preload, IPC, the app and photo schemes,
 * native dialogs answered at the dialog module).
 */
const electronTest = base.extend<TestFixtures, WorkerFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
  harness: async ({}, use) => {
    const dataDir = freshDataDir()
    let running = await launchDesktop(dataDir)
    const harness: Harness = {
      transport: 'electron',
      url: DESKTOP_PAGE_URL,
      dataDir,
      shellName: 'desktop',
      electron: running.app,
      async restart(between) {
        await running.app.close()
        await between?.(dataDir)
        running = await launchDesktop(dataDir)
        harness.electron = running.app
        return running.window
      },
    }
    await use(harness)
    await running.app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
  page: async ({ harness }, use) => {
    if (!harness.electron) throw new Error('the desktop app is not running')
    await use(await harness.electron.firstWindow())
  },
  openSharedApp: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      await use(async (options = {}) => {
        const dataDir = freshDataDir()
        const desktop = await launchDesktop(dataDir)
        if (options.reducedMotion) await desktop.window.emulateMedia({ reducedMotion: options.reducedMotion })
        return {
          url: DESKTOP_PAGE_URL,
          page: desktop.window,
          async close() {
            await desktop.app.close()
            fs.rmSync(dataDir, { recursive: true, force: true })
          },
        }
      })
    },
    { scope: 'worker' },
  ],
})

export const test = TRANSPORT === 'electron' ? electronTest : webTest

export { expect } from '@playwright/test'
