import type { AppCommand } from '../shared/app-commands'
import type { CallInput, CallName, CallOutput } from '../shared/bridge/contract'
import type { BridgeResult } from '../shared/bridge/errors'

/** What the preload puts on `window.stipple` in the desktop app. */
export interface StippleDesktopApi {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<BridgeResult<CallOutput<K>>>
  /** Subscribes to native-menu commands; returns the unsubscribe function. */
  onAppCommand(listener: (command: AppCommand) => void): () => void
}
