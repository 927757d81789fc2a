import type { AppCommand } from '../shared/actions/app-commands'
import type { CallInput, CallName, CallOutput } from '../shared/bridge/contract'
import type { ArchiveOnDisk, Progress } from '../shared/bridge/desktop-events'
import type { BridgeResult } from '../shared/bridge/errors'

/** What the preload puts on `window.stipple` in the desktop app. */
export interface StippleDesktopApi {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<BridgeResult<CallOutput<K>>>
  /** Subscribes to native-menu commands; returns the unsubscribe function. */
  onAppCommand(listener: (command: AppCommand) => void): () => void
  /**
   * The path of a file the person chose or dropped, so main reads it instead of its bytes
   * crossing IPC; empty for a file that has none (pasted, made by the page).
   */
  pathForFile(file: File): string
  /** Archives main was handed (double-click, command line, File menu), including any from before this call. */
  onOpenArchive(listener: (archive: ArchiveOnDisk) => void): () => void
  /** How far main's long work has got. */
  onProgress(listener: (progress: Progress) => void): () => void
  /** The theme the page shows, for native menus, dialogs and the window's background. */
  setTheme(theme: 'dark' | 'light'): void
}
