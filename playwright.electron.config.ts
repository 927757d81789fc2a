import { defineConfig } from '@playwright/test'

/**
 * The desktop journeys, against the built app in real Electron (`npm run test:electron`, which
 * skips with a reason where no Electron binary exists). Each test launches its own app on a
 * fresh data folder.
 */
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
})
