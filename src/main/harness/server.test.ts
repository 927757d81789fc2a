import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { harnessesForEachTest, pageCookie, type RawReply, rawRequest } from '../../../test/node/harness-bed'
import { colourName, decode, jpegOf, PALETTE, rawImage } from '../../../test/node/images'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { encodeFrame, FRAME_CONTENT_TYPE } from '../../shared/bridge/binary-frame'
import { HARNESS_TOKEN_META } from '../../shared/bridge/harness-protocol'
import type { Photo } from '../../shared/photos/photo'
import { photoPath } from '../../shared/photos/photo-urls'
import { DEFAULT_PIGMENTS } from '../../shared/plan/default-pigments'
import { CLINICAL_DEFAULTS } from '../../shared/settings/clinical-defaults'
import { DATABASE_FILE } from '../db/database'

const tempDir = tempDirsForEachTest()
const startHarness = harnessesForEachTest(tempDir)
const start = () => startHarness({ rendererFiles: { 'assets/app.js': 'console.log(1)' } })

function call(port: string, name: string, input: unknown, headers: Record<string, string>): Promise<RawReply> {
  return rawRequest(port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  })
}

async function count(port: string, origin: string, token: string): Promise<number> {
  const reply = await call(
    port,
    'patients.list',
    { query: '', includeArchived: true },
    { origin, 'x-stipple-token': token },
  )
  return JSON.parse(reply.body).value.total
}

