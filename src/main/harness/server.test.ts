import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { HARNESS_TOKEN_META } from '../../shared/bridge/harness-protocol'
import { type Backend, openBackend } from '../backend'
import { type HarnessServer, startHarness } from './server'

const tempDir = tempDirsForEachTest()
const running: { harness: HarnessServer; backend: Backend }[] = []

afterEach(async () => {
  for (const { harness, backend } of running.splice(0)) {
    await harness.close()
    backend.close()
  }
})

async function start() {
  const rendererDir = tempDir()
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>')
  fs.mkdirSync(path.join(rendererDir, 'assets'))
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const backend = openBackend({ dataDir: tempDir(), shell: 'web', version: 'test' })
  const harness = await startHarness({ dispatch: backend.dispatch, photoFile: backend.photoFile, rendererDir })
  running.push({ harness, backend })
  const { port } = new URL(harness.url)
  const origin = `http://127.0.0.1:${port}`
  return { harness, port, origin }
}

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw request, so the tests can send the Host and Origin headers a hostile page would. */
function request(
  port: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function call(port: string, name: string, input: unknown, headers: Record<string, string>): Promise<Reply> {
  return request(port, {
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
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const page = await request(port, { path: '/', headers: { host: `127.0.0.1:${port}` } })
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
        await request(port, {
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
    const page = await request(port, { path: '/', headers: { host: `attacker.example:${port}` } })
    expect(page.status).toBe(421)
    expect(page.body).not.toContain(HARNESS_TOKEN_META)
  })

  it('answers a CORS preflight without granting anything', async () => {
    const { port, origin } = await start()
    const reply = await request(port, {
      method: 'OPTIONS',
      path: '/api/patients.list',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', host: new URL(origin).host },
    })
    expect(reply.status).toBe(405)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('serves only files inside the built renderer', async () => {
    const { port } = await start()
    expect((await request(port, { path: '/assets/app.js' })).status).toBe(200)
    for (const p of [
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect((await request(port, { path: p })).status, p).toBe(404)
    }
  })

  it('rejects a body that is not JSON or is too large', async () => {
    const { harness, port, origin } = await start()
    const headers = { origin, 'x-stipple-token': harness.token, 'content-type': 'application/json' }
    const notJson = await request(port, { method: 'POST', path: '/api/patients.list', headers, body: '{"query":' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input')
    const huge = await request(port, {
      method: 'POST',
      path: '/api/patients.list',
      headers,
      body: 'x'.repeat(33 * 1024 * 1024),
    })
    expect(huge.status).toBe(413)
  })
})
