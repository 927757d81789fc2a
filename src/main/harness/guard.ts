import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { HARNESS_TOKEN_HEADER } from '../../shared/bridge/harness-protocol'

export type Refusal = { status: number; message: string }

/**
 * The checks every harness request passes. The page holds patient data and its token, so:
 * the Host must be this loopback server (a DNS-rebound name is refused before anything is
 * served); bridge calls must also come from this origin, carry the run's token and be JSON,
 * which a cross-site form or `no-cors` fetch cannot send.
 */
export function createGuard(port: number, token: string) {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const tokenBytes = Buffer.from(token)

  return {
    checkHost(req: IncomingMessage): Refusal | null {
      return hosts.has(req.headers.host ?? '') ? null : { status: 421, message: 'Unknown host' }
    },
    checkCall(req: IncomingMessage): Refusal | null {
      const origin = req.headers.origin
      if (origin !== `http://${req.headers.host}`) return { status: 403, message: 'Cross-origin calls are refused' }
      const site = req.headers['sec-fetch-site']
      if (site !== undefined && site !== 'same-origin') return { status: 403, message: 'Cross-site calls are refused' }
      const given = Buffer.from(String(req.headers[HARNESS_TOKEN_HEADER] ?? ''))
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
        return { status: 401, message: 'Missing or wrong harness token' }
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return { status: 415, message: 'Bridge calls must be JSON' }
      }
      return null
    },
  }
}
