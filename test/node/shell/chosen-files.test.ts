import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../../src/main/backend'
import { holdChosenArchive, readChosenFile } from '../../../src/main/electron/read-chosen-file'
import { LOG_MAX_BYTES, openShellLog } from '../../../src/main/electron/shell-log'
import { createPhotoFiles } from '../../../src/main/services/photos/photo-files'
import { PHOTO_LIMITS } from '../../../src/shared/photos/photo-fields'
import { validFields } from '../../fixtures/patients'
import { refusal as bridgeRefusal, call } from '../bridge-call'
import { flatJpeg } from '../images'
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

describe('an archive the person chose, copied by main into a file of its own', () => {
  it('is copied byte for byte a chunk at a time, reporting percent up to 100', async () => {
    const dir = makeTempDir()
    const file = path.join(dir, 'Ana Ruiz.stipple')
    const bytes = Buffer.alloc(20 * 1024 * 1024 + 3)
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251
    fs.writeFileSync(file, bytes)
    const reported: number[] = []
    const held = await holdChosenArchive(file, path.join(dir, 'held.bin'), (percent) => reported.push(percent))
    expect(held.path).toBe(path.join(dir, 'held.bin'))
    expect(held.byteLength).toBe(bytes.length)
    expect(fs.readFileSync(held.path).equals(bytes)).toBe(true)
    expect(reported.at(-1)).toBe(100)
    expect(reported).toEqual([...reported].sort((a, b) => a - b))
  })

  it('is refused, before anything is copied, when it is not a regular .stipple file, and leaves no copy', async () => {
    const dir = makeTempDir()
    const held = path.join(makeTempDir(), 'held.bin')
    const empty = path.join(dir, 'empty.stipple')
    fs.writeFileSync(empty, '')
    const notArchive = path.join(dir, 'notes.txt')
    fs.writeFileSync(notArchive, 'x')
    const folder = path.join(dir, 'folder.stipple')
    fs.mkdirSync(folder)
    const refusal = (file: string) =>
      holdChosenArchive(file, held).then(
        () => null,
        (e: Error) => e.message,
      )
    expect(await refusal(empty)).toMatch(/empty/)
    expect(await refusal(notArchive)).toMatch(/Only a \.stipple/)
    expect(await refusal(folder)).toMatch(/not a file|cannot be opened/)
    expect(await refusal(path.join(dir, 'gone.stipple'))).toMatch(/cannot be opened/)
    expect(fs.readdirSync(path.dirname(held))).toEqual([])
  })

  it('is imported from the copy byte for byte, and the copy is gone once the import answered, whatever it answered', async () => {
    const first = openBackend({ dataDir: makeTempDir(), shell: 'web', version: 'test' })
    const files = makeTempDir()
    const heldDir = makeTempDir()
    let copies = 0
    const dataDir = makeTempDir()
    const desktop = openBackend({
      dataDir,
      shell: 'desktop',
      version: 'test',
      platform: { holdChosenArchive: (file) => holdChosenArchive(file, path.join(heldDir, `${copies++}.bin`)) },
    })
    try {
      const patient = await call(first, 'patients.create', { fields: validFields({ fullName: 'Kofi Mensah' }) })
      const photo = new Uint8Array(await flatJpeg(120, 90))
      await call(first, 'photos.import', { patientId: patient.id, name: 'top.jpg', lastModified: null, bytes: photo })
      const exported = await call(first, 'archives.export', { patientId: patient.id })
      const archive = path.join(files, 'Kofi Mensah.stipple')
      fs.writeFileSync(archive, exported.bytes)

      const shown = await call(desktop, 'archives.inspectFile', { path: archive })
      expect(shown.counts.photos).toBe(1)
      // Main's copy of the chosen file is gone once the call answered; the archive held is its own.
      expect(fs.readdirSync(heldDir)).toEqual([])
      // What is imported is what was shown, whatever the file on disk has become meanwhile.
      fs.writeFileSync(archive, 'overwritten since')
      const imported = await call(desktop, 'archives.import', { heldId: shown.heldId, onExisting: 'skip' })
      expect(imported.status).toBe('imported')
      expect(fs.readdirSync(heldDir)).toEqual([])
      const [stored] = await call(desktop, 'photos.list', { patientId: patient.id })
      expect(
        stored && fs.readFileSync(createPhotoFiles(dataDir).pathOf(stored.sha256, 'original', stored.format)),
      ).toEqual(Buffer.from(photo))

      const damaged = path.join(files, 'Damaged.stipple')
      fs.writeFileSync(damaged, exported.bytes.subarray(0, exported.bytes.byteLength - 40))
      const refused = await bridgeRefusal(desktop, 'archives.inspectFile', { path: damaged })
      expect(refused.code).toBe('invalid_input')
      expect(fs.readdirSync(heldDir)).toEqual([])
    } finally {
      first.close()
      desktop.close()
    }
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
