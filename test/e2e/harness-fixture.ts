import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base } from '@playwright/test'

export interface Harness {
  url: string
  dataDir: string
  /**
   * Stops the harness (as Ctrl+C would: the database closed cleanly), runs `between` on the
   * data folder while nothing holds it, and starts a new harness on the same folder; `url`
   * changes to the new one.
   */
  restart(between?: (dataDir: string) => void | Promise<void>): Promise<void>
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

/**
 * One harness on a fresh database for a whole spec file, for specs whose tests look at the same
 * data (started in `beforeAll`, closed in `afterAll`): set-up through the UI is paid once.
 */
export async function sharedHarness(): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-e2e-'))
  const { url, child } = await startHarness(dataDir)
  return {
    url,
    async close() {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Each test gets its own harness on its own fresh database. */
export const test = base.extend<{ harness: Harness }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
  harness: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-e2e-'))
    let running = await startHarness(dataDir)
    const stop = async () => {
      running.child.kill('SIGTERM')
      await new Promise((r) => running.child.once('exit', r))
    }
    const harness: Harness = {
      url: running.url,
      dataDir,
      async restart(between) {
        await stop()
        await between?.(dataDir)
        running = await startHarness(dataDir)
        harness.url = running.url
      },
    }
    await use(harness)
    await stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
