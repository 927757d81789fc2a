// `npm start` (electron-vite preview) and `npm run dev` (electron-vite dev): makes sure Electron's
// binary is there before electron-vite looks for it, then hands over.
//   node scripts/electron.mjs preview|dev [electron-vite options…]
// Electron 45's package no longer downloads its binary at install time, and electron-vite only
// reads node_modules/electron/path.txt (throwing "Electron uninstall" when it is missing), so the
// binary is fetched here with Electron's own installer. ELECTRON_EXEC_PATH (the variable
// electron-vite reads) names a binary to use instead, and then nothing is downloaded.
// A download that cannot happen ends in one message, well within a minute, never a stack trace.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// From the project being started (npm runs scripts in its folder), as electron-vite resolves it.
const require = createRequire(path.join(process.cwd(), 'package.json'))
const electronDir = path.dirname(require.resolve('electron/package.json'))
const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version
/** Leaves electron-vite's own start-up well inside the minute a failed start may take. */
const INSTALL_TIMEOUT_MS = Number(process.env.STIPPLE_ELECTRON_INSTALL_TIMEOUT_MS) || 45_000

function fail(why) {
  console.error(
    [
      '',
      `Stipple cannot open its desktop window: ${why}`,
      'Run `npm run web` to use the same app in your browser,',
      `or set ELECTRON_EXEC_PATH to an Electron ${electronVersion} binary and run this again.`,
      '',
    ].join('\n'),
  )
  process.exit(1)
}

/** The last line an installer wrote that reads like a reason, without its stack frames. */
function reasonFrom(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !line.startsWith('{') && !line.startsWith('}'))
  const errorLine = lines.findLast((line) => /error|fail|ENOTFOUND|ECONN|EAI_AGAIN|timed out/i.test(line))
  return (errorLine ?? lines.at(-1) ?? 'no reason given').slice(0, 200)
}

function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'))
  return fs.existsSync(binary) ? binary : null
}

function ensureElectronBinary() {
  const named = process.env.ELECTRON_EXEC_PATH
  if (named) {
    if (!fs.existsSync(named)) fail(`ELECTRON_EXEC_PATH names ${named}, and there is no file there.`)
    return path.resolve(named)
  }
  const present = installedBinary()
  if (!present) console.log(`Fetching Electron ${electronVersion} for this machine (once; about 100 MB)…`)
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  })
  if (install.error?.code === 'ETIMEDOUT' || install.signal)
    fail(`Electron ${electronVersion} could not be downloaded in ${Math.round(INSTALL_TIMEOUT_MS / 1000)} s.`)
  if (install.status !== 0)
    fail(
      `Electron ${electronVersion} is not installed and could not be downloaded (${reasonFrom(`${install.stdout}\n${install.stderr}`)}).`,
    )
  const binary = installedBinary()
  if (!binary) fail(`Electron's installer finished, but no Electron ${electronVersion} binary is in ${electronDir}.`)
  return binary
}

const [mode, ...rest] = process.argv.slice(2)
if (mode !== 'preview' && mode !== 'dev') {
  console.error('Usage: node scripts/electron.mjs preview|dev [electron-vite options]')
  process.exit(2)
}

const binary = ensureElectronBinary()
const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
const run = spawnSync(process.execPath, [electronVite, mode, ...rest], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary },
})
process.exit(run.status ?? 1)
