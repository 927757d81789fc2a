import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * `npm run test:crash`: the full kill loop (200 kills of the record writer, 100 in the middle of
 * photo imports), which takes a few minutes; `npm test` runs the same test with a short loop.
 * CI runs both. STIPPLE_CRASH_SEED=<seed> replays a failure.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    include: ['test/node/crash-safety.test.ts'],
    environment: 'node',
    env: { STIPPLE_CRASH_KILLS: '200' },
  },
})
