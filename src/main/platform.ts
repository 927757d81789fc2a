import type { ChosenFileKind } from '../shared/files/chosen-file'
import type { HeldFile } from '../shared/files/held-file'
import type { SavedFileKind } from '../shared/files/safe-file-name'
import type { Page } from '../shared/sheets/paper'

/** A file the person chose, as main read it from its path. */
export interface ChosenFile {
  /** Its name without the folder: what a photo is called in the library. */
  name: string
  /** Its modification time (ms since 1970), or null when the OS has none to give. */
  lastModified: number | null
  bytes: Uint8Array<ArrayBuffer>
}

/**
 * What only the desktop shell can do, handed to the backend by `src/main/index.ts`. The web
 * harness has none of it: there the renderer sends file bytes, downloads files and prints with
 * the browser.
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
  /**
   * Reads a file the person chose (open dialog, drop, double-click) from the path the OS gave,
   * reporting how far it has got to the window. Refuses, before reading, what is not a regular
   * file of a size its kind allows (a `.stipple` for an archive).
   */
  readChosenFile?(path: string, kind: ChosenFileKind): Promise<ChosenFile>
  /**
   * Copies an archive the person chose into a file of main's own, never whole in memory, with
   * `readChosenFile`'s checks and progress; the caller removes the copy once it is done with it.
   */
  holdChosenArchive?(path: string): Promise<HeldFile>
}
