import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.ts'

export default defineConfig({
  test: {
    projects: [
      {
        // electron-vite turns `import x from './file?asset'` into the file's path; under Node it is the path itself.
        plugins: [
          {
            name: 'stipple-asset-path',
            load: (id: string) => (id.endsWith('?asset') ? `export default ${JSON.stringify(id.slice(0, -6))}` : null),
          },
        ],
        test: {
          name: 'node',
          environment: 'node',
          // The first photo or archive call of a file starts a worker thread that loads main's TypeScript sources.
          testTimeout: 15_000,
          // The editor's model is plain TypeScript, so its tests run under Node like the domain's.
          include: [
            'src/main/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/renderer/src/editor/**/*.test.ts',
            'src/renderer/src/shapes/**/*.test.ts',
            'src/renderer/src/actions/**/*.test.ts',
            'src/renderer/src/features/**/*.test.ts',
            'test/node/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'browser',
          // Pixel probes at 800–3200% and 300 dpi draw large bitmaps in software; under load they need the room.
          testTimeout: 30_000,
          include: ['src/renderer/**/*.test.tsx', 'test/browser/**/*.test.tsx'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 800 },
          },
        },
      },
    ],
  },
})
