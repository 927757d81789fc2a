import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HeldFile } from '../../../shared/files/held-file'
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

  it('held in a file of main’s own reach the job as a file in its folder with the same bytes, never read into main; the held file stays main’s', async () => {
    const held = path.join(jobDir(), 'upload.bin')
    fs.writeFileSync(held, Buffer.from([9, 8, 7, 6, 5]))
    const dir = jobDir()
    const got = (await unspill(await spill({ archive: { byFile: new HeldFile(held, 5) } }, dir), dir)) as {
      archive: { file: string }
    }
    expect(path.dirname(got.archive.file)).toBe(dir)
    expect([...fs.readFileSync(got.archive.file)]).toEqual([9, 8, 7, 6, 5])
    fs.rmSync(dir, { recursive: true })
    expect([...fs.readFileSync(held)]).toEqual([9, 8, 7, 6, 5])
  })

  it('are refused when the message names a file outside the job’s folder', async () => {
    await expect(unspill({ $byFile: path.join(os.tmpdir(), 'elsewhere.bin') }, jobDir())).rejects.toThrow(
      /outside its job/,
    )
  })
})

describe('bytes a job answers with, kept as files (an archive’s remade copies)', () => {
  it('are named as the file each was spilled to, with its size, and never read', async () => {
    const dir = jobDir()
    const sent = await spill({ copies: [{ working: new Uint8Array([1, 2, 3]) }], width: 3 }, dir)
    const got = (await unspill(sent, dir, { keep: true })) as { copies: [{ working: HeldFile }]; width: number }
    const [{ working }] = got.copies
    expect(working).toBeInstanceOf(HeldFile)
    expect(path.dirname(working.path)).toBe(dir)
    expect(working.byteLength).toBe(3)
    expect([...fs.readFileSync(working.path)]).toEqual([1, 2, 3])
    expect(got.width).toBe(3)
  })

  it('are refused when the message names a file outside the job’s folder', async () => {
    await expect(unspill({ $file: path.join(os.tmpdir(), 'elsewhere.bin') }, jobDir(), { keep: true })).rejects.toThrow(
      /outside its job/,
    )
  })
})
