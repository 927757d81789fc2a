import http from 'node:http'
import { describe, expect, it } from 'vitest'
import { validFields } from '../../../test/fixtures/patients'
import { harnessesForEachTest, pageCookie, rawRequest } from '../../../test/node/harness-bed'
import { jpegOf, PALETTE, rawImage } from '../../../test/node/images'
import { tempDirsForEachTest } from '../../../test/node/temp-dir'
import { encodeFrame, FRAME_CONTENT_TYPE } from '../../shared/bridge/binary-frame'
import type { HarnessCallProgress } from '../../shared/bridge/harness-protocol'

const tempDir = tempDirsForEachTest()
const startHarness = harnessesForEachTest(tempDir)

interface StreamEvent {
  event: string
  data: unknown
}

/** Opens the page's event stream as a browser's fetch would, collecting every event as it arrives. */
function openStream(port: string, headers: Record<string, string>, method = 'POST') {
  const events: StreamEvent[] = []
  let waiters: (() => void)[] = []
  let request: http.ClientRequest | undefined
  const answered = new Promise<{ status: number; type: string }>((resolve, reject) => {
    request = http.request({ host: '127.0.0.1', port, method, path: '/events', headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) })
      let text = ''
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8')
        let end = text.indexOf('\n\n')
        while (end >= 0) {
          const block = text.slice(0, end)
          text = text.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
          const data = /^data: (.*)$/m.exec(block)?.[1]
          events.push({ event, data: data === undefined ? null : JSON.parse(data) })
          end = text.indexOf('\n\n')
        }
        for (const wake of waiters) wake()
        waiters = []
      })
    })
    request.on('error', reject)
    request.end(method === 'POST' ? '{}' : undefined)
  })
  /** Resolves once an event passing `test` has come (or rejects after `ms`). */
  const waitFor = (test: (event: StreamEvent) => boolean, ms = 20_000) =>
    new Promise<StreamEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('No such event came')), ms)
      const look = () => {
        const found = events.find(test)
        if (found) {
          clearTimeout(timer)
          resolve(found)
        } else waiters.push(look)
      }
      look()
    })
  return { answered, events, waitFor, close: () => request?.destroy() }
}

const isProgressOf = (call: string) => (e: StreamEvent) =>
  e.event === 'progress' && (e.data as HarnessCallProgress).call === call

describe('web harness: the page’s event stream', () => {
  it('is refused without the token, with a wrong one, from another origin, by cookie alone, or as a GET', async () => {
    const { harness, port, origin } = await startHarness()
    const json = { 'content-type': 'application/json' }
    const cookie = await pageCookie(harness.url)
    const refusals = [
      { headers: { ...json, origin } },
      { headers: { ...json, origin, 'x-stipple-token': 'wrong' } },
      { headers: { ...json, origin, cookie } },
      { headers: { ...json, origin: 'http://evil.example', 'x-stipple-token': harness.token } },
      { headers: { ...json, origin, 'x-stipple-token': harness.token, 'sec-fetch-site': 'cross-site' } },
      { headers: { origin, 'x-stipple-token': harness.token, 'content-type': 'text/plain' } },
      { headers: { ...json, origin, 'x-stipple-token': harness.token, host: `evil.example:${port}` } },
    ]
    const statuses = []
    for (const { headers } of refusals) {
      const reply = await rawRequest(port, { method: 'POST', path: '/events', headers, body: '{}' })
      expect(reply.headers['content-type']).toBe('application/json')
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      statuses.push(reply.status)
    }
    expect(statuses).toEqual([401, 401, 401, 403, 403, 415, 421])
    const get = await rawRequest(port, { path: '/events', headers: { origin, 'x-stipple-token': harness.token } })
    expect(get.status).toBe(405)
  })

  it('keeps at most 16 streams open at once, and has room again once a page goes', async () => {
    const { harness, port, origin } = await startHarness()
    const headers = { origin, 'x-stipple-token': harness.token, 'content-type': 'application/json' }
    const pages = Array.from({ length: 16 }, () => openStream(port, headers))
    try {
      for (const page of pages) await page.waitFor((e) => e.event === 'opened')
      const refused = await rawRequest(port, { method: 'POST', path: '/events', headers, body: '{}' })
      expect(refused.status).toBe(429)
      pages[0]?.close()
      await expect
        .poll(async () => {
          const again = openStream(port, headers)
          const { status } = await again.answered
          again.close()
          return status
        })
        .toBe(200)
    } finally {
      for (const page of pages) page.close()
    }
  })

  it('carries a running export’s progress to the page that asked, tagged with its call, and to no other', async () => {
    const { harness, port, origin } = await startHarness()
    const headers = { origin, 'x-stipple-token': harness.token, 'content-type': 'application/json' }
    const post = (name: string, input: unknown, extra: Record<string, string> = {}) =>
      rawRequest(port, {
        method: 'POST',
        path: `/api/${name}`,
        headers: { ...headers, ...extra },
        body: JSON.stringify(input),
      })
    const created = await post('patients.create', { fields: validFields() })
    const patientId = JSON.parse(created.body).value.id as string
    for (const colour of [PALETTE.red, PALETTE.blue]) {
      const bytes = new Uint8Array(await jpegOf(rawImage(400, 300, () => colour)))
      const upload = await rawRequest(port, {
        method: 'POST',
        path: '/api/photos.import',
        headers: { ...headers, 'content-type': FRAME_CONTENT_TYPE },
        body: encodeFrame({ patientId, name: 'view.jpg', lastModified: null, bytes }),
      })
      expect(upload.status).toBe(200)
    }

    const page = openStream(port, headers)
    const otherTab = openStream(port, headers)
    try {
      expect(await page.answered).toEqual({ status: 200, type: 'text/event-stream' })
      const opened = await page.waitFor((e) => e.event === 'opened')
      const { stream } = opened.data as { stream: string }
      expect(stream).toMatch(/^[\w-]{32}$/)
      await otherTab.waitFor((e) => e.event === 'opened')

      const exported = await post(
        'archives.export',
        { patientId },
        { 'x-stipple-stream': stream, 'x-stipple-call': 'c7' },
      )
      expect(exported.status).toBe(200)
      await page.waitFor((e) => isProgressOf('c7')(e) && (e.data as HarnessCallProgress).progress.percent === 100)
      const percents = page.events.filter(isProgressOf('c7')).map((e) => (e.data as HarnessCallProgress).progress)
      expect(percents[0]).toEqual({ task: 'exporting', percent: 0 })
      expect(percents.at(-1)).toEqual({ task: 'exporting', percent: 100 })
      for (let i = 1; i < percents.length; i++)
        expect(percents[i]?.percent).toBeGreaterThan(percents[i - 1]?.percent ?? -1)

      // A call naming no stream, or another page's, tells this page nothing.
      await post('archives.export', { patientId })
      await post('archives.export', { patientId }, { 'x-stipple-stream': 'not-a-stream', 'x-stipple-call': 'c8' })
      expect(page.events.filter((e) => e.event === 'progress').length).toBe(percents.length)
      expect(otherTab.events.map((e) => e.event)).toEqual(['opened'])
    } finally {
      page.close()
      otherTab.close()
    }
  }, 60_000)
})
