import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { BridgeError } from '../../shared/bridge/errors'
import { HARNESS_API_PREFIX, HARNESS_TOKEN_META } from '../../shared/bridge/harness-protocol'
import type { Dispatch } from '../bridge/dispatch'
import { createGuard, type Refusal } from './guard'
import { readStatic } from './static-files'

/** Large enough for any valid call, small enough that a hostile body cannot exhaust memory. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export interface HarnessServer {
  url: string
  token: string
  close(): Promise<void>
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body)
}

function refuse(res: http.ServerResponse, refusal: Refusal) {
  const error: BridgeError = { code: 'forbidden', message: refusal.message }
  send(res, refusal.status, 'application/json', JSON.stringify({ ok: false, error }))
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Serves the built renderer and answers bridge calls (`POST /api/<call name>`) over HTTP on
 * 127.0.0.1, with the same dispatch the desktop app uses over IPC.
 */
export async function startHarness(options: {
  dispatch: Dispatch
  rendererDir: string
  port?: number
}): Promise<HarnessServer> {
  const token = randomBytes(32).toString('base64url')
  const rendererDir = path.resolve(options.rendererDir)
  let guard: ReturnType<typeof createGuard> | undefined

  const server = http.createServer(async (req, res) => {
    if (!guard) return refuse(res, { status: 503, message: 'Starting' })
    const hostRefusal = guard.checkHost(req)
    if (hostRefusal) return refuse(res, hostRefusal)
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)

    if (url.pathname.startsWith(HARNESS_API_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, { status: 405, message: 'Bridge calls are POST requests' })
      const callRefusal = guard.checkCall(req)
      if (callRefusal) return refuse(res, callRefusal)
      const body = await readBody(req)
      if (body === null) return refuse(res, { status: 413, message: 'The request is too large' })
      let input: unknown
      try {
        input = JSON.parse(body)
      } catch {
        const error: BridgeError = { code: 'invalid_input', message: 'The request body is not valid JSON' }
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error }))
      }
      const result = await options.dispatch(url.pathname.slice(HARNESS_API_PREFIX.length), input)
      return send(res, 200, 'application/json', JSON.stringify(result))
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, { status: 405, message: 'Method not allowed' })
    const wantsPage = url.pathname === '/' || url.pathname === '/index.html'
    const file = await readStatic(rendererDir, wantsPage ? 'index.html' : url.pathname)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    if (!wantsPage) return send(res, 200, file.type, file.body)
    const page = file.body
      .toString('utf8')
      .replace('</head>', `<meta name="${HARNESS_TOKEN_META}" content="${token}" />\n</head>`)
    return send(res, 200, file.type, page)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  guard = createGuard(port, token)
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
