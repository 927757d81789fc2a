import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openBackend } from '../backend'
import { lockDataFolder } from '../files/data-folder-lock'
import { decoding } from '../services/isolation/decoding'
import { sweepStaleTempFolders } from '../services/isolation/private-temp'
import { startHarness } from './server'

/**
 * `node out/main/harness.js [--port N] [--data-dir DIR]`: the whole app in any Chromium, on a
 * real SQLite file. Without --data-dir it uses a fresh temporary folder, removed on exit.
 */
async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`)
  const temporary = values['data-dir'] === undefined
  const dataDir = path.resolve(values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-harness-')))
  const here = path.dirname(fileURLToPath(import.meta.url))
  const { version } = JSON.parse(fs.readFileSync(path.join(here, '../../package.json'), 'utf8')) as { version: string }

  // The desktop app holds the same lock: one process per database, whichever shell it is.
  const lock = lockDataFolder(dataDir)
  if (!lock) throw new Error(`Another Stipple is already using ${dataDir}; close it first.`)
  // A harness or app that was killed left its decode jobs' and held archives' folders behind.
  await sweepStaleTempFolders()
  const backend = openBackend({ dataDir, shell: 'web', version, rendererDir: path.join(here, '../renderer') })
  const harness = await startHarness({
    dispatch: backend.dispatch,
    photoFile: backend.photoFile,
    rendererDir: path.join(here, '../renderer'),
    port,
    onArchiveArriving: () => decoding.prepare(),
  })

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await harness.close()
    backend.close()
    lock.release()
    if (temporary) fs.rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  console.log(`Stipple web harness (data: ${dataDir}${temporary ? ', temporary' : ''})`)
  console.log(`Ready: ${harness.url}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
