// `npm run dist [-- electron-builder options]`: the current OS's installers in dist/ (see
// electron-builder.yml): the icons from resources/icon.svg, the app built, then electron-builder.
import { spawnSync } from 'node:child_process'

const steps = [
  ['node', ['scripts/make-icons.mjs']],
  ['electron-vite', ['build']],
  ['electron-builder', ['--publish', 'never', ...process.argv.slice(2)]],
]
for (const [command, args] of steps) {
  const { status } = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (status !== 0) {
    console.error(`\nnpm run dist stopped at: ${command} ${args.join(' ')}`)
    process.exit(status ?? 1)
  }
}
