import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach } from 'vitest'
import { type Backend, openBackend } from '../../src/main/backend'
import { type HarnessServer, startHarness } from '../../src/main/harness/server'

/**
 * Web harnesses as the CLI starts them (a whole backend on a fresh data folder, served over
 * HTTP on loopback), each closed with its backend after the test. The built renderer is a
 * stand-in folder: an empty page, plus `rendererFiles` (paths relative to it). `rendererDir`
 * names that folder when a test plants files beside it; `uploadDir` where uploaded archives are received.
 */
export function harnessesForEachTest(tempDir: () => string) {
  const running: { harness: HarnessServer; backend: Backend }[] = []
  afterEach(async () => {
    for (const { harness, backend } of running.splice(0)) {
      await harness.close()
      backend.close()
    }
  })
  return async (
    options: {
      version?: string
      rendererDir?: string
      rendererFiles?: Record<string, string>
      uploadDir?: string
    } = {},
  ) => {
    const rendererDir = options.rendererDir ?? tempDir()
    const files = { 'index.html': '<html><head></head><body></body></html>', ...options.rendererFiles }
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(rendererDir, name)), { recursive: true })
      fs.writeFileSync(path.join(rendererDir, name), content)
    }
    const dataDir = tempDir()
    const backend = openBackend({ dataDir, shell: 'web', version: options.version ?? 'test' })
    const harness = await startHarness({
      dispatch: backend.dispatch,
      photoFile: backend.photoFile,
      rendererDir,
      ...(options.uploadDir && { uploadDir: options.uploadDir }),
    })
    running.push({ harness, backend })
    const { port, origin } = new URL(harness.url)
    return { harness, backend, port, origin, dataDir }
  }
}

export interface RawReply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  bytes: Buffer
}

/**
 * A request sent as written: no client-side normalising of the path, and the Host and Origin
 * headers a hostile page would send.
 */
export function rawRequest(
  port: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
        })
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes })
        })
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/**
 * The cookie opening the launch URL sets (`name=value`), as a browser tab holds it for the photo
 * requests. The launch secret works once, so this spends it.
 */
export async function pageCookie(launchUrl: string): Promise<string> {
  const launch = new URL(launchUrl)
  const page = await rawRequest(launch.port, { path: `${launch.pathname}${launch.search}` })
  return String(page.headers['set-cookie']?.[0] ?? '').split(';')[0] as string
}
