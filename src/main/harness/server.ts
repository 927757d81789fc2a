import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { MAX_ARCHIVE_BYTES } from '../../shared/archive/archive-summary'
import { containsBytes, decodeFrame, encodeFrameParts, FRAME_CONTENT_TYPE } from '../../shared/bridge/binary-frame'
import type { BridgeError } from '../../shared/bridge/errors'
import { HARNESS_API_PREFIX, HARNESS_EVENTS_PATH, HARNESS_TOKEN_META } from '../../shared/bridge/harness-protocol'
import { PHOTO_LIMITS } from '../../shared/photos/photo-fields'
import type { CallContext, Dispatch } from '../bridge/dispatch'
import { storageFault } from '../db/storage-faults'
import { createHeldFolder, releaseHeld } from '../services/isolation/held-files'
import { createEventStreams } from './event-streams'
import { createGuard, type Refusal } from './guard'
import { readStatic } from './static-files'
import { receiveFrameToFile } from './upload-to-file'

/** Large enough for any valid call, small enough that a hostile body cannot exhaust memory. */
const MAX_JSON_BYTES = 32 * 1024 * 1024
/** A framed call carries one photo file and its few fields. */
const MAX_FRAME_BYTES = PHOTO_LIMITS.maxBytes + 1024 * 1024
/**
 * The calls that carry a whole patient archive: the largest Stipple writes, and a few fields.
 * Their framed bodies are received straight into a file, which the decode process reads.
 */
const ARCHIVE_CALLS = new Set(['archives.inspect'])
const MAX_ARCHIVE_FRAME_BYTES = MAX_ARCHIVE_BYTES + 1024 * 1024

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  // The dot worker is bundled inline and started from a blob URL (file:// pages cannot start file workers).
  "worker-src 'self' blob:",
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

/** The query parameter of the launch URL that carries its one-time secret. */
const LAUNCH_PARAM = 'launch'

export interface HarnessServer {
  /** The launch URL: the page it opens (once) holds the token. */
  url: string
  token: string
  close(): Promise<void>
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  })
  res.end(bytes)
}

/** An answer's byte array at least this large has its memory given back once it is written. */
const RELEASED_BYTES = 16 * 1024 * 1024

/**
 * A frame written part by part: an exported archive's bytes go to the socket as they are, never
 * copied into one buffer. Answers carrying bytes (an export, a review file) are made for their
 * call and kept by nothing, so once written, a large one's memory is given back at once (its
 * buffer detached) rather than at some later collection: an export's 170 MB would otherwise
 * stay in main through whatever comes next.
 */
function sendFrame(res: http.ServerResponse, parts: Uint8Array[]) {
  res.once('finish', () => {
    for (const part of parts) {
      const { buffer } = part
      if (part.byteLength < RELEASED_BYTES || !(buffer instanceof ArrayBuffer) || part.byteLength !== buffer.byteLength)
        continue
      try {
        // ES2024's ArrayBuffer.prototype.transfer (Node 21+), which the project's TypeScript lib predates.
        ;(buffer as ArrayBuffer & { transfer(length: number): ArrayBuffer }).transfer(0)
      } catch {
        // A buffer that cannot be detached (one a native module made) is left to the collector.
      }
    }
  })
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': FRAME_CONTENT_TYPE,
    'Content-Length': parts.reduce((sum, part) => sum + part.byteLength, 0),
    'Cache-Control': 'no-store',
  })
  for (const part of parts) res.write(part)
  res.end()
}

function refuse(res: http.ServerResponse, refusal: Refusal) {
  const error: BridgeError = { code: 'forbidden', message: refusal.message }
  send(res, refusal.status, 'application/json', JSON.stringify({ ok: false, error }))
}

type Body = { kind: 'read'; bytes: Buffer } | { kind: 'too_large' } | { kind: 'aborted' }

/**
 * Copying a large body into its buffer is main's own work, tens of ms per few MB on a busy
 * machine: after this many bytes the read pauses until the event loop has gone round once, so
 * other calls and timers are answered between the slices.
 */
const BODY_SLICE_BYTES = 2 * 1024 * 1024

