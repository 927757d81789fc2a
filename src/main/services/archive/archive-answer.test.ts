import { describe, expect, it } from 'vitest'
import { type PlacedFileSet, storedSets } from './archive-answer'

const placed = (files: PlacedFileSet['files']): PlacedFileSet[] => [{ sha256: 'a'.repeat(64), format: 'jpeg', files }]

describe('a photo file the decode process answers by its place in the archive', () => {
  const archive = new Uint8Array(Buffer.from('....original....working.thumb'))

  it('is taken from main’s own copy of the archive, never a copy sent back; a remade one is kept as sent', () => {
    const remade = new Uint8Array([1, 2, 3])
    const [set] = storedSets(
      placed({ original: { inArchive: [4, 8] }, working: remade, thumbnail: { inArchive: [24, 5] } }),
      archive,
    )
    expect(Buffer.from(set?.files.original ?? []).toString()).toBe('original')
    expect(set?.files.original.buffer).toBe(archive.buffer)
    expect(set?.files.working).toBe(remade)
    expect(Buffer.from(set?.files.thumbnail ?? []).toString()).toBe('thumb')
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
