import fs from 'node:fs'
import path from 'node:path'
import { ARCHIVE_EXTENSION } from './identity'

/**
 * The patient archives named on a command line (a double-click on Windows and Linux starts
 * Stipple with the file's path; a second launch hands its arguments to the first): arguments
 * that end in `.stipple` and name a file, resolved against the folder the launch came from.
 * Chromium switches and the app's own entry are never taken for files.
 */
export function archivesInArgs(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(ARCHIVE_EXTENSION))
    .map((arg) => path.resolve(workingDirectory, arg))
    .filter((file) => {
      try {
        return fs.statSync(file).isFile()
      } catch {
        return false
      }
    })
}
