import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'
import type { ArchiveImportResult, ArchiveSummary } from '../../../shared/archive/archive-summary'
import { HeldFile } from '../../../shared/files/held-file'
import { createHeldFolder } from '../isolation/held-files'
import { ServiceError } from '../service-error'
import type { ArchiveBytes, ArchiveImporter, PreparedArchive } from './archive-import'
import { createHeldArchives } from './held-archives'

const tempDir = tempDirsForEachTest()

const SUMMARY = { patient: { id: 'p', fullName: 'Ana Ruiz' } } as ArchiveSummary
const IMPORTED = { status: 'imported' } as ArchiveImportResult

/**
 * An importer whose checks are scripted: `prepare` records the archive it was given (its bytes
 * as they are at that moment), reports 10 at once, shows it (or refuses it) and records whether
 * it was dropped; once listened to it reports 42; `importPrepared` answers what the test says.
 */
function scriptedImporter(options: { refuse?: boolean } = {}) {
  const prepared: { bytes: ArchiveBytes; read: string; dropped: boolean }[] = []
  let importing: (prepared: PreparedArchive) => Promise<ArchiveImportResult> = async () => IMPORTED
  const importer: Pick<ArchiveImporter, 'prepare' | 'importPrepared'> = {
    prepare(bytes, report) {
      const entry = {
        bytes,
        read: bytes instanceof HeldFile ? fs.readFileSync(bytes.path, 'utf8') : '',
        dropped: false,
      }
      prepared.push(entry)
      report?.(10)
      const shown = options.refuse
        ? Promise.reject(new ServiceError('invalid_input', 'The archive is damaged.'))
        : Promise.resolve(SUMMARY)
      shown.catch(() => {})
      return {
        bytes,
        shown,
        listen: (next) => next(42),
        take: () => Promise.reject(new Error('taken by importPrepared here')),
        drop: () => {
          entry.dropped = true
        },
      }
    },
    importPrepared: (archive) => importing(archive),
  }
  return {
    importer,
    prepared,
    importWith(next: typeof importing) {
      importing = next
    },
  }
}

/** An upload as the harness holds it: a file of its own, removed once the call answers. */
function upload(text: string) {
  const file = path.join(tempDir(), 'upload.bin')
  fs.writeFileSync(file, text)
  return new HeldFile(file, Buffer.byteLength(text))
}

