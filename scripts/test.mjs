// `npm test`: every check CI runs, in order, stopping at the first failure.
// Typecheck → lint → Node tests → Chromium component tests → build → end to end in Chromium.
// Ends with one "tests: N passed, N failed" line summed over all test layers.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-test-reports-'))
const vitestJson = (name) => path.join(reports, `vitest-${name}.json`)
const playwrightJson = path.join(reports, 'playwright.json')

const steps = [
  ['Typecheck (main, preload, shared)', 'tsc -p tsconfig.node.json --noEmit'],
  ['Typecheck (renderer)', 'tsc -p tsconfig.web.json --noEmit'],
  ['Typecheck (end-to-end specs)', 'tsc -p tsconfig.e2e.json --noEmit'],
  ['Lint and format', 'biome check .'],
  [
    'Node tests',
    `vitest run --project node --reporter=default --reporter=json --outputFile.json=${vitestJson('node')}`,
  ],
  [
    'Chromium component tests',
    `vitest run --project browser --reporter=default --reporter=json --outputFile.json=${vitestJson('browser')}`,
  ],
  ['Build', 'electron-vite build'],
  [
    'End to end (web harness + Chromium)',
    'playwright test --reporter=list,json',
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  ],
]

function counts() {
  let passed = 0
  let failed = 0
  for (const name of ['node', 'browser']) {
    if (!fs.existsSync(vitestJson(name))) continue
    const r = JSON.parse(fs.readFileSync(vitestJson(name), 'utf8'))
    passed += r.numPassedTests
    failed += r.numFailedTests
  }
  if (fs.existsSync(playwrightJson)) {
    const { stats } = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'))
    passed += stats.expected
    failed += stats.unexpected + stats.flaky
  }
  return { passed, failed }
}

let failedStep = null
for (const [title, command, env = {}] of steps) {
  console.log(`\n━━ ${title}: ${command.split(' --reporter')[0]}`)
  const started = Date.now()
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true, env: { ...process.env, ...env } })
  console.log(`━━ ${title}: ${status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  if (status !== 0) {
    failedStep = title
    break
  }
}

const { passed, failed } = counts()
fs.rmSync(reports, { recursive: true, force: true })
if (failedStep) console.log(`\nFailed at: ${failedStep}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failedStep ? 1 : 0)
