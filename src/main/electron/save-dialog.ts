import path from 'node:path'
import { app, type BrowserWindow, dialog } from 'electron'
import { SAVED_FILE_KINDS } from '../../shared/files/safe-file-name'
import { writeAtomically } from '../files/write-atomically'
import type { Platform } from '../platform'

/**
 * The desktop's save: the native dialog (sheet-modal on the window), starting in Documents with
 * the suggested name, offering only the file's own type. The path is the dialog's answer.
 */
export function saveWithDialog(window: () => BrowserWindow | null): NonNullable<Platform['saveFile']> {
  return async ({ suggestedName, kind, bytes }) => {
    const { extension, label } = SAVED_FILE_KINDS[kind]
    const options = {
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      filters: [{ name: label, extensions: [extension] }],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    }
    const parent = window()
    const { canceled, filePath } = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options)
    if (canceled || !filePath) return null
    await writeAtomically(filePath, bytes)
    return path.basename(filePath)
  }
}
