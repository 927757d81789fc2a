import { describe, expect, it } from 'vitest'
import { answerOf, openedFrom } from './archive-answer'
import type { OpenedArchive } from './archive-open'

const opened = (files: OpenedArchive['fileSets'][number]['files']): OpenedArchive =>
  ({ manifest: {}, records: {}, fileSets: [{ sha256: 'a'.repeat(64), format: 'jpeg', files }] }) as OpenedArchive

describe('an opened archive as the decode process answers it', () => {
  const archive = new Uint8Array(Buffer.from('....original....working.thumb'))
  const inner = archive.subarray(4, 12)

  it('names a stored entry by its place in the archive and carries a file made there as its bytes', () => {
    const remade = new Uint8Array([1, 2, 3])
    const answer = answerOf(opened({ original: inner, working: remade, thumbnail: archive.subarray(23) }), archive)
    expect(answer.fileSets[0]?.files).toEqual({
      original: { inArchive: [4, 8] },
      working: remade,
      thumbnail: { inArchive: [23, 6] },
    })
  })

  it('gives main the same bytes from its own copy of the archive, never a copy sent back', () => {
    const mainsCopy = new Uint8Array(archive)
    const answer = answerOf(
      opened({ original: inner, working: new Uint8Array([7]), thumbnail: new Uint8Array([8]) }),
      archive,
    )
    const files = openedFrom(answer, mainsCopy).fileSets[0]?.files
    expect(Buffer.from(files?.original ?? []).toString()).toBe('original')
    expect(files?.original.buffer).toBe(mainsCopy.buffer)
  })

  it('refuses a place outside the archive, whoever wrote the answer', () => {
    const answer = answerOf(opened({ original: inner, working: inner, thumbnail: inner }), archive)
    const files = answer.fileSets[0]?.files
    if (files) files.original = { inArchive: [20, 100] }
    expect(() => openedFrom(answer, archive)).toThrow(/outside the archive/)
  })
})
