import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { call } from '../../../test/node/bridge-call'
import { harnessesForEachTest, pageCookie, rawRequest } from '../../../test/node/harness-bed'
import { flatJpeg } from '../../../test/node/images'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { DATABASE_FILE } from '../db/database'

const tempDir = tempDirsForEachTest()
const startHarness = harnessesForEachTest(tempDir)

/** A GET of the path exactly as written, with the page's cookie. */
const get = (port: string, pathname: string, cookie = '') => rawRequest(port, { path: pathname, headers: { cookie } })

/** A harness whose data folder holds one photo, with a secret file planted beside the built renderer. */
async function harnessWithPhoto() {
  const root = tempDir()
  fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET')
  const { backend, harness, port } = await startHarness({ rendererDir: path.join(root, 'renderer') })
  const cookie = await pageCookie(harness.url)
  const patient = await call(backend, 'patients.create', { fields: validFields() })
  const bytes = new Uint8Array(await flatJpeg(40, 30))
  const { photo } = await call(backend, 'photos.import', {
    patientId: patient.id,
    name: 'a.jpg',
    lastModified: null,
    bytes,
  })
  return { port, cookie, sha256: photo.sha256 }
}

describe('web harness: no path leads outside what it serves', () => {
  it('refuses backslashed, double-encoded and dotted routes to the database and beside the renderer', async () => {
    const { port, cookie, sha256 } = await harnessWithPhoto()
    expect((await get(port, `/photos/working/${sha256}.jpg`, cookie)).status).toBe(200)
    for (const pathname of [
      `/photos/working\\..\\..\\${DATABASE_FILE}`,
      `/photos/working/..%5c..%5c${DATABASE_FILE}`,
      `/photos/working/%252e%252e/%252e%252e/${DATABASE_FILE}`,
      `/photos/working/%2e%2e%2f%2e%2e%2f${DATABASE_FILE}`,
      `/photos/thumbnail/..%2F..%2Foriginals`,
      `/photos/working/${sha256}.jpg%00`,
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/.%2e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      `/${'../'.repeat(20)}etc/passwd`,
      '/index.html/../../secret.txt',
    ]) {
      const reply = await get(port, pathname, cookie)
      expect(reply.status, pathname).toBe(404)
      expect(reply.bytes.includes('SQLite format 3'), pathname).toBe(false)
      expect(reply.bytes.includes('SECRET'), pathname).toBe(false)
    }
  })
})
