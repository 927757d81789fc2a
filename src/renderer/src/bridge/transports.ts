import { containsBytes, decodeFrame, encodeFrame, FRAME_CONTENT_TYPE } from '../../../shared/bridge/binary-frame'
import { isBridgeError } from '../../../shared/bridge/errors'
import { HARNESS_API_PREFIX, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_META } from '../../../shared/bridge/harness-protocol'
import { PHOTO_ORIGIN } from '../../../shared/photos/photo-urls'
import type { Transport } from './bridge-client'
import { type HarnessEvents, harnessEvents } from './harness-events'
import { announceProgress } from './main-progress'

/** Browsers cap the bodies of all keep-alive requests in flight at 64 KiB together. */
const KEEPALIVE_MAX_BYTES = 48 * 1024

/**
 * Over HTTP to the web harness, with the token the harness wrote into the page; each call names
 * the page's event stream, when one is open, so its progress comes back there.
 */
export function httpTransport(token: string, fetchImpl: typeof fetch = fetch, events?: HarnessEvents): Transport {
  return async (name, input) => {
    const streamed = events?.begin()
    try {
      return await send(token, fetchImpl, name, input, streamed?.headers ?? {})
    } finally {
      streamed?.end()
    }
  }
}

async function send(
  token: string,
  fetchImpl: typeof fetch,
  name: string,
  input: unknown,
  streamHeaders: Record<string, string>,
): ReturnType<Transport> {
  // File bytes go as a binary frame: JSON would inflate a 20 MB photo by a third as base64.
  const framed = containsBytes(input)
  const payload = framed ? new Blob([encodeFrame(input) as Uint8Array<ArrayBuffer>]) : JSON.stringify(input)
  const response = await fetchImpl(`${HARNESS_API_PREFIX}${name}`, {
    method: 'POST',
    headers: {
      'content-type': framed ? FRAME_CONTENT_TYPE : 'application/json',
      [HARNESS_TOKEN_HEADER]: token,
      ...streamHeaders,
    },
    body: payload,
    // A save sent as the page closes (reload, tab closed) must still reach main: keep-alive
    // requests outlive the page. Only small bodies qualify, so a photo upload never does.
    keepalive: typeof payload === 'string' && new TextEncoder().encode(payload).byteLength <= KEEPALIVE_MAX_BYTES,
  })
  // An answer carrying a file's bytes (an exported archive) comes back as a frame.
  const body: unknown =
    response.headers.get('content-type') === FRAME_CONTENT_TYPE
      ? decodeFrame(new Uint8Array(await response.arrayBuffer()))
      : await response.json()
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true && 'value' in body) return { ok: true, value: body.value }
    if (body.ok === false && 'error' in body && isBridgeError(body.error)) return { ok: false, error: body.error }
  }
  return {
    ok: false,
    error: { code: 'unavailable', message: `Unexpected answer from the harness (${response.status}).` },
  }
}

export interface Connection {
  transport: Transport
  /** Prefix of photo file URLs: the desktop's photo scheme, or this page's own origin in the harness. */
  photoOrigin: string
}

/**
 * The harness token: written into the page opened with the launch URL (whose one-time secret
 * then leaves the address bar), kept in this origin's storage for reloads and later tabs.
 */
function harnessToken(): string | null {
  const written = document.querySelector<HTMLMetaElement>(`meta[name="${HARNESS_TOKEN_META}"]`)?.content
  if (!written) return localStorage.getItem(HARNESS_TOKEN_META)
  localStorage.setItem(HARNESS_TOKEN_META, written)
  history.replaceState(null, '', `${location.pathname}${location.hash}`)
  return written
}

/** The desktop preload's API if present, else the harness over HTTP; null when neither is there. */
export function detectConnection(): Connection | null {
  const desktop = window.stipple
  if (desktop) return { transport: (name, input) => desktop.invoke(name, input as never), photoOrigin: PHOTO_ORIGIN }
  const token = harnessToken()
  return token
    ? { transport: httpTransport(token, fetch, harnessEvents(token, announceProgress)), photoOrigin: '' }
    : null
}
