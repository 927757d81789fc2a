import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackend } from '../../src/main/backend'
import { writeAtomically } from '../../src/main/files/write-atomically'
import type { Platform } from '../../src/main/platform'
import { tempDirsForEachTest } from './temp-dir'

const tempDir = tempDirsForEachTest()
const bytes = new TextEncoder().encode('%PDF-1.7 sheet')

/** The desktop's save with the dialog answered by `chosen` (a folder the "user" picked). */
function desktop(chosen: string | null): { platform: Platform; asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    platform: {
      async saveFile(file) {
        asked.push(file.suggestedName)
        if (!chosen) return null
        await writeAtomically(path.join(chosen, file.suggestedName), file.bytes)
        return file.suggestedName
      },
    },
  }
}

describe('files.save', () => {
  it('writes the file where the save dialog says and reports its name', async () => {
    const folder = tempDir()
    const { platform } = desktop(folder)
    const backend = openBackend({ dataDir: tempDir(), shell: 'desktop', version: 'test', platform })
    const result = await backend.dispatch('files.save', { suggestedName: 'Sheet – Ana.pdf', kind: 'pdf', bytes })
    expect(result).toEqual({ ok: true, value: { savedAs: 'Sheet – Ana.pdf' } })
    expect(fs.readFileSync(path.join(folder, 'Sheet – Ana.pdf'))).toEqual(Buffer.from(bytes))
    expect(fs.readdirSync(folder)).toEqual(['Sheet – Ana.pdf'])
    backend.close()
  })

  it('reports a cancelled dialog as nothing saved', async () => {
    const { platform } = desktop(null)
    const backend = openBackend({ dataDir: tempDir(), shell: 'desktop', version: 'test', platform })
    const result = await backend.dispatch('files.save', { suggestedName: 'Sheet.pdf', kind: 'pdf', bytes })
    expect(result).toEqual({ ok: true, value: { savedAs: null } })
    backend.close()
  })

  it.each([
    ['../../escape.pdf', 'pdf'],
    ['sheet.exe', 'pdf'],
    ['CON.pdf', 'pdf'],
    ['sheet.pdf', 'executable'],
  ])('refuses the name %s (%s) before any dialog opens', async (suggestedName, kind) => {
    const { platform, asked } = desktop(tempDir())
    const backend = openBackend({ dataDir: tempDir(), shell: 'desktop', version: 'test', platform })
    const result = await backend.dispatch('files.save', { suggestedName, kind, bytes })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('invalid_input')
    expect(asked).toEqual([])
    backend.close()
  })

  it('answers unavailable in the web harness, where the browser downloads instead', async () => {
    const backend = openBackend({ dataDir: tempDir(), shell: 'web', version: 'test' })
    const result = await backend.dispatch('files.save', { suggestedName: 'Sheet.pdf', kind: 'pdf', bytes })
    expect(!result.ok && result.error.code).toBe('unavailable')
    backend.close()
  })
})
