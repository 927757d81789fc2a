import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readChosenFile } from '../../../src/main/electron/read-chosen-file'
import { LOG_MAX_BYTES, openShellLog } from '../../../src/main/electron/shell-log'
import { PHOTO_LIMITS } from '../../../src/shared/photos/photo-fields'
import { tempDirsForEachTest } from '../temp-dir'

const makeTempDir = tempDirsForEachTest()

describe('a file the person chose, read by main from its path', () => {
  it('reads it whole with its name and time, reporting percent up to 100', async () => {
    const dir = makeTempDir()
    const file = path.join(dir, 'Ana Ruiz.stipple')
    fs.writeFileSync(file, Buffer.alloc(20 * 1024 * 1024, 7))
    fs.utimesSync(file, new Date('2026-03-04T10:00:00Z'), new Date('2026-03-04T10:00:00Z'))
    const reported: number[] = []
    const chosen = await readChosenFile(file, 'archive', (percent) => reported.push(percent))
    expect(chosen.name).toBe('Ana Ruiz.stipple')
    expect(chosen.lastModified).toBe(Date.parse('2026-03-04T10:00:00Z'))
    expect(chosen.bytes.byteLength).toBe(20 * 1024 * 1024)
    expect(reported.at(-1)).toBe(100)
    expect(reported).toEqual([...reported].sort((a, b) => a - b))
  })

  it('refuses, before reading, what is not a regular file of an allowed size and kind', async () => {
    const dir = makeTempDir()
    const empty = path.join(dir, 'empty.jpg')
    fs.writeFileSync(empty, '')
    const huge = path.join(dir, 'huge.jpg')
    fs.writeFileSync(huge, '')
    fs.truncateSync(huge, PHOTO_LIMITS.maxBytes + 1)
    const notArchive = path.join(dir, 'notes.txt')
    fs.writeFileSync(notArchive, 'x')
    const folder = path.join(dir, 'folder.stipple')
    fs.mkdirSync(folder)

    const refusal = (file: string, kind: 'photo' | 'archive') =>
      readChosenFile(file, kind).then(
        () => null,
        (e: Error) => e.message,
      )
    expect(await refusal(empty, 'photo')).toMatch(/empty/)
    expect(await refusal(huge, 'photo')).toMatch(/larger than 200 MB/)
    expect(await refusal(notArchive, 'archive')).toMatch(/Only a \.stipple/)
    expect(await refusal(folder, 'archive')).toMatch(/not a file|cannot be opened/)
    expect(await refusal(path.join(dir, 'gone.jpg'), 'photo')).toMatch(/cannot be opened/)
    if (process.platform !== 'win32') expect(await refusal('/dev/zero', 'photo')).toMatch(/not a file/)
  })
})

describe('the shell log', () => {
  it('writes to logs/main.log in the data folder and rotates it by size, keeping four', () => {
    const dataDir = makeTempDir()
    const consoleBefore = { ...console }
    try {
      const log = openShellLog(dataDir)
      expect(log.file).toBe(path.join(dataDir, 'logs', 'main.log'))
      const line = 'x'.repeat(64 * 1024)
      for (let i = 0; i < (LOG_MAX_BYTES / line.length) * 6; i++) log.info(line)
      log.error('the last failure')
      const files = fs.readdirSync(log.folder).sort()
      expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.4.log', 'main.log'])
      for (const file of files) expect(fs.statSync(path.join(log.folder, file)).size).toBeLessThan(LOG_MAX_BYTES * 1.1)
      expect(fs.readFileSync(log.file, 'utf8')).toContain('the last failure')
    } finally {
      Object.assign(console, consoleBefore)
    }
  })
})
