// Runs an npm script's command under a Node the stack accepts (>= 22.12). This file itself
// must run on any old Node, so it is plain JavaScript with no dependencies.
// On Linux x64 an older Node is replaced via scripts/ensure-node.sh, which installs Node 24
// from the npm registry into .tools/; elsewhere the user is told what to install.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [major, minor] = process.versions.node.split('.').map(Number)
const recentEnough = major > 22 || (major === 22 && minor >= 12)
const args = process.argv.slice(2)
const here = dirname(fileURLToPath(import.meta.url))

let result
if (recentEnough) {
  result = spawnSync(args.join(' '), { stdio: 'inherit', shell: true })
} else if (process.platform === 'linux' && process.arch === 'x64') {
  result = spawnSync('bash', [join(here, 'ensure-node.sh'), ...args], { stdio: 'inherit' })
} else {
  console.error(
    `Stipple needs Node 22.12 or newer (this is ${process.versions.node}). Install Node 24 LTS from nodejs.org.`,
  )
  process.exit(1)
}
process.exit(result.status ?? 1)
