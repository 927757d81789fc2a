import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { HeldFile } from '../../../shared/files/held-file'
import type { StorableBytes } from '../photos/photo-files'
import { type PlacedFileSet, storedSets } from './archive-answer'

/** A stored file's bytes, read from the file they lie in when they are placed there. */
const bytesOf = (file: StorableBytes | undefined) =>
  Buffer.from(
    file instanceof Uint8Array || file === undefined
      ? (file ?? [])
      : fs.readFileSync(file.path).subarray(file.offset, file.offset + file.length),
  ).toString()

const placed = (files: PlacedFileSet['files']): PlacedFileSet[] => [{ sha256: 'a'.repeat(64), format: 'jpeg', files }]

describe('a photo file the decode process answers by its place in the archive', () => {
  const archive = new Uint8Array(Buffer.from('....original....working.thumb'))

  it('is taken from main’s own copy of the archive, never a copy sent back; a remade one is kept as sent', () => {
    const remade = new Uint8Array([1, 2, 3])
    const [set] = storedSets(
      placed({ original: { inArchive: [4, 8] }, working: remade, thumbnail: { inArchive: [24, 5] } }),
      archive,
    )
    expect(bytesOf(set?.files.original)).toBe('original')
    expect(set?.files.original).toBeInstanceOf(Uint8Array)
    expect((set?.files.original as Uint8Array | undefined)?.buffer).toBe(archive.buffer)
    expect(set?.files.working).toBe(remade)
    expect(bytesOf(set?.files.thumbnail)).toBe('thumb')
  })

  it('is its range of the file main holds the archive in, when it holds it in a file, never read into memory', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-held-')), 'archive.bin')
    fs.writeFileSync(file, archive)
    try {
      const remade = new Uint8Array([1, 2, 3])
      const [set] = storedSets(
        placed({ original: { inArchive: [4, 8] }, working: remade, thumbnail: { inArchive: [24, 5] } }),
        new HeldFile(file, archive.byteLength),
      )
      expect(set?.files.original).toEqual({ path: file, offset: 4, length: 8 })
      expect(bytesOf(set?.files.original)).toBe('original')
      expect(set?.files.working).toBe(remade)
      expect(bytesOf(set?.files.thumbnail)).toBe('thumb')
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true })
    }
  })

  it('is refused when placed outside the archive, whoever wrote the answer', () => {
    for (const inArchive of [
      [20, 100],
      [-1, 4],
      [0.5, 2],
    ] as [number, number][])
      expect(() =>
        storedSets(
          placed({ original: { inArchive }, working: new Uint8Array(), thumbnail: new Uint8Array() }),
          archive,
        ),
      ).toThrow(/outside the archive/)
  })
})
