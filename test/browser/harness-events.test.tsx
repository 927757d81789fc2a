import { describe, expect, it } from 'vitest'
import { harnessEvents } from '../../src/renderer/src/bridge/harness-events'
import type { Progress } from '../../src/shared/bridge/desktop-events'

/** The harness's `/events` as fetch meets it: each stream the test opens, writes to and ends, or a refusal. */
function eventsServer(answer: 'stream' | 'refuse' = 'stream') {
  const encoder = new TextEncoder()
  const streams: { send(event: string, data: unknown): void; end(): void }[] = []
  let asked = 0
  const fetchImpl = (async () => {
    asked++
    if (answer === 'refuse') return Response.json({ ok: false }, { status: 429 })
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        streams.push({
          send: (event, data) =>
            controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
          end: () => controller.close(),
        })
      },
    })
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
  }) as typeof fetch
  return { fetchImpl, streams, asked: () => asked }
}

const exporting = (percent: number): Progress => ({ task: 'exporting', percent })

describe('the harness page’s event stream', () => {
  it('hands on the progress of a call while it waits, and none once it is answered', async () => {
    const server = eventsServer()
    const heard: Progress[] = []
    const events = harnessEvents('token', (progress) => heard.push(progress), server.fetchImpl)
    await expect.poll(() => server.streams.length).toBe(1)
    server.streams[0]?.send('opened', { stream: 's1' })
    await expect.poll(() => events.begin().headers['x-stipple-stream']).toBe('s1')

    const call = events.begin()
    const id = call.headers['x-stipple-call']
    server.streams[0]?.send('progress', { call: id, progress: exporting(30) })
    await expect.poll(() => heard).toEqual([exporting(30)])
    call.end()
    server.streams[0]?.send('progress', { call: id, progress: exporting(60) })
    const later = events.begin()
    server.streams[0]?.send('progress', { call: later.headers['x-stipple-call'], progress: exporting(5) })
    await expect.poll(() => heard).toEqual([exporting(30), exporting(5)])
  })

  it('opens the stream again after it ends: the call that notices goes without it, the next names the new one', async () => {
    const server = eventsServer()
    const events = harnessEvents('token', () => {}, server.fetchImpl)
    await expect.poll(() => server.streams.length).toBe(1)
    server.streams[0]?.send('opened', { stream: 's1' })
    await expect.poll(() => events.begin().headers['x-stipple-stream']).toBe('s1')

    server.streams[0]?.end()
    await expect.poll(() => events.begin().headers).toEqual({})
    await expect.poll(() => server.streams.length).toBe(2)
    server.streams[1]?.send('opened', { stream: 's2' })
    await expect.poll(() => events.begin().headers['x-stipple-stream']).toBe('s2')
  })

  it('does not ask again for a stream the harness refused; calls go without one', async () => {
    const server = eventsServer('refuse')
    const events = harnessEvents('token', () => {}, server.fetchImpl)
    await expect.poll(() => server.asked()).toBe(1)
    // Each call after the refusal has been read (a task later: every promise of it settled) asks nothing.
    for (let i = 0; i < 5; i++) {
      await new Promise((settled) => setTimeout(settled))
      expect(events.begin().headers).toEqual({})
    }
    expect(server.asked()).toBe(1)
  })
})
