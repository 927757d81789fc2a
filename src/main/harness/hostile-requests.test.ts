import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { harnessesForEachTest, pageCookie, rawRequest } from '../../../test/node/harness-bed'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { FRAME_CONTENT_TYPE } from '../../shared/bridge/binary-frame'
import { HARNESS_TOKEN_META } from '../../shared/bridge/harness-protocol'

const tempDir = tempDirsForEachTest()
const startHarness = harnessesForEachTest(tempDir)

/** Sends a request head by hand and gives the socket back, so a test can misbehave as a client. */
function openRequest(port: string, head: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(head)
      resolve(socket)
    })
    socket.once('error', reject)
  })
}

/** What the server sends on a socket: its answer once it has come whole, or all until it closes (or `ms` pass). */
function replyOn(socket: net.Socket, ms = 5000): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1')
      const length = /content-length: (\d+)/i.exec(text)?.[1]
      const bodyAt = text.indexOf('\r\n\r\n')
      if (length !== undefined && bodyAt >= 0 && text.length >= bodyAt + 4 + Number(length)) {
        socket.destroy()
        resolve(text)
      }
    })
    socket.on('error', () => resolve(text))
    socket.on('close', () => resolve(text))
    setTimeout(() => {
      socket.destroy()
      resolve(text)
    }, ms).unref()
  })
}

const postHead = (port: string, token: string, name: string, extra: string) =>
  `POST /api/${name} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nx-stipple-token: ${token}\r\nContent-Type: ${FRAME_CONTENT_TYPE}\r\n${extra}\r\n`

async function patientCount(port: string, origin: string, token: string) {
  const reply = await rawRequest(port, {
    method: 'POST',
    path: '/api/patients.list',
    headers: { origin, 'x-stipple-token': token, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '', includeArchived: true }),
  })
  return { status: reply.status, total: reply.status === 200 ? JSON.parse(reply.body).value.total : null }
}

