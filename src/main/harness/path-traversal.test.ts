import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { flatJpeg } from '../../../test/node/images'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import type { Photo } from '../../shared/photos/photo'
import { type Backend, openBackend } from '../backend'
import { DATABASE_FILE } from '../db/database'
import { type HarnessServer, startHarness } from './server'

const tempDir = tempDirsForEachTest()
const running: { harness: HarnessServer; backend: Backend }[] = []
afterEach(async () => {
  for (const { harness, backend } of running.splice(0)) {
    await harness.close()
    backend.close()
  }
})

/** A raw GET, so the path reaches the server exactly as written (no client-side normalising). */
function get(port: string, pathname: string, cookie = '') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers: { cookie } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A harness whose data folder holds one photo, with a secret file planted beside the built renderer. */
async function harnessWithPhoto() {
  const root = tempDir()
  const rendererDir = path.join(root, 'renderer')
  fs.mkdirSync(rendererDir)
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>')
  fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET')
  const backend = openBackend({ dataDir: tempDir(), shell: 'web', version: 'test' })
  const harness = await startHarness({ dispatch: backend.dispatch, photoFile: backend.photoFile, rendererDir })
  running.push({ harness, backend })
  const { port } = new URL(harness.url)
  const page = await get(port, '/')
  const cookie = String(page.headers['set-cookie']?.[0] ?? '').split(';')[0] as string
  const created = await backend.dispatch('patients.create', { fields: validFields() })
  const patientId = created.ok ? (created.value as { id: string }).id : ''
  const bytes = new Uint8Array(await flatJpeg(40, 30))
  const imported = await backend.dispatch('photos.import', { patientId, name: 'a.jpg', lastModified: null, bytes })
  const { photo } = (imported.ok ? imported.value : null) as { photo: Photo }
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
      expect(reply.body.includes('SQLite format 3'), pathname).toBe(false)
      expect(reply.body.includes('SECRET'), pathname).toBe(false)
    }
  })
})
