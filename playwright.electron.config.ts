import { defineConfig } from '@playwright/test'

// Read by test/e2e/harness-fixture.ts when the specs load (here, and in the worker processes
// started after this): the journeys drive the desktop app instead of the web harness.
process.env.STIPPLE_E2E_TRANSPORT = 'electron'

/**
 * The journeys against the built app in real Electron (`npm run test:electron`, which skips with
 * a reason where no Electron binary exists): the web harness's journeys (test/e2e) where they
 * apply, through the same fixture, plus the desktop's own (test/electron: the window and its
 * isolation, the menu, PDF and archive saved where the native save dialog says, the photo
 * scheme, a crashed page). Each test launches the app on a fresh data folder and drives its
 * first window; native dialogs are answered at Electron's dialog module.
 *
 * Left out, and why:
 * - e2e/accessibility.spec.ts: axe-core's runner opens pages of its own beside the one it checks,
 *   which Electron's single window cannot give; the renderer it checks is the same page in both.
 * - e2e/offline-review.spec.ts: it opens the saved review file in a second, offline browser,
 *   and the Electron project has no browser of its own. The desktop save of the review file is the
 *   same save dialog the archive and PDF journeys take.
 * - tests tagged @web-only (their annotation says why): the harness's HTTP token and answers.
 */
export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  testIgnore: ['e2e/accessibility.spec.ts', 'e2e/offline-review.spec.ts'],
  grepInvert: /@web-only/,
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // An app launch per test, and journeys that take a minute through the harness.
  timeout: 90_000,
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
})
