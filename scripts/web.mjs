// `npm run web [-- --port N --data-dir DIR]`: builds the app, then serves it through the web
// harness so it runs in any Chromium. Arguments pass through to out/main/harness.js.
import { spawn, spawnSync } from 'node:child_process'

const build = spawnSync('electron-vite build', { stdio: ['ignore', 'ignore', 'inherit'], shell: true })
if (build.status !== 0) process.exit(build.status ?? 1)

const harness = spawn(process.execPath, ['out/main/harness.js', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => harness.kill(signal))
harness.on('exit', (code) => process.exit(code ?? 0))
