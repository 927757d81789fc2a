import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDirsForEachTest } from '../temp-dir'

const root = path.resolve(import.meta.dirname, '../../..')
const launcher = path.join(root, 'scripts/electron.mjs')
const electronTests = path.join(root, 'scripts/test-electron.mjs')
const realModules = path.join(root, 'node_modules')

/**
 * A project as `npm start` finds it on a fresh machine: a built main entry, electron-vite, and
 * Electron's npm package as installed, with no binary (Electron 45 fetches it on first run).
 */
function freshProject(dir: string): string {
  const project = path.join(dir, 'project')
  fs.mkdirSync(path.join(project, 'out/main'), { recursive: true })
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ main: './out/main/index.js', type: 'module' }))
  fs.writeFileSync(path.join(project, 'out/main/index.js'), '')
  const electron = path.join(project, 'node_modules/electron')
  fs.mkdirSync(electron, { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json', 'index.js'])
    fs.copyFileSync(path.join(realModules, 'electron', file), path.join(electron, file))
  fs.symlinkSync(path.join(realModules, 'electron-vite'), path.join(project, 'node_modules/electron-vite'), 'junction')
  return project
}

/** Runs the start script in the project; the installer finds its own dependencies in the real node_modules. */
function start(project: string, args: string[], env: Record<string, string>, script = launcher) {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'ELECTRON_EXEC_PATH' && !/^electron_/i.test(key)),
  )
  const started = Date.now()
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...cleanEnv, NODE_PATH: realModules, ...env },
    timeout: 90_000,
  })
  return { ...result, seconds: (Date.now() - started) / 1000 }
}

const makeTempDir = tempDirsForEachTest()

describe('npm start (scripts/electron.mjs)', () => {
  // The stand-in is a script with a #! line, which Windows cannot start as a program.
  it.skipIf(process.platform === 'win32')(
    'launches the built app with the binary ELECTRON_EXEC_PATH names, downloading nothing',
    () => {
      const dir = makeTempDir()
      const project = freshProject(dir)
      const record = path.join(dir, 'launched.json')
      const standIn = path.join(dir, 'electron-stand-in')
      fs.writeFileSync(
        standIn,
        `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }))\n`,
        { mode: 0o755 },
      )

      const result = start(project, ['preview', '--skipBuild', '--', '--data-dir=/tmp/practice'], {
        ELECTRON_EXEC_PATH: standIn,
        // Any download attempt would fail loudly against a closed port.
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      })

      expect(result.status, result.stderr).toBe(0)
      expect(JSON.parse(fs.readFileSync(record, 'utf8'))).toEqual({
        args: ['.', '--data-dir=/tmp/practice'],
        cwd: fs.realpathSync(project),
      })
      expect(result.stdout).not.toContain('Fetching Electron')
      expect(fs.existsSync(path.join(project, 'node_modules/electron/dist'))).toBe(false)
    },
  )

  it('says why and points at npm run web when the binary cannot be downloaded, in under a minute', () => {
    const dir = makeTempDir()
    const project = freshProject(dir)

    const result = start(project, ['preview', '--skipBuild'], {
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: path.join(dir, 'cache'),
    })

    expect(result.status).toBe(1)
    expect(result.seconds).toBeLessThan(60)
    expect(result.stderr).toContain('Stipple cannot open its desktop window')
    expect(result.stderr).toContain('could not be downloaded')
    expect(result.stderr).toContain('npm run web')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(result.stderr).not.toContain('Electron uninstall')
  })

  it('refuses an ELECTRON_EXEC_PATH that names no file, with the same way out', () => {
    const dir = makeTempDir()
    const project = freshProject(dir)

    const result = start(project, ['dev'], { ELECTRON_EXEC_PATH: path.join(dir, 'no-such-electron') })

    expect(result.status).toBe(1)
    expect(result.stderr).toContain('ELECTRON_EXEC_PATH names')
    expect(result.stderr).toContain('npm run web')
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })

  it('npm run test:electron says it skipped and why, and succeeds, where no Electron binary exists', () => {
    const dir = makeTempDir()
    const project = freshProject(dir)

    const result = start(
      project,
      [],
      { ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: path.join(dir, 'cache') },
      electronTests,
    )

    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(
      /test:electron skipped: no Electron binary is installed and it could not be downloaded \(.+\)/,
    )
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })
})
