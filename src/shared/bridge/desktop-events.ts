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

/**
 * Long work in main that the page shows as a bar: reading a chosen file, making a patient
 * archive to export, checking an archive's entries and checksums before it is shown or imported.
 */
export const PROGRESS_TASKS = ['reading', 'exporting', 'checking'] as const
export type ProgressTask = (typeof PROGRESS_TASKS)[number]

/** How far one task has got, in whole percent (0–100, never going back within one task). */
export interface Progress {
  task: ProgressTask
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
  PROGRESS_TASKS.includes((value as Progress).task) &&
  Number.isInteger((value as Progress).percent) &&
  (value as Progress).percent >= 0 &&
  (value as Progress).percent <= 100
