// `npm run test:electron`: the journeys with Playwright's Electron support, against the built
// app: the web harness's (test/e2e) where they apply and the desktop's own (test/electron), as
// playwright.electron.config.ts lists them. Electron's binary is made present with Electron's own
// installer (or named by ELECTRON_EXEC_PATH); where there is none and none can be downloaded,
// it says it skipped and why, and exits 0. On Linux CI, run it under xvfb-run.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(path.join(process.cwd(), 'package.json'))
const electronDir = path.dirname(require.resolve('electron/package.json'))

function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'))
  return fs.existsSync(binary) ? binary : null
}

function skip(why) {
  console.log(`test:electron skipped: ${why}`)
  console.log('The same app is tested in Chromium through the web harness (npm run test:e2e).')
  process.exit(0)
}

let binary = process.env.ELECTRON_EXEC_PATH
if (binary && !fs.existsSync(binary)) skip(`ELECTRON_EXEC_PATH names ${binary}, and there is no file there.`)
if (!binary) {
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 120_000,
  })
  binary = installedBinary()
  if (!binary) {
    const reason = `${install.stderr ?? ''}`.split('\n').find((line) => line.trim() && !line.trim().startsWith('at '))
    skip(`no Electron binary is installed and it could not be downloaded (${reason?.trim() ?? 'timed out'}).`)
  }
}

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } })
const build = run('electron-vite', ['build'])
if (build.status !== 0) process.exit(build.status ?? 1)
const tests = run('playwright', ['test', '--config', 'playwright.electron.config.ts', ...process.argv.slice(2)], {
  ELECTRON_EXEC_PATH: binary,
  STIPPLE_E2E_TRANSPORT: 'electron',
})
process.exit(tests.status ?? 1)
