import { contextBridge, ipcRenderer } from 'electron'
import { APP_COMMAND_CHANNEL, type AppCommand, isAppCommand } from '../shared/app-commands'
import { channelOf, isCallName } from '../shared/bridge/contract'
import type { BridgeResult } from '../shared/bridge/errors'
import type { StippleDesktopApi } from './api'

/**
 * The page's only way to main: a call by contract name (no other channel can be reached) and
 * a listener for menu commands. `ipcRenderer` itself never crosses into the page.
 */
const api: StippleDesktopApi = {
  invoke(name, input) {
    if (!isCallName(name)) {
      return Promise.resolve<BridgeResult<never>>({
        ok: false,
        error: { code: 'unknown_call', message: `There is no bridge call named ${String(name)}.` },
      })
    }
    return ipcRenderer.invoke(channelOf(name), input)
  },
  onAppCommand(listener) {
    const handler = (_event: unknown, command: unknown) => {
      if (isAppCommand(command)) listener(command as AppCommand)
    }
    ipcRenderer.on(APP_COMMAND_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(APP_COMMAND_CHANNEL, handler)
    }
  },
}

contextBridge.exposeInMainWorld('stipple', api)
