import { type IpcMainInvokeEvent, ipcMain } from 'electron'
import { CALL_NAMES, channelOf } from '../../shared/bridge/contract'
import type { BridgeResult } from '../../shared/bridge/errors'
import type { Dispatch } from '../bridge/dispatch'

/**
 * Registers one IPC handler per contract call. A call is answered only when it comes from
 * the app page's main frame: not from an iframe, a navigated-away page or another window.
 */
export function registerBridge(dispatch: Dispatch, isAppUrl: (url: string) => boolean): void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame
    return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url)
  }
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown): Promise<BridgeResult<unknown>> => {
      if (!trusted(event)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Call refused: unknown sender.' } })
      }
      return dispatch(name, input)
    })
  }
}
