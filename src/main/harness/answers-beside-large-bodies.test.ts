import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { rawRequest } from '../../../test/node/harness-bed'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { FRAME_CONTENT_TYPE } from '../../shared/bridge/binary-frame'
import { HARNESS_TOKEN_HEADER } from '../../shared/bridge/harness-protocol'
import type { Dispatch } from '../bridge/dispatch'
import { type HarnessServer, startHarness } from './server'

const tempDir = tempDirsForEachTest()
const running: HarnessServer[] = []
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.close()
})

/** Far more than a socket's buffers hold, so a client that stops reading holds its answer (or upload) half way. */
const LARGE = 64 * 1024 * 1024

/** A harness whose export answers a large archive at once and whose other calls answer a few fields. */
async function start() {
  const exported: Uint8Array[] = []
  const dispatch: Dispatch = async (name) => {
    if (name !== 'archives.export') return { ok: true, value: { name: 'Stipple' } }
    const bytes = new Uint8Array(LARGE)
    exported.push(bytes)
    return { ok: true, value: { bytes } }
  }
  const harness = await startHarness({ dispatch, photoFile: () => null, rendererDir: tempDir() })
  running.push(harness)
  const { port, origin } = new URL(harness.url)
  const headers = { origin, [HARNESS_TOKEN_HEADER]: harness.token, 'content-type': 'application/json' }
  const tinyCall = () => rawRequest(port, { method: 'POST', path: '/api/app.info', headers, body: '{}' })
  return { port, headers, tinyCall, exported }
}

// Ordering, not milliseconds: the tiny call must be answered while the large body is still on
// its way, which holds however loaded the machine is.
describe('the web harness answers a tiny call while a large body is on its way', () => {
  it('while it writes an exported archive the client has not read yet', async () => {
    const { port, headers, tinyCall } = await start()
    let received = 0
    const exported = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/archives.export', headers },
        resolve,
      )
      req.on('error', reject)
      req.end('{}')
    })
    exported.pause()
    const tiny = await tinyCall()
    expect(tiny.status).toBe(200)
    expect(JSON.parse(tiny.body)).toEqual({ ok: true, value: { name: 'Stipple' } })
    expect(exported.complete).toBe(false)
    exported.on('data', (chunk: Buffer) => {
      received += chunk.length
    })
    exported.resume()
    await new Promise((done) => exported.once('end', done))
    expect(received).toBeGreaterThan(LARGE)
  })

  it('and gives a large answer’s memory back once it is written, not at some later collection', async () => {
    const { port, headers, exported } = await start()
    const reply = await rawRequest(port, { method: 'POST', path: '/api/archives.export', headers, body: '{}' })
    expect(reply.bytes.byteLength).toBeGreaterThan(LARGE)
    expect(exported).toHaveLength(1)
    // A detached buffer's view has no bytes left.
    expect(exported[0]?.byteLength).toBe(0)
  })

  it('while it reads an archive being uploaded', async () => {
    const { port, headers, tinyCall } = await start()
    const upload = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/archives.inspect',
      headers: { ...headers, 'content-type': FRAME_CONTENT_TYPE, 'content-length': LARGE },
    })
    const refused = new Promise<number>((resolve) => {
      upload.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      upload.on('error', () => resolve(0))
    })
    await new Promise((written) => upload.write(Buffer.alloc(LARGE / 2), written))
    const tiny = await tinyCall()
    expect(tiny.status).toBe(200)
    upload.end(Buffer.alloc(LARGE / 2))
    // The frame is all zeros (a malformed frame): refused once read whole.
    expect(await refused).toBe(400)
  })
})
