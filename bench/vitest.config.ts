import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * Benchmarks, run as ordinary Vitest files by `npm run bench` and never by `npm test`: they
 * print figures and assert only that the work succeeded, never how long it took.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
  },
})
