/**
 * The desktop's few channels besides the contract's calls, between main and the preload only:
 * main tells the page to open an archive it was handed (a double-click, the command line, the
 * File menu) and how far long work has got; the page tells main the theme it shows.
 */
export const OPEN_ARCHIVE_CHANNEL = 'stipple:open-archive'
/** The page asks for archives handed to the app before it was listening (a launch by double-click). */
export const PENDING_ARCHIVES_CHANNEL = 'stipple:pending-archives'
export const PROGRESS_CHANNEL = 'stipple:progress'
export const THEME_CHANNEL = 'stipple:theme'

/** A `.stipple` file main was handed: the import preview reads it by its path. */
export interface ArchiveOnDisk {
  path: string
  name: string
  size: number
}

/** Long work in main, in whole percent. */
export interface Progress {
  task: 'reading'
  percent: number
}

export const isArchiveOnDisk = (value: unknown): value is ArchiveOnDisk =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ArchiveOnDisk).path === 'string' &&
  typeof (value as ArchiveOnDisk).name === 'string' &&
  typeof (value as ArchiveOnDisk).size === 'number'

export const isProgress = (value: unknown): value is Progress =>
  typeof value === 'object' &&
  value !== null &&
  (value as Progress).task === 'reading' &&
  typeof (value as Progress).percent === 'number'
