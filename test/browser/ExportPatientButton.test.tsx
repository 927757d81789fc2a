import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import type { StippleDesktopApi } from '../../src/preload/api'
import { createBridgeClient, type Transport } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { harnessEvents } from '../../src/renderer/src/bridge/harness-events'
import { announceProgress } from '../../src/renderer/src/bridge/main-progress'
import { httpTransport } from '../../src/renderer/src/bridge/transports'
import { ExportPatientButton } from '../../src/renderer/src/features/archive/ExportPatientButton'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import type { Progress, ProgressTask } from '../../src/shared/bridge/desktop-events'

const PATIENT_ID = '0f6c2b8e-1d2a-4c55-9f0e-3b1a2c3d4e5f'

/** The preload's progress events, sent by the test as main would. */
function desktopPreload() {
  const listeners = new Set<(p: Progress) => void>()
  const api: Partial<StippleDesktopApi> = {
    onProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  window.stipple = api as StippleDesktopApi
  return {
    report: (task: ProgressTask, percent: number) => {
      for (const listener of listeners) listener({ task, percent })
    },
    listening: () => listeners.size,
  }
}

describe('ExportPatientButton on the desktop', () => {
  afterEach(() => {
    delete window.stipple
  })

  it('shows how far main has got making the archive, as a bar with its percent, until it is saved', async () => {
    const preload = desktopPreload()
    let finish: (savedAs: string) => void = () => {}
    const saved = new Promise<string>((resolve) => {
      finish = resolve
    })
    const transport: Transport = async (name, input) => {
      if (name === 'app.info') return { ok: true, value: { version: '0.1.0', shell: 'desktop', dataDir: '/data' } }
      if (name === 'archives.saveFile') {
        expect(input).toEqual({ patientId: PATIENT_ID })
        return { ok: true, value: { savedAs: await saved } }
      }
      throw new Error(`unexpected call ${name}`)
    }
    render(
      <BridgeProvider client={createBridgeClient(transport)}>
        <ExportPatientButton patient={{ id: PATIENT_ID }} />
      </BridgeProvider>,
    )
    await page.getByRole('button', { name: 'Export patient…' }).click()
    await expect.element(page.getByRole('button', { name: 'Exporting patient…' })).toBeVisible()
    const bar = page.getByRole('progressbar', { name: 'Making the archive' })
    await expect.element(bar).toBeVisible()
    await expect.element(bar).not.toHaveAttribute('aria-valuenow')

    preload.report('exporting', 0)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '0')
    preload.report('exporting', 62)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '62')
    await expect.element(page.getByText('62%')).toBeVisible()
    // Checking an archive is another task's bar.
    preload.report('checking', 90)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '62')
    preload.report('exporting', 100)
    await expect.element(bar).toHaveAttribute('aria-valuenow', '100')

    finish('Inés Ruiz 2026-12-05.stipple')
    await expect.element(page.getByText('Saved Inés Ruiz 2026-12-05.stipple')).toBeVisible()
    await expect.element(bar).not.toBeInTheDocument()
    expect(preload.listening()).toBe(0)
  })
})

/**
 * The web harness as the page meets it over fetch: its event stream, which the test writes to as
 * the server would, and the calls, each seen with the headers it carried.
 */
function webHarness() {
  const encoder = new TextEncoder()
  let push: (text: string) => void = () => {}
  const calls: { name: string; headers: Headers; answer(body: unknown): void }[] = []
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers)
    expect(headers.get('x-stipple-token')).toBe('page-token')
    if (url === '/events') {
      expect(init.method).toBe('POST')
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(encoder.encode(text))
        },
      })
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
    }
    const name = url.replace('/api/', '')
    if (name === 'app.info')
      return Response.json({ ok: true, value: { version: '0.1.0', shell: 'web', dataDir: '/data' } })
    return new Promise<Response>((resolve) => {
      calls.push({ name, headers, answer: (body) => resolve(Response.json(body)) })
    })
  }) as typeof fetch
  const transport = httpTransport('page-token', fetchImpl, harnessEvents('page-token', announceProgress, fetchImpl))
  return {
    transport,
    calls,
    /** One event as the server writes it, split across two chunks as a network may. */
    send(event: string, data: unknown) {
      const text = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
      push(text.slice(0, 9))
      push(text.slice(9))
    },
  }
}

describe('ExportPatientButton in the web harness', () => {
  it('shows the bar from the progress main sends the page’s event stream for this call', async () => {
    const harness = webHarness()
    harness.send('opened', { stream: 'stream-1' })
    render(
      <BridgeProvider client={createBridgeClient(harness.transport)}>
        <ExportPatientButton patient={{ id: PATIENT_ID }} />
      </BridgeProvider>,
    )
    // The stream has opened before the person clicks, as it does once the page has loaded.
    await expect.poll(async () => (await harness.transport('app.info', {})).ok).toBe(true)
    await page.getByRole('button', { name: 'Export patient…' }).click()
    await expect.poll(() => harness.calls.map((c) => c.name)).toEqual(['archives.export'])
    const exporting = harness.calls[0]
    const call = exporting?.headers.get('x-stipple-call')
    expect(exporting?.headers.get('x-stipple-stream')).toBe('stream-1')
    expect(call).toMatch(/^\d+$/)

    const bar = page.getByRole('progressbar', { name: 'Making the archive' })
    await expect.element(bar).toBeVisible()
    await expect.element(bar).not.toHaveAttribute('aria-valuenow')
    harness.send('progress', { call, progress: { task: 'exporting', percent: 0 } })
    await expect.element(bar).toHaveAttribute('aria-valuenow', '0')
    harness.send('progress', { call, progress: { task: 'exporting', percent: 47 } })
    await expect.element(bar).toHaveAttribute('aria-valuenow', '47')
    await expect.element(page.getByText('47%')).toBeVisible()
    // Another call's progress, or a malformed one, is not this export's.
    harness.send('progress', { call: 'another', progress: { task: 'exporting', percent: 90 } })
    harness.send('progress', { call, progress: { task: 'exporting', percent: 'most' } })
    harness.send('progress', { call, progress: { task: 'exporting', percent: 81 } })
    await expect.element(bar).toHaveAttribute('aria-valuenow', '81')

    exporting?.answer({ ok: false, error: { code: 'internal', message: 'The disk is full.' } })
    await expect.element(page.getByText('Not exported: The disk is full.')).toBeVisible()
    await expect.element(bar).not.toBeInTheDocument()
  })
})