describe('web harness: broken requests never stop it', () => {
  it('keeps answering after a client aborts a large upload half way', async () => {
    const { harness, port, origin } = await startHarness()
    const socket = await openRequest(
      port,
      postHead(port, harness.token, 'photos.import', `Content-Length: ${50 * 1024 * 1024}\r\n`),
    )
    socket.write(Buffer.alloc(2 * 1024 * 1024, 7))
    await new Promise((r) => setTimeout(r, 300))
    socket.destroy()
    await new Promise((r) => setTimeout(r, 300))
    expect(await patientCount(port, origin, harness.token)).toEqual({ status: 200, total: 0 })
  })

  it('receives an archive upload straight into a file, and leaves none behind when the client goes away half way', async () => {
    const uploads = path.join(tempDir(), 'uploads')
    const { harness, port, origin } = await startHarness({ uploadDir: uploads })
    const archiveBytes = 50 * 1024 * 1024
    const json = Buffer.from(JSON.stringify({ bytes: { $bytes: [0, archiveBytes] } }))
    const length = Buffer.alloc(4)
    length.writeUInt32BE(json.byteLength)
    const socket = await openRequest(
      port,
      postHead(port, harness.token, 'archives.inspect', `Content-Length: ${4 + json.byteLength + archiveBytes}\r\n`),
    )
    socket.write(Buffer.concat([length, json]))
    socket.write(Buffer.alloc(3 * 1024 * 1024, 7))
    const onDisk = () => fs.readdirSync(uploads).map((name) => fs.statSync(path.join(uploads, name)).size)
    await vi.waitFor(() => expect(onDisk()).toEqual([3 * 1024 * 1024]))
    socket.destroy()
    await vi.waitFor(() => expect(onDisk()).toEqual([]))
    expect(await patientCount(port, origin, harness.token)).toEqual({ status: 200, total: 0 })
  })

  it('refuses an archive upload whose fields pass their limit readably, and leaves no file behind', async () => {
    const uploads = path.join(tempDir(), 'uploads')
    const { harness, port, origin } = await startHarness({ uploadDir: uploads })
    const length = Buffer.alloc(4)
    length.writeUInt32BE(8 * 1024 * 1024)
    const socket = await openRequest(
      port,
      postHead(port, harness.token, 'archives.inspect', `Content-Length: ${4 + 8 * 1024 * 1024}\r\n`),
    )
    const reply = replyOn(socket)
    socket.write(length)
    for (let i = 0; i < 8 && !socket.destroyed; i++) {
      socket.write(Buffer.alloc(256 * 1024, 0x20))
      await new Promise((r) => setTimeout(r, 20))
    }
    const text = await reply
    expect(text).toMatch(/^HTTP\/1\.1 413/)
    expect(text).toContain('The request is too large')
    expect(fs.readdirSync(uploads)).toEqual([])
    expect(await patientCount(port, origin, harness.token)).toEqual({ status: 200, total: 0 })
  })

  it('lets the client read the 413 of a body whose declared length is over the limit', async () => {
    const { harness, port } = await startHarness()
    const socket = await openRequest(
      port,
      postHead(port, harness.token, 'photos.import', `Content-Length: ${400 * 1024 * 1024}\r\n`),
    )
    const reply = replyOn(socket)
    // The client goes on sending, as a browser does, while the server refuses.
    for (let i = 0; i < 8 && !socket.destroyed; i++) {
      socket.write(Buffer.alloc(256 * 1024, 1))
      await new Promise((r) => setTimeout(r, 20))
    }
    const text = await reply
    expect(text).toMatch(/^HTTP\/1\.1 413/)
    expect(text).toContain('The request is too large')
  })

  it('refuses a chunked body as soon as it passes its limit, readably', async () => {
    const { harness, port, origin } = await startHarness()
    const socket = await openRequest(
      port,
      `POST /api/patients.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nx-stipple-token: ${harness.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    )
    const reply = replyOn(socket)
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    for (let i = 0; i < 40 && !socket.destroyed; i++) {
      socket.write(`${chunk.length.toString(16)}\r\n`)
      socket.write(chunk)
      socket.write('\r\n')
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(await reply).toMatch(/^HTTP\/1\.1 413/)
    expect(await patientCount(port, origin, harness.token)).toEqual({ status: 200, total: 0 })
  })

  it('answers a malformed request line or header with 400 and keeps serving', async () => {
    const { harness, port, origin } = await startHarness()
    const socket = await openRequest(port, 'GARBAGE\x00 / HTTP/9\r\nHost:\r\n\r\n')
    await replyOn(socket, 1000)
    expect(await patientCount(port, origin, harness.token)).toEqual({ status: 200, total: 0 })
  })
})

describe('web harness: the token goes only to the holder of the launch URL', () => {
  it('prints a launch URL whose secret works once; the page without it carries no token', async () => {
    const { harness, port } = await startHarness()
    const launch = new URL(harness.url)
    expect(launch.searchParams.get('launch')).toMatch(/^[\w-]{32,}$/)
    const bare = await rawRequest(port, { path: '/' })
    expect(bare.status).toBe(200)
    expect(bare.body).not.toContain(harness.token)
    expect(bare.headers['set-cookie']).toBeUndefined()
    const wrong = await rawRequest(port, { path: '/?launch=guess' })
    expect(wrong.body).not.toContain(harness.token)

    const first = await rawRequest(port, { path: `${launch.pathname}${launch.search}` })
    expect(first.body).toContain(`<meta name="${HARNESS_TOKEN_META}" content="${harness.token}" />`)
    const again = await rawRequest(port, { path: `${launch.pathname}${launch.search}` })
    expect(again.body).not.toContain(harness.token)
  })

  it('sets a photo cookie that is its own secret, for /photos/ alone, and opens no bridge call', async () => {
    const { harness, port, origin } = await startHarness()
    const cookie = await pageCookie(harness.url)
    const [name, value] = cookie.split('=') as [string, string]
    expect(name).toBe(`stipple-photos-${port}`)
    expect(value).not.toBe(harness.token)
    expect(value.length).toBeGreaterThanOrEqual(32)
    const launch = await rawRequest(port, { path: '/' })
    expect(launch.body).not.toContain(value)

    const withCookie = await rawRequest(port, {
      method: 'POST',
      path: '/api/patients.create',
      headers: { origin, cookie, 'x-stipple-token': value, 'content-type': 'application/json' },
      body: JSON.stringify({ fields: validFields() }),
    })
    expect(withCookie.status).toBe(401)
    expect((await patientCount(port, origin, harness.token)).total).toBe(0)
  })

  it('scopes the photo cookie to /photos/', async () => {
    const { harness, port } = await startHarness()
    const launch = new URL(harness.url)
    const page = await rawRequest(port, { path: `${launch.pathname}${launch.search}` })
    const header = String(page.headers['set-cookie']?.[0] ?? '')
    expect(header).toMatch(/; Path=\/photos\/;/)
    expect(header).toContain('HttpOnly')
    expect(header).toContain('SameSite=Strict')
  })
})
