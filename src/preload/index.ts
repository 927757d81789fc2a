import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron'
import { APP_COMMAND_CHANNEL, type AppCommand, isAppCommand } from '../shared/actions/app-commands'
import { channelOf, isCallName } from '../shared/bridge/contract'
import {
  isArchiveOnDisk,
  isProgress,
  OPEN_ARCHIVE_CHANNEL,
  PENDING_ARCHIVES_CHANNEL,
  PROGRESS_CHANNEL,
  THEME_CHANNEL,
} from '../shared/bridge/desktop-events'
import type { BridgeResult } from '../shared/bridge/errors'
import type { StippleDesktopApi } from './api'

/** A listener on one channel from main, for values that pass `accept`; returns the unsubscribe function. */
function listen<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void) {
  const handler = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value)
  }
  ipcRenderer.on(channel, handler)
  return () => {
    ipcRenderer.removeListener(channel, handler)
  }
}

/**
 * The page's only way to main: a call by contract name (no other channel can be reached), the
 * path of a chosen file, and listeners for what main announces. `ipcRenderer` itself never
 * crosses into the page.
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
  onAppCommand: (listener) => listen(APP_COMMAND_CHANNEL, isAppCommand, (command) => listener(command as AppCommand)),
  pathForFile: (file) => webUtils.getPathForFile(file),
  onOpenArchive(listener) {
    const stop = listen(OPEN_ARCHIVE_CHANNEL, isArchiveOnDisk, listener)
    void ipcRenderer.invoke(PENDING_ARCHIVES_CHANNEL).then((pending: unknown) => {
      if (Array.isArray(pending)) for (const archive of pending) if (isArchiveOnDisk(archive)) listener(archive)
    })
    return stop
  },
  onProgress: (listener) => listen(PROGRESS_CHANNEL, isProgress, listener),
  setTheme(theme) {
    ipcRenderer.send(THEME_CHANNEL, theme)
  },
}

contextBridge.exposeInMainWorld('stipple', api)
