import { ServiceError } from '../services/service-error'

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : ''

/**
 * What a failure of the disk or the database file means for the user, in words: what happened,
 * that nothing was saved, and what to do. Null for any other error. `where` names the data folder.
 */
export function storageFault(error: unknown, where?: string): ServiceError | null {
  const code = codeOf(error)
  const folder = where ? ` (${where})` : ''
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL')
    return new ServiceError(
      'unavailable',
      `The disk holding Stipple's data${folder} is full, so nothing was saved. Free some space on it, then try again; what was saved before is safe.`,
    )
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY'))
    return new ServiceError(
      'unavailable',
      `Stipple cannot write to its data folder${folder}: it is read-only or Stipple is not allowed to change it, so nothing was saved. Check the folder's permissions or the drive's write protection, then try again.`,
    )
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new ServiceError(
      'unavailable',
      `Another program is holding Stipple's database${folder}, so nothing was saved. Close any other copy of Stipple, or a tool that has the file open, then try again.`,
    )
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST')
    return new ServiceError(
      'unavailable',
      `Stipple cannot reach its database${folder}: the folder or the file is missing, moved, or on a drive that is not connected. Nothing was saved. Reconnect the drive or restore the folder, then start Stipple again.`,
    )
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR'))
    return new ServiceError(
      'unavailable',
      `The disk reported an error while Stipple was reading or saving${folder}, so nothing was saved. Check the drive, then try again; if it keeps happening, restore a backup onto a sound disk.`,
    )
  return null
}
