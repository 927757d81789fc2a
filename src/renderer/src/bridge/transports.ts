import { isBridgeError } from '../../../shared/bridge/errors'
import { HARNESS_API_PREFIX, HARNESS_TOKEN_HEADER, HARNESS_TOKEN_META } from '../../../shared/bridge/harness-protocol'
import type { Transport } from './bridge-client'

/** Over HTTP to the web harness, with the token the harness wrote into the page. */
export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (name, input) => {
    const response = await fetchImpl(`${HARNESS_API_PREFIX}${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HARNESS_TOKEN_HEADER]: token },
      body: JSON.stringify(input),
    })
    const body: unknown = await response.json()
    if (typeof body === 'object' && body !== null && 'ok' in body) {
      if (body.ok === true && 'value' in body) return { ok: true, value: body.value }
      if (body.ok === false && 'error' in body && isBridgeError(body.error)) return { ok: false, error: body.error }
    }
    return {
      ok: false,
      error: { code: 'unavailable', message: `Unexpected answer from the harness (${response.status}).` },
    }
  }
}

/** The desktop preload's API if present, else the harness over HTTP; null when neither is there. */
export function detectTransport(): Transport | null {
  const desktop = window.stipple
  if (desktop) return (name, input) => desktop.invoke(name, input as never)
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${HARNESS_TOKEN_META}"]`)?.content
  return token ? httpTransport(token) : null
}
