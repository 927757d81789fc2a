import { app, session } from 'electron'

/**
 * Where Chromium would fetch Hunspell dictionaries from (Windows and Linux; macOS uses its own
 * spellchecker and downloads nothing). Records stay on the machine and nothing may reach the
 * network unless the person asks, so it points at the discard port of this machine: a
 * dictionary already in the data folder is used, and none is ever downloaded.
 */
export const NO_DICTIONARY_DOWNLOADS = 'http://127.0.0.1:9/'

/**
 * Locks every window down beyond the per-window settings: no navigation away from the app,
 * no new windows, no <webview>, every permission (camera, notifications, …) refused, and no
 * request to the network from any page (the dev server's own origin excepted).
 */
export function hardenWebContents(isAppUrl: (url: string) => boolean, devServerOrigin?: string): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS)
  // The dev server is reached over http and its hot-reload socket over ws: same host, either scheme.
  const devHost = devServerOrigin ? new URL(devServerOrigin).host : null
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: devHost === null || new URL(details.url).host !== devHost }),
  )

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
