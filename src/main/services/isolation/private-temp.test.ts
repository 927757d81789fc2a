import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makePrivateTempFolder, sweepStaleTempFolders } from './private-temp'

const MODULE = path.join(import.meta.dirname, 'private-temp.ts')

let base = ''
afterEach(() => fs.rmSync(base, { recursive: true, force: true }))

/** A Node process that makes its private folder in `base`, puts a patient's file in it, says where, and waits. */
function holder(kind: 'decode' | 'held', exitAfter: boolean): { child: ChildProcess; dir: Promise<string> } {
  const script = `
    const { makePrivateTempFolder } = await import(${JSON.stringify(MODULE)});
    const { writeFileSync } = await import('node:fs');
    const dir = await makePrivateTempFolder(${JSON.stringify(kind)}, ${JSON.stringify(base)});
    writeFileSync(dir + '/archive.bin', 'a patient archive');
    console.log(dir);
    ${exitAfter ? 'process.exit(0)' : 'setInterval(() => {}, 1000)'}
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const dir = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve(out.trim())
    })
    child.once('exit', (code) => (out ? resolve(out.trim()) : reject(new Error(`exited ${code}`))))
  })
  return { child, dir }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  )

describe('private temp folders of patient bytes', () => {
  it('go with their process: at its exit, or at the next start when it was killed', async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'private-temp-test-'))
    // Ended normally: its folder goes with it.
    const ended = holder('decode', true)
    const endedDir = await ended.dir
    await exited(ended.child)
    expect(fs.existsSync(endedDir)).toBe(false)

    // Killed as a crash would: its folder and the archive in it stay behind...
    const killed = holder('held', false)
    const killedDir = await killed.dir
    expect(path.basename(killedDir)).toMatch(new RegExp(`^stipple-held-${killed.child.pid}-`))
    killed.child.kill('SIGKILL')
    await exited(killed.child)
    expect(fs.readFileSync(path.join(killedDir, 'archive.bin'), 'utf8')).toBe('a patient archive')

    // ...until the next start sweeps them. A running process's folder, another app's folder and
    // an older Stipple's, whose process cannot be told, stay.
    const live = await makePrivateTempFolder('decode', base)
    const others = ['stipple-harness-AbC123', 'stipple-decode-Xy12Z9', 'someone-else-1234-abc']
    for (const name of others) fs.mkdirSync(path.join(base, name))
    expect(await sweepStaleTempFolders(base)).toEqual([path.basename(killedDir)])
    expect(fs.existsSync(killedDir)).toBe(false)
    expect(fs.existsSync(live)).toBe(true)
    for (const name of others) expect(fs.existsSync(path.join(base, name))).toBe(true)
  })

  it('sweeps nothing, and fails nothing, where the temp folder cannot be read', async () => {
    base = path.join(os.tmpdir(), `private-temp-missing-${process.pid}`)
    expect(await sweepStaleTempFolders(base)).toEqual([])
  })
})