/**
 * Reads a request body against its limit as it arrives: a declared length over the limit is
 * refused before a byte is read, a known length is read into one buffer of that size (no copy of
 * the whole), and a body that passes its limit stops being kept at once. A client that goes away
 * half way is an outcome, never an exception.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length'])
  if (declared !== null && !(declared <= limit)) return Promise.resolve({ kind: 'too_large' })
  return new Promise((resolve) => {
    const whole = declared === null ? null : Buffer.allocUnsafe(declared)
    const chunks: Buffer[] = []
    let size = 0
    const finish = (body: Body) => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
      resolve(body)
    }
    let slice = 0
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > (whole?.length ?? limit)) return finish({ kind: 'too_large' })
      if (whole) chunk.copy(whole, size)
      else chunks.push(chunk)
      size += chunk.length
      slice += chunk.length
      if (slice < BODY_SLICE_BYTES) return
      slice = 0
      req.pause()
      setImmediate(() => req.resume())
    }
    const onEnd = () => finish({ kind: 'read', bytes: whole ? whole.subarray(0, size) : Buffer.concat(chunks, size) })
    const onError = () => finish({ kind: 'aborted' })
    const onClose = () => {
      if (!req.complete) finish({ kind: 'aborted' })
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}

function tooLarge(req: http.IncomingMessage, res: http.ServerResponse, limit: number) {
  // The rest of the body is read and dropped (never kept), so the client gets to read this answer.
  req.resume()
  const error: BridgeError = {
    code: 'invalid_input',
    message: `The request is too large: this call takes up to ${Math.floor(limit / 1024 / 1024)} MB.`,
  }
  send(res, 413, 'application/json', JSON.stringify({ ok: false, error }))
}

function notValid(res: http.ServerResponse) {
  const error: BridgeError = { code: 'invalid_input', message: 'The request body is not valid JSON' }
  send(res, 400, 'application/json', JSON.stringify({ ok: false, error }))
}

function parseInput(body: Buffer, framed: boolean): { input: unknown } | null {
  if (framed) {
    const input = decodeFrame(body)
    return input === null ? null : { input }
  }
  try {
    return { input: JSON.parse(body.toString('utf8')) }
  } catch {
    return null
  }
}

/** Photo files are named by their content's hash, so a URL's answer never changes. */
async function sendPhoto(res: http.ServerResponse, file: string | null, head: boolean) {
  const body = file && (await fs.promises.readFile(file).catch(() => null))
  if (!body) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'image/jpeg',
    'Content-Length': body.length,
    'Cache-Control': 'private, max-age=31536000, immutable',
  })
  res.end(head ? undefined : body)
}

/**
 * Serves the built renderer and answers bridge calls (`POST /api/<call name>`) over HTTP on
 * 127.0.0.1, with the same dispatch the desktop app uses over IPC; a call's progress reaches
 * its page on the page's event stream (`POST /events`).
 */
