import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { FRAME_CONTENT_TYPE } from '../../shared/bridge/binary-frame'
import { HARNESS_TOKEN_HEADER } from '../../shared/bridge/harness-protocol'

export type Refusal = { status: number; message: string }

/**
 * The checks every harness request passes. The page holds patient data and its token, so:
 * the Host must be this loopback server (a DNS-rebound name is refused before anything is
 * served); bridge calls must also come from this origin, carry the run's token and be JSON,
 * which a cross-site form or `no-cors` fetch cannot send. The token goes only into the page
 * opened with the launch URL's one-time secret. Photo files are fetched by `<img>`, which cannot
 * send a header, so they need a cookie instead: its own secret, sent for `/photos/` alone
 * (HttpOnly, SameSite=Strict). Browsers send a cookie to every port of a host, so another local
 * server the user visits may see it: all it opens is the drawn photos, never a bridge call.
 */
export function createGuard(secrets: { port: number; token: string; photoSecret: string; launchSecret: string }) {
  const { port } = secrets
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const cookieName = `stipple-photos-${port}`
  const matches = (secret: string) => {
    const expected = Buffer.from(secret)
    return (value: string) => {
      const given = Buffer.from(value)
      return given.length === expected.length && timingSafeEqual(given, expected)
    }
  }
  const matchesToken = matches(secrets.token)
  const matchesPhotoSecret = matches(secrets.photoSecret)
  const matchesLaunch = matches(secrets.launchSecret)
  let launched = false

  return {
    checkHost(req: IncomingMessage): Refusal | null {
      return hosts.has(req.headers.host ?? '') ? null : { status: 421, message: 'Unknown host' }
    },
    checkCall(req: IncomingMessage): Refusal | null {
      const origin = req.headers.origin
      if (origin !== `http://${req.headers.host}`) return { status: 403, message: 'Cross-origin calls are refused' }
      const site = req.headers['sec-fetch-site']
      if (site !== undefined && site !== 'same-origin') return { status: 403, message: 'Cross-site calls are refused' }
      if (!matchesToken(String(req.headers[HARNESS_TOKEN_HEADER] ?? ''))) {
        return { status: 401, message: 'Missing or wrong harness token' }
      }
      const type = String(req.headers['content-type'] ?? '')
      if (!type.startsWith('application/json') && type !== FRAME_CONTENT_TYPE) {
        return { status: 415, message: 'Bridge calls must be JSON' }
      }
      return null
    },
    /** True once, for the launch URL's secret: the page that may be given the token. */
    spendLaunch(value: string | null): boolean {
      if (launched || value === null || !matchesLaunch(value)) return false
      launched = true
      return true
    },
    /** The Set-Cookie header that lets this page's images through `checkFile`. */
    cookie: `${cookieName}=${secrets.photoSecret}; Path=/photos/; HttpOnly; SameSite=Strict`,
    checkFile(req: IncomingMessage): Refusal | null {
      const site = req.headers['sec-fetch-site']
      if (site !== undefined && site !== 'same-origin')
        return { status: 403, message: 'Cross-site requests are refused' }
      const cookies = String(req.headers.cookie ?? '').split(/;\s*/)
      const value = cookies.find((c) => c.startsWith(`${cookieName}=`))?.slice(cookieName.length + 1) ?? ''
      return matchesPhotoSecret(value) ? null : { status: 401, message: 'Missing or wrong harness cookie' }
    },
  }
}
