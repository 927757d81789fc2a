import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * The page's Content-Security-Policy is strict (no inline script or style). Vite's dev server
 * injects an inline React-refresh preamble, style tags and a websocket, so only `electron-vite
 * dev` loosens it; builds, `npm start` and the web harness keep the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'stipple-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws:"),
  }
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The web harness runs the same main-process code under plain Node.
          harness: resolve(import.meta.dirname, 'src/main/harness/cli.ts'),
          // Decoding, inflating, hashing and whole-database checks run in worker threads started from this file.
          'heavy-worker': resolve(import.meta.dirname, 'src/main/workers/heavy-worker.ts'),
          // Photos and archives are decoded in child processes started from this file (utilityProcess
          // in the desktop app, child_process.fork in the harness), each killed past its memory budget.
          'decode-child': resolve(import.meta.dirname, 'src/main/services/isolation/decode-child.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can neither be an ES module nor require packages: one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    plugins: [react(), relaxCspForDevServer()],
  },
})