export async function startHarness(options: {
  dispatch: Dispatch
  photoFile: (pathname: string) => string | null
  rendererDir: string
  port?: number
  /** Where uploaded archives are received (a test's folder); a fresh folder in the OS's temp folder otherwise. */
  uploadDir?: string
  /** Heard when an archive starts arriving: the decode process that checks it can start meanwhile. */
  onArchiveArriving?: () => void
}): Promise<HarnessServer> {
  const token = randomBytes(32).toString('base64url')
  const rendererDir = path.resolve(options.rendererDir)
  let guard: ReturnType<typeof createGuard> | undefined
  const events = createEventStreams()
  const uploads = createHeldFolder({ ...(options.uploadDir && { dir: options.uploadDir }) })

  const answer = async (res: http.ServerResponse, name: string, input: unknown, call: CallContext | undefined) => {
    const result = await options.dispatch(name, input, call)
    // An answer carrying a file's bytes (an exported archive) travels as a frame, like such a call.
    if (containsBytes(result)) return sendFrame(res, encodeFrameParts(result))
    return send(res, 200, 'application/json', JSON.stringify(result))
  }

  /** An archive call: its body received into a file, removed once the call is answered, whatever the answer. */
  const answerHeld = async (req: http.IncomingMessage, res: http.ServerResponse, name: string, limit: number) => {
    options.onArchiveArriving?.()
    const file = await uploads.newPath()
    try {
      const received = await receiveFrameToFile(req, limit, file)
      if (received.kind === 'aborted') return
      if (received.kind === 'too_large') return tooLarge(req, res, limit)
      if (received.kind === 'unwritable') {
        req.resume()
        const fault = storageFault(received.error, 'its temporary folder')
        const error: BridgeError = {
          code: 'unavailable',
          message: fault?.message ?? 'Stipple could not keep the archive it was sent; nothing was imported.',
        }
        return send(res, 507, 'application/json', JSON.stringify({ ok: false, error }))
      }
      if (received.input === null) return notValid(res)
      return await answer(res, name, received.input, events.contextOf(req))
    } finally {
      await releaseHeld(file)
    }
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (!guard) return refuse(res, { status: 503, message: 'Starting' })
    const hostRefusal = guard.checkHost(req)
    if (hostRefusal) return refuse(res, hostRefusal)
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)

    // The page's push channel (a call's progress) passes the same checks as a call.
    if (url.pathname === HARNESS_EVENTS_PATH) {
      if (req.method !== 'POST') return refuse(res, { status: 405, message: 'The event stream is a POST request' })
      const callRefusal = guard.checkCall(req)
      if (callRefusal) return refuse(res, callRefusal)
      if (!events.hasRoom()) return refuse(res, { status: 429, message: 'Too many event streams are open' })
      req.resume()
      return events.open(res, SECURITY_HEADERS)
    }

    if (url.pathname.startsWith(HARNESS_API_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, { status: 405, message: 'Bridge calls are POST requests' })
      const callRefusal = guard.checkCall(req)
      if (callRefusal) return refuse(res, callRefusal)
      const framed = req.headers['content-type'] === FRAME_CONTENT_TYPE
      const name = url.pathname.slice(HARNESS_API_PREFIX.length)
      if (framed && ARCHIVE_CALLS.has(name)) return answerHeld(req, res, name, MAX_ARCHIVE_FRAME_BYTES)
      const limit = framed ? MAX_FRAME_BYTES : MAX_JSON_BYTES
      const body = await readBody(req, limit)
      if (body.kind === 'aborted') return
      if (body.kind === 'too_large') return tooLarge(req, res, limit)
      const parsed = parseInput(body.bytes, framed)
      if (!parsed) return notValid(res)
      return answer(res, name, parsed.input, events.contextOf(req))
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, { status: 405, message: 'Method not allowed' })
    if (url.pathname.startsWith('/photos/')) {
      const fileRefusal = guard.checkFile(req)
      if (fileRefusal) return refuse(res, fileRefusal)
      return sendPhoto(res, options.photoFile(url.pathname), req.method === 'HEAD')
    }
    const wantsPage = url.pathname === '/' || url.pathname === '/index.html'
    const file = await readStatic(rendererDir, wantsPage ? 'index.html' : url.pathname)
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    if (!wantsPage) return send(res, 200, file.type, file.body)
    // Only the launch URL's one-time secret earns the token (and the photo cookie); the page
    // keeps it in its own origin's storage, which no other port's page can read.
    if (!guard.spendLaunch(url.searchParams.get(LAUNCH_PARAM))) return send(res, 200, file.type, file.body)
    const page = file.body
      .toString('utf8')
      .replace('</head>', `<meta name="${HARNESS_TOKEN_META}" content="${token}" />\n</head>`)
    res.setHeader('Set-Cookie', guard.cookie)
    return send(res, 200, file.type, page)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('The harness could not answer a request:', error)
      if (res.headersSent) return res.destroy()
      const answer: BridgeError = {
        code: 'internal',
        message: 'Something went wrong inside Stipple; nothing was changed.',
      }
      send(res, 500, 'application/json', JSON.stringify({ ok: false, error: answer }))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const launchSecret = randomBytes(32).toString('base64url')
  guard = createGuard({ port, token, photoSecret: randomBytes(32).toString('base64url'), launchSecret })
  return {
    url: `http://127.0.0.1:${port}/?${LAUNCH_PARAM}=${launchSecret}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }).then(() => uploads.close()),
  }
}