describe('web harness', () => {
  it('serves the page with its token and a strict CSP, bound to loopback', async () => {
    const { harness, port } = await start()
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]+$/)
    const launch = new URL(harness.url)
    const page = await rawRequest(port, { path: `/${launch.search}`, headers: { host: `127.0.0.1:${port}` } })
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<meta name="${HARNESS_TOKEN_META}" content="${harness.token}" />`)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(page.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers a same-origin call that carries the token', async () => {
    const { harness, port, origin } = await start()
    const reply = await call(
      port,
      'patients.create',
      { fields: validFields() },
      { origin, 'x-stipple-token': harness.token },
    )
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { fullName: 'Ana Ruiz' } })
    expect(await count(port, origin, harness.token)).toBe(1)
  })

  it('answers every call of the contract, the treatment plan calls included, with no list of its own', async () => {
    const { harness, port, origin } = await start()
    const headers = { origin, 'x-stipple-token': harness.token }
    const pigments = JSON.parse((await call(port, 'pigments.list', { includeRetired: false }, headers)).body)
    expect(pigments).toMatchObject({ ok: true, value: DEFAULT_PIGMENTS.map((p) => ({ id: p.id, revision: 1 })) })
    const settings = JSON.parse((await call(port, 'settings.get', {}, headers)).body)
    expect(settings).toEqual({ ok: true, value: { settings: CLINICAL_DEFAULTS, revision: 0 } })
  })

  it('refuses calls without the token, with a wrong one, or from another origin, and writes nothing', async () => {
    const { harness, port, origin } = await start()
    const create = (headers: Record<string, string>) =>
      call(port, 'patients.create', { fields: validFields() }, headers)

    const noToken = await create({ origin })
    expect(noToken.status).toBe(401)
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await create({ origin, 'x-stipple-token': `${harness.token.slice(1)}x` })).status).toBe(401)
    expect((await create({ origin: 'http://evil.example', 'x-stipple-token': harness.token })).status).toBe(403)
    expect((await create({ 'x-stipple-token': harness.token })).status).toBe(403)
    expect((await create({ origin, 'x-stipple-token': harness.token, 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    )
    expect(
      (
        await rawRequest(port, {
          method: 'POST',
          path: '/api/patients.create',
          headers: { origin, 'x-stipple-token': harness.token, 'content-type': 'text/plain' },
          body: JSON.stringify({ fields: validFields() }),
        })
      ).status,
    ).toBe(415)
    expect(await count(port, origin, harness.token)).toBe(0)
  })

  it('refuses a DNS-rebound host name before serving anything, the token included', async () => {
    const { port } = await start()
    const page = await rawRequest(port, { path: '/', headers: { host: `attacker.example:${port}` } })
    expect(page.status).toBe(421)
    expect(page.body).not.toContain(HARNESS_TOKEN_META)
  })

  it('answers a CORS preflight without granting anything', async () => {
    const { port, origin } = await start()
    const reply = await rawRequest(port, {
      method: 'OPTIONS',
      path: '/api/patients.list',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', host: new URL(origin).host },
    })
    expect(reply.status).toBe(405)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('serves only files inside the built renderer', async () => {
    const { port } = await start()
    expect((await rawRequest(port, { path: '/assets/app.js' })).status).toBe(200)
    for (const p of [
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect((await rawRequest(port, { path: p })).status, p).toBe(404)
    }
  })

  it('rejects a body that is not JSON or is too large', async () => {
    const { harness, port, origin } = await start()
    const headers = { origin, 'x-stipple-token': harness.token, 'content-type': 'application/json' }
    const notJson = await rawRequest(port, { method: 'POST', path: '/api/patients.list', headers, body: '{"query":' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input')
    const huge = await rawRequest(port, {
      method: 'POST',
      path: '/api/patients.list',
      headers,
      body: 'x'.repeat(33 * 1024 * 1024),
    })
    expect(huge.status).toBe(413)
  })
})

describe('web harness: photos', () => {
  /** A running harness with one patient, and the page's cookie, as a browser tab would hold it. */
  async function startWithPatient() {
    const { harness, port, origin } = await start()
    const headers = { origin, 'x-stipple-token': harness.token }
    const created = await call(port, 'patients.create', { fields: validFields() }, headers)
    const patientId = JSON.parse(created.body).value.id as string
    const cookie = await pageCookie(harness.url)
    expect(cookie).toMatch(new RegExp(`^stipple-photos-${port}=[\\w-]{43}$`))
    const upload = (input: unknown, extra: Record<string, string> = {}) =>
      rawRequest(port, {
        method: 'POST',
        path: '/api/photos.import',
        headers: { ...headers, 'content-type': FRAME_CONTENT_TYPE, ...extra },
        body: encodeFrame(input),
      })
    return { port, origin, headers, patientId, cookie, upload }
  }

  it('imports a photo sent as a binary frame and serves its drawn copies to the page that holds the cookie', async () => {
    const { port, patientId, cookie, upload } = await startWithPatient()
    const bytes = await jpegOf(
      rawImage(120, 80, (x) => (x < 60 ? PALETTE.red : PALETTE.blue)),
      { orientation: 3 },
    )
    const reply = await upload({ patientId, name: 'Kopf 🙂.jpg', lastModified: null, bytes: new Uint8Array(bytes) })
    expect(reply.status).toBe(200)
    const result = JSON.parse(reply.body) as { ok: true; value: { status: string; photo: Photo } }
    expect(result).toMatchObject({
      ok: true,
      value: { status: 'imported', photo: { patientId, originalName: 'Kopf 🙂.jpg', width: 120, height: 80 } },
    })
    const { sha256, byteSize } = result.value.photo
    expect(byteSize).toBe(bytes.length)

    const working = photoPath('working', sha256)
    expect((await rawRequest(port, { path: working })).status).toBe(401)
    expect((await rawRequest(port, { path: working, headers: { cookie: `${cookie.slice(0, -1)}x` } })).status).toBe(401)
    expect(
      (await rawRequest(port, { path: working, headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status,
    ).toBe(403)

    const image = await rawRequest(port, { path: working, headers: { cookie: `theme=dark; ${cookie}` } })
    expect(image.status).toBe(200)
    expect(image.headers['content-type']).toBe('image/jpeg')
    // Turned upright on import: orientation 3 is upside down, so the red half is now on the right.
    const drawn = await decode(image.bytes)
    expect([drawn.width, drawn.height]).toEqual([120, 80])
    expect(colourName(drawn.at(30, 40))).toBe('blue')
    expect(colourName(drawn.at(90, 40))).toBe('red')

    const thumbnail = await rawRequest(port, { path: photoPath('thumbnail', sha256), headers: { cookie } })
    expect(thumbnail.status).toBe(200)
    expect((await sharp(thumbnail.bytes).metadata()).format).toBe('jpeg')
  })

  it('imports a HEIC sent as a frame', async () => {
    const { patientId, upload } = await startWithPatient()
    const heic = fs.readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/photos/two-tone.heic'))
    const reply = await upload({ patientId, name: 'IMG_0001.HEIC', lastModified: 0, bytes: new Uint8Array(heic) })
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { status: 'imported', photo: { format: 'heic', width: 96, height: 64 } },
    })
  })

  it('answers 404 for a photo no record uses, and never serves anything outside the drawn copies', async () => {
    const { port, patientId, cookie, upload } = await startWithPatient()
    const bytes = new Uint8Array(await jpegOf(rawImage(40, 40, () => PALETTE.green)))
    const { sha256 } = JSON.parse((await upload({ patientId, name: 'a.jpg', lastModified: null, bytes })).body).value
      .photo as Photo
    const get = (p: string) => rawRequest(port, { path: p, headers: { cookie } })

    expect((await get(photoPath('working', '0'.repeat(64)))).status).toBe(404)
    for (const p of [
      `/photos/working/../../${DATABASE_FILE}`,
      `/photos/working/%2e%2e/%2e%2e/${DATABASE_FILE}`,
      `/photos/working/..%2f..%2f${DATABASE_FILE}`,
      `/photos/working/${sha256}.jpg/../../../${DATABASE_FILE}`,
      `/photos/../${DATABASE_FILE}`,
      // The untouched original keeps its EXIF (GPS included): it is never served.
      `/photos/original/${sha256}.jpg`,
      `/photos/originals/${sha256.slice(0, 2)}/${sha256}.jpg`,
      `/photos/working/${sha256.slice(0, 2)}/${sha256}.jpg`,
      `/photos/working/${sha256.toUpperCase()}.jpg`,
      `/photos/working/${sha256}.png`,
    ]) {
      const reply = await get(p)
      expect(reply.status, p).toBe(404)
      expect(reply.bytes.includes('SQLite format 3'), p).toBe(false)
      expect(reply.bytes.equals(Buffer.from(bytes)), p).toBe(false)
    }
  })

  it('refuses a framed call without the token or with a malformed frame, and stores nothing', async () => {
    const { port, headers, patientId, upload } = await startWithPatient()
    const bytes = new Uint8Array(await jpegOf(rawImage(40, 40, () => PALETTE.green)))
    expect(
      (await upload({ patientId, name: 'a.jpg', lastModified: null, bytes }, { 'x-stipple-token': 'nope' })).status,
    ).toBe(401)
    expect(
      (await upload({ patientId, name: 'a.jpg', lastModified: null, bytes }, { origin: 'http://evil.example' })).status,
    ).toBe(403)

    const frame = encodeFrame({ patientId, name: 'a.jpg', lastModified: null, bytes })
    const cut = await rawRequest(port, {
      method: 'POST',
      path: '/api/photos.import',
      headers: { ...headers, 'content-type': FRAME_CONTENT_TYPE },
      body: frame.subarray(0, frame.length - 10),
    })
    expect(cut.status).toBe(400)
    expect(JSON.parse(cut.body).error.code).toBe('invalid_input')

    const list = await call(port, 'photos.list', { patientId }, headers)
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] })
  })
})
