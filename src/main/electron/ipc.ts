import { type IpcMainEvent, type IpcMainInvokeEvent, ipcMain } from 'electron'
import { CALL_NAMES, channelOf } from '../../shared/bridge/contract'
import {
  type ArchiveOnDisk,
  PENDING_ARCHIVES_CHANNEL,
  PROGRESS_CHANNEL,
  THEME_CHANNEL,
} from '../../shared/bridge/desktop-events'
import type { BridgeResult } from '../../shared/bridge/errors'
import type { Dispatch } from '../bridge/dispatch'
import type { ShellTheme } from './window'

/**
 * A message is the app's only when it comes from the app page's main frame: not from an
 * iframe, a navigated-away page or another window. The page's origin is the app scheme's
 * (or the dev server's), compared as an origin, never as a spelling of a file path.
 */
export function fromAppPage(event: IpcMainInvokeEvent | IpcMainEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url)
}

/** Registers one IPC handler per contract call, answered only for the app page, which hears the call's progress. */
export function registerBridge(dispatch: Dispatch, isAppUrl: (url: string) => boolean): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown): Promise<BridgeResult<unknown>> => {
      if (!fromAppPage(event, isAppUrl)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Call refused: unknown sender.' } })
      }
      // Progress goes to the page that made the call, while it is there to hear it.
      const { sender } = event
      return dispatch(name, input, {
        showProgress: (progress) => {
          if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, progress)
        },
      })
    })
  }
}

/** The desktop's channels besides the contract (see desktop-events.ts), under the same sender check. */
export function registerDesktopChannels(options: {
  isAppUrl(url: string): boolean
  takePendingArchives(): ArchiveOnDisk[]
  setTheme(theme: ShellTheme): void
}): void {
  ipcMain.handle(PENDING_ARCHIVES_CHANNEL, (event) =>
    fromAppPage(event, options.isAppUrl) ? options.takePendingArchives() : [],
  )
  ipcMain.on(THEME_CHANNEL, (event, theme: unknown) => {
    if (fromAppPage(event, options.isAppUrl) && (theme === 'dark' || theme === 'light')) options.setTheme(theme)
  })
}
