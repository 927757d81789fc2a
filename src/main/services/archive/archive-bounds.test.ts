import { describe, expect, it } from 'vitest'
import { footprint, patientWithEverything, tamper } from '../../../../test/node/archive-bed'
import { call, refusal } from '../../../../test/node/bridge-call'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'

const tempDir = tempDirsForEachTest()
const newBed = photoBackendsForEachTest(tempDir)

describe('an archive is measured before it is checked', () => {
  it('refuses a small archive whose records hold a million empty rows, quickly and by name', async () => {
    const source = newBed()
    const { patientId } = await patientWithEverything(source)
    const { bytes } = await call(source, 'archives.export', { patientId })
    const bomb = tamper(
      bytes,
      (entries) => {
        const records = JSON.parse(new TextDecoder().decode(entries['records.json'])) as { audit: unknown[] }
        records.audit = Array.from({ length: 1_000_000 }, () => ({}))
        entries['records.json'] = new TextEncoder().encode(JSON.stringify(records))
      },
      { resign: true },
    )
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024)
    const target = newBed()
    const before = footprint(target)
    const error = await refusal(target, 'archives.inspect', { bytes: bomb })
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/1,000,000 history entries/) })
    expect(footprint(target)).toEqual(before)
  }, 60_000)

  it('names the first bad row and stops there, however many follow', async () => {
    const source = newBed()
    const { patientId } = await patientWithEverything(source)
    const { bytes } = await call(source, 'archives.export', { patientId })
    const broken = tamper(
      bytes,
      (entries) => {
        const records = JSON.parse(new TextDecoder().decode(entries['records.json'])) as { comments: unknown[] }
        records.comments = Array.from({ length: 5_000 }, () => ({ id: 1 }))
        entries['records.json'] = new TextEncoder().encode(JSON.stringify(records))
      },
      { resign: true },
    )
    const error = await refusal(newBed(), 'archives.inspect', { bytes: broken })
    expect(error.message).toMatch(/comments\.0\.id/)
  })
})
