import type { SavedFileKind } from '../shared/files/safe-file-name'
import type { Page } from '../shared/sheets/paper'

/**
 * What only the desktop shell can do, handed to the backend by `src/main/index.ts`. The web
 * harness has none of it: there the renderer downloads files and prints with the browser.
 */
export interface Platform {
  /**
   * Asks where to save with the native save dialog and writes the file there; the path comes
   * from the dialog, never from the renderer. Resolves to the file's name, or null when cancelled.
   */
  saveFile?(file: { suggestedName: string; kind: SavedFileKind; bytes: Uint8Array }): Promise<string | null>
  /**
   * Prints what the app window shows to PDF, through its print stylesheet (the design sheet's
   * pages only), on the given paper with no header or footer.
   */
  printToPdf?(page: Page): Promise<Uint8Array>
}
