import path from 'node:path'
import { pathToFileURL } from 'node:url'

export interface RendererLocation {
  /** What the window loads. */
  url: string
  /** True when a URL belongs to the app's own page (and so may use the bridge). */
  isAppUrl(url: string): boolean
}

/**
 * The page is the built `out/renderer/index.html`, or under `electron-vite dev` the dev
 * server's URL; anything else (a navigated-to site, an iframe) is not the app.
 */
export function rendererLocation(mainDir: string, devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin
    return { url: devServerUrl, isAppUrl: (url) => URL.canParse(url) && new URL(url).origin === origin }
  }
  const page = pathToFileURL(path.join(mainDir, '../renderer/index.html'))
  return {
    url: page.href,
    isAppUrl: (url) =>
      URL.canParse(url) && new URL(url).protocol === 'file:' && new URL(url).pathname === page.pathname,
  }
}
