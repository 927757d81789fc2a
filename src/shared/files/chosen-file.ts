import { z } from 'zod'

/**
 * A file on this machine named by the path the OS gave for it: the open dialog's answer, a
 * dropped file (the preload's `webUtils.getPathForFile`), a double-clicked `.stipple`. The
 * desktop reads such files in main, so their bytes never cross IPC; the web harness has no
 * paths and sends the bytes instead.
 */
export const MAX_PATH_LENGTH = 4096

/** Absolute on POSIX (`/…`) or Windows (`C:\…`, `\\server\share\…`); never relative, never with a NUL. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/])/

export const chosenPathSchema = z
  .string({ error: 'The file’s location must be text' })
  .min(1, 'No file was named')
  .max(MAX_PATH_LENGTH, 'The file’s location is too long')
  .refine(
    (p) => ABSOLUTE_PATH.test(p) && !p.includes('\0'),
    'The file must be named by its full location on this machine',
  )

/** What main reads a chosen file as: it bounds the size and checks the kind before reading a byte. */
export type ChosenFileKind = 'photo' | 'archive'
