import { APP_PAGE, isAppSchemeUrl } from './app-scheme'

export interface RendererLocation {
  /** What the window loads. */
  url: string
  /** The origin requests may go to besides the app's own schemes: the dev server's, else none. */
  devServerOrigin?: string
  /** True when a URL belongs to the app's own page (and so may use the bridge). */
  isAppUrl(url: string): boolean
}

/**
 * The page is the built renderer served at `stipple-app://app/index.html`, or under
 * `electron-vite dev` the dev server's URL; anything else (a navigated-to site, an iframe) is
 * not the app.
 */
export function rendererLocation(devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin
    return {
      url: devServerUrl,
      devServerOrigin: origin,
      isAppUrl: (url) => URL.canParse(url) && new URL(url).origin === origin,
    }
  }
  return { url: APP_PAGE, isAppUrl: isAppSchemeUrl }
}
