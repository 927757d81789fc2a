import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyRangeAtomically } from './write-atomically'

const dirs: string[] = []
const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-range-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('copying a range of one file to another', () => {
  // Over two copy chunks of 1 MB, not a multiple of one, starting inside the source.
  const source = Buffer.from(Array.from({ length: 2.5 * 1024 * 1024 + 77 }, (_, i) => (i * 31) % 251))

  it('writes exactly the range, however many chunks it takes, and leaves nothing else in the folder', async () => {
    const dir = folder()
    const from = path.join(dir, 'archive.bin')
    fs.writeFileSync(from, source)
    const target = path.join(dir, 'photos', 'ab', 'photo.jpg')
    await copyRangeAtomically(target, { path: from, offset: 1000, length: source.byteLength - 1077 })
    expect(fs.readFileSync(target).equals(source.subarray(1000, source.byteLength - 77))).toBe(true)
    expect(fs.readdirSync(path.dirname(target))).toEqual(['photo.jpg'])
  })

  it('refuses a range past the end of its file and leaves neither the file nor a temp file', async () => {
    const dir = folder()
    const from = path.join(dir, 'archive.bin')
    fs.writeFileSync(from, source)
    const target = path.join(dir, 'photos', 'photo.jpg')
    await expect(copyRangeAtomically(target, { path: from, offset: 1024, length: source.byteLength })).rejects.toThrow(
      /ended before the range/,
    )
    expect(fs.readdirSync(path.dirname(target))).toEqual([])
  })
})
