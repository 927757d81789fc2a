import { protocol } from 'electron'
import { PHOTO_SCHEME } from '../../shared/photos/photo-urls'
import { readStatic } from '../harness/static-files'

/**
 * The renderer's own origin, `stipple-app://app`: a privileged custom scheme served with
 * `protocol.handle`, as Electron's security checklist asks (item 18), rather than `file://`,
 * whose URLs each OS spells its own way and which may read any file on the disk.
 */
export const APP_SCHEME = 'stipple-app'
export const APP_ORIGIN = `${APP_SCHEME}://app`
export const APP_PAGE = `${APP_ORIGIN}/index.html`

/**
 * Must run before `ready`, once, with every scheme the app serves. Both are standard and secure
 * so URLs parse like https (relative paths, an origin of their own, secure-context APIs); the
 * photo scheme is CORS-enabled so the canvas can read back what it draws instead of being tainted.
 */
export function registerAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: PHOTO_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ])
}

/**
 * True for a URL of the app's own page (any path of its origin). Compared by scheme and host:
 * outside Chromium (which knows the scheme is standard) a custom scheme's `origin` is "null".
 */
export function isAppSchemeUrl(url: string): boolean {
  if (!URL.canParse(url)) return false
  const { protocol, host } = new URL(url)
  return protocol === `${APP_SCHEME}:` && host === 'app'
}

/**
 * Serves the built renderer folder at `stipple-app://app/`. Only files inside it resolve: `..`,
 * encoded or not, and any other host answer 404, so the page can reach nothing else on disk.
 */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file =
      url.host === 'app' ? await readStatic(rendererDir, url.pathname === '/' ? 'index.html' : url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'X-Content-Type-Options': 'nosniff' },
    })
  })
}
