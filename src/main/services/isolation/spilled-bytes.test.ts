import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { spill, unspill } from './spilled-bytes'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
const jobDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stipple-spill-'))
  dirs.push(dir)
  return dir
}

describe('bytes a job reads from their file (an archive)', () => {
  it('reach the job as the name of the file in its folder, never as bytes', async () => {
    const dir = jobDir()
    const bytes = new Uint8Array([1, 2, 3, 4])
    const sent = await spill({ archive: { byFile: bytes }, photo: bytes }, dir)
    const got = (await unspill(sent, dir)) as { archive: { file: string }; photo: Uint8Array }
    expect(path.dirname(got.archive.file)).toBe(dir)
    expect([...fs.readFileSync(got.archive.file)]).toEqual([1, 2, 3, 4])
    expect([...got.photo]).toEqual([1, 2, 3, 4])
  })

  it('are refused when the message names a file outside the job’s folder', async () => {
    await expect(unspill({ $byFile: path.join(os.tmpdir(), 'elsewhere.bin') }, jobDir())).rejects.toThrow(
      /outside its job/,
    )
  })
})
