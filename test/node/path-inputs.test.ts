import path from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/db/database'
import { CALL_NAMES } from '../../src/shared/bridge/contract'
import { PHOTO_ORIGIN, photoPath } from '../../src/shared/photos/photo-urls'
import { type HostileBed, openHostileBed } from './hostile/hostile-bed'
import { at, pathsOf, replaceAt } from './hostile/payload-paths'
import { expectSafeAnswer } from './hostile/safe-answer'
import { validPayloads } from './hostile/valid-payloads'
import { tempDirsForEachTest } from './temp-dir'

/** What a renderer would send to reach a file it should not: relative, absolute, Windows, encoded, look-alike. */
const PATHS = [
  '../x',
  `../../${DATABASE_FILE}`,
  `..\\..\\${DATABASE_FILE}`,
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  'a/b',
  'a\\b',
  '..',
  '.',
  '%2e%2e%2fx',
  'file:///etc/passwd',
  '~/x',
  'photos/../../x',
  '\uFF0E\uFF0E\uFF0Fx',
]

/** The ones a file system would follow; `%2e%2e` or a full-width solidus are only odd characters in a file's name. */
const FILE_PATHS = PATHS.filter((p) => /[/\\]/.test(p) || p === '.' || p === '..')

const tempDir = tempDirsForEachTest()
let bed: HostileBed | undefined
afterEach(() => {
  bed?.close()
  bed = undefined
})

const isIdKey = (key: string | number | undefined) => typeof key === 'string' && /(^id$|Id$)/.test(key)

describe('paths from the renderer', () => {
  it.each(CALL_NAMES)('%s refuses a path wherever it takes an id', async (name) => {
    const opened = await openHostileBed(tempDir)
    bed = opened
    const valid = validPayloads(name, opened)
    if (!valid) throw new Error(`${name} has no valid payload in test/node/hostile/valid-payloads.ts`)
    const base = () => fc.sample(valid, { numRuns: 1, seed: 3 })[0]
    const ids = pathsOf(base()).filter((p) => isIdKey(p.at(-1)) && typeof at(base(), p) === 'string')
    for (const field of ids) {
      for (const hostile of PATHS) {
        const label = `${name}: ${field.join('.')} = ${JSON.stringify(hostile)}`
        const result = await expectSafeAnswer(opened, name, replaceAt(structuredClone(base()), field, hostile), label)
        expect(result.ok, label).toBe(false)
      }
    }
  })

  it.each([
    ['photos.import', 'name'],
    ['files.save', 'suggestedName'],
  ] as const)('%s refuses a file name that is a path (%s), before any file is touched', async (name, field) => {
    const opened = await openHostileBed(tempDir)
    bed = opened
    const base = () => fc.sample(validPayloads(name, opened) as fc.Arbitrary<unknown>, { numRuns: 1, seed: 3 })[0]
    for (const hostile of [...FILE_PATHS, '../x.pdf', 'a/b.jpg', '..\\x.pdf', 'x.pdf\u0000.exe', '/tmp/x.png']) {
      const result = await expectSafeAnswer(opened, name, replaceAt(structuredClone(base()), [field], hostile))
      expect(result, hostile).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(!result.ok && result.error.fieldErrors, hostile).toHaveProperty([field])
    }
    expect(opened.savedNames).toEqual([])
  })

  it('serves a photo file only for a photo URL the store names, on the desktop scheme too', async () => {
    const opened = await openHostileBed(tempDir)
    bed = opened
    const { sha256 } = await opened.call('photos.get', { id: opened.ids.photo })
    const photos = path.join(opened.dataDir, 'photos')
    const served = opened.backend.photoFile(photoPath('working', sha256))
    expect(served && path.relative(photos, served).startsWith('working')).toBe(true)
    const hostile = [
      `/photos/working/../../${DATABASE_FILE}`,
      `/photos/working/%2e%2e/%2e%2e/${DATABASE_FILE}`,
      `/photos/working/%252e%252e/${DATABASE_FILE}`,
      `/photos/working/..%5c..%5c${DATABASE_FILE}`,
      `/photos/working\\..\\..\\${DATABASE_FILE}`,
      `/photos/working/${sha256}.jpg/../../../${DATABASE_FILE}`,
      `/photos/original/${sha256}.jpg`,
      `/photos/originals/${sha256.slice(0, 2)}/${sha256}.jpeg`,
      `/photos/working/${sha256.toUpperCase()}.jpg`,
      `/photos/working/${sha256}.jpg%00.png`,
      `/photos/working/${sha256}.jpg?x=1`,
      `//photos/working/${sha256}.jpg`,
    ]
    for (const pathname of hostile) {
      expect(opened.backend.photoFile(pathname), pathname).toBeNull()
      // What the desktop protocol handler hands over: the URL's pathname as the URL parser left it.
      const parsed = new URL(`${PHOTO_ORIGIN}${pathname}`).pathname
      const file = opened.backend.photoFile(parsed)
      if (file !== null) expect(file, pathname).toBe(served)
    }
    await fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (tail) => {
        const file = opened.backend.photoFile(`/photos/working/${tail}`)
        expect(file === null || path.relative(photos, file).split(path.sep)[0] === 'working').toBe(true)
      }),
    )
  })
})