function held(importer: Pick<ArchiveImporter, 'prepare' | 'importPrepared'>, options = {}) {
  const folder = path.join(tempDir(), 'held')
  const archives = createHeldArchives(importer, { folder: createHeldFolder({ dir: folder }), ...options })
  return { archives, inHeldFolder: () => (fs.existsSync(folder) ? fs.readdirSync(folder) : []) }
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('held archives', () => {
  it('checks a file of its own for the import and, once it is shown, keeps it under an id', async () => {
    const script = scriptedImporter()
    const { archives, inHeldFolder } = held(script.importer)
    const sent = upload('the archive as shown')
    const heard: number[] = []
    const summary = await archives.inspect(sent, (percent) => heard.push(percent))
    expect(summary).toMatchObject({ ...SUMMARY, heldId: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(heard).toEqual([10, 100])
    // The upload goes once its call answers; the held copy stays, and is what the check reads.
    fs.rmSync(sent.path)
    expect(inHeldFolder()).toHaveLength(1)
    expect(script.prepared).toHaveLength(1)
    expect(script.prepared[0]?.read).toBe('the archive as shown')
    const heldFile = script.prepared[0]?.bytes as HeldFile
    expect(fs.readFileSync(heldFile.path, 'utf8')).toBe('the archive as shown')
  })

  it('imports by its id with the check its showing started, hears its progress, then lets it go', async () => {
    const script = scriptedImporter()
    const taken: PreparedArchive[] = []
    script.importWith(async (prepared) => {
      taken.push(prepared)
      return IMPORTED
    })
    const { archives, inHeldFolder } = held(script.importer)
    const { heldId } = await archives.inspect(upload('a'))
    const heard: number[] = []
    expect(await archives.import(heldId, 'copy', (percent) => heard.push(percent))).toBe(IMPORTED)
    expect(taken).toHaveLength(1)
    expect(taken[0]?.bytes).toBe(script.prepared[0]?.bytes)
    // The import hears the check from where it has got.
    expect(heard).toEqual([42])
    expect(inHeldFolder()).toEqual([])
    await expect(archives.import(heldId, 'copy')).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no longer ready to import.*Choose the file again/),
    })
  })

  it('holds nothing for a refused archive', async () => {
    const script = scriptedImporter({ refuse: true })
    const { archives, inHeldFolder } = held(script.importer)
    await expect(archives.inspect(upload('damaged'))).rejects.toMatchObject({ code: 'invalid_input' })
    expect(script.prepared[0]?.dropped).toBe(true)
    expect(inHeldFolder()).toEqual([])
  })

  it('keeps the archive after a failed import, and checks it anew for the next try', async () => {
    const script = scriptedImporter()
    script.importWith(() => Promise.reject(new ServiceError('unavailable', 'The disk is full.')))
    const { archives, inHeldFolder } = held(script.importer)
    const { heldId } = await archives.inspect(upload('a'))
    await expect(archives.import(heldId, 'copy')).rejects.toMatchObject({ code: 'unavailable' })
    expect(inHeldFolder()).toHaveLength(1)
    script.importWith(async () => IMPORTED)
    expect(await archives.import(heldId, 'copy')).toBe(IMPORTED)
    expect(script.prepared).toHaveLength(2)
    expect(inHeldFolder()).toEqual([])
  })

  it('refuses a second import of an archive being imported', async () => {
    const script = scriptedImporter()
    let finish: (result: ArchiveImportResult) => void = () => {}
    script.importWith(
      () =>
        new Promise((resolve) => {
          finish = resolve
        }),
    )
    const { archives } = held(script.importer)
    const { heldId } = await archives.inspect(upload('a'))
    const first = archives.import(heldId, 'copy')
    await expect(archives.import(heldId, 'copy')).rejects.toMatchObject({
      code: 'conflict',
      message: 'This archive is being imported already.',
    })
    finish(IMPORTED)
    expect(await first).toBe(IMPORTED)
  })

  it('lets an archive go when released: its check is dropped and its file removed', async () => {
    const script = scriptedImporter()
    const { archives, inHeldFolder } = held(script.importer)
    const { heldId } = await archives.inspect(upload('a'))
    await archives.release(heldId)
    expect(script.prepared[0]?.dropped).toBe(true)
    expect(inHeldFolder()).toEqual([])
    await expect(archives.import(heldId, 'skip')).rejects.toMatchObject({ code: 'not_found' })
    // Releasing one no longer held changes nothing.
    await archives.release(heldId)
  })

  it('lets an archive go once it has been held that long without an import', async () => {
    vi.useFakeTimers()
    const script = scriptedImporter()
    const { archives, inHeldFolder } = held(script.importer, { heldForMs: 60_000 })
    const { heldId } = await archives.inspect(upload('a'))
    await vi.advanceTimersByTimeAsync(59_000)
    expect(inHeldFolder()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(2_000)
    vi.useRealTimers()
    await vi.waitFor(() => expect(inHeldFolder()).toEqual([]))
    expect(script.prepared[0]?.dropped).toBe(true)
    await expect(archives.import(heldId, 'copy')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('holds at most so many at once: a further one lets the oldest go', async () => {
    const script = scriptedImporter()
    const { archives, inHeldFolder } = held(script.importer, { most: 2 })
    const first = await archives.inspect(upload('1'))
    const second = await archives.inspect(upload('2'))
    const third = await archives.inspect(upload('3'))
    expect(inHeldFolder()).toHaveLength(2)
    await expect(archives.import(first.heldId, 'copy')).rejects.toMatchObject({ code: 'not_found' })
    expect(await archives.import(second.heldId, 'copy')).toBe(IMPORTED)
    expect(await archives.import(third.heldId, 'copy')).toBe(IMPORTED)
  })

  it('leaves no part of bytes it could not keep, and starts no check of them (a disk full half way)', async () => {
    const script = scriptedImporter()
    const { archives, inHeldFolder } = held(script.importer)
    vi.spyOn(fs.promises, 'writeFile').mockImplementationOnce(async (file) => {
      fs.writeFileSync(file as string, 'half of it')
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    })
    await expect(archives.inspect(new TextEncoder().encode('the whole archive'))).rejects.toMatchObject({
      code: 'ENOSPC',
    })
    expect(inHeldFolder()).toEqual([])
    expect(script.prepared).toEqual([])
  })

  it('keeps bytes sent in memory in a file too, and removes every file on close', async () => {
    const script = scriptedImporter()
    const { archives, inHeldFolder } = held(script.importer)
    await archives.inspect(new TextEncoder().encode('from the page'))
    expect(script.prepared[0]?.read).toBe('from the page')
    await archives.inspect(upload('b'))
    expect(inHeldFolder()).toHaveLength(2)
    await archives.close()
    expect(inHeldFolder()).toEqual([])
    expect(script.prepared.every((each) => each.dropped)).toBe(true)
  })
})
