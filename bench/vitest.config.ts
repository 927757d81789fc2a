import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium.ts'

/**
 * Benchmarks, run as ordinary Vitest files by `npm run bench` and never by `npm test`: they
 * print figures and assert only that the work succeeded, never how long it took. `*.bench.ts`
 * run under Node; `*.bench.tsx` in headless Chromium (software rendering, as `--disable-gpu`
 * in the shared flags), one file at a time so no benchmark shares the machine with another.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
    projects: [
      {
        extends: true,
        // Projects with different group orders run one after the other, never side by side.
        test: {
          name: 'bench-node',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        plugins: [react()],
        // React, react-konva's reconciler and zustand as the app ships them: their production
        // builds, several times faster per render than the development ones tests use.
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        oxc: { jsx: { development: false } },
        test: {
          name: 'bench-browser',
          sequence: { groupOrder: 1 },
          include: ['bench/**/*.bench.tsx'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--window-size=1700,1000'] },
              contextOptions: { viewport: { width: 1700, height: 1000 }, deviceScaleFactor: 1 },
            }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1600, height: 900 },
          },
        },
      },
    ],
  },
})
