import fs from 'node:fs/promises'
import path from 'node:path'
import { MAX_ARCHIVE_BYTES } from '../../shared/archive/archive-summary'
import type { ChosenFileKind } from '../../shared/files/chosen-file'
import { PHOTO_LIMITS } from '../../shared/photos/photo-fields'
import type { ChosenFile } from '../platform'
import { ServiceError } from '../services/service-error'
import { ARCHIVE_EXTENSION } from './identity'

const CHUNK_BYTES = 8 * 1024 * 1024

const LIMITS: Record<ChosenFileKind, { maxBytes: number; tooLarge: string }> = {
  photo: {
    maxBytes: PHOTO_LIMITS.maxBytes,
    tooLarge: `The file is larger than ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MB`,
  },
  archive: {
    maxBytes: MAX_ARCHIVE_BYTES,
    tooLarge: 'The archive file is larger than 1 GB, more than any archive Stipple writes',
  },
}

const refuse = (message: string): never => {
  throw new ServiceError('invalid_input', message, { path: message })
}

/**
 * Reads a file the person chose by its path, in chunks, telling `report` the percent read. What
 * is checked first, before a byte is read: that it is a regular file (not a folder, a device or
 * a pipe), of a size its kind allows, and for an archive that it is a `.stipple`.
 */
export async function readChosenFile(
  file: string,
  kind: ChosenFileKind,
  report: (percent: number) => void = () => {},
): Promise<ChosenFile> {
  if (kind === 'archive' && !file.toLowerCase().endsWith(ARCHIVE_EXTENSION))
    refuse('Only a .stipple patient archive can be imported')
  const handle = await fs.open(file, 'r').catch(() => refuse('The file cannot be opened; it may have been moved'))
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) refuse('That is not a file')
    if (stat.size === 0) refuse('The file is empty (0 bytes)')
    if (stat.size > LIMITS[kind].maxBytes) refuse(LIMITS[kind].tooLarge)
    const bytes = new Uint8Array(stat.size)
    let at = 0
    let reported = -1
    while (at < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(CHUNK_BYTES, bytes.byteLength - at), at)
      if (bytesRead === 0) refuse('The file changed while it was being read; try again')
      at += bytesRead
      const percent = Math.floor((at / bytes.byteLength) * 100)
      if (percent !== reported) {
        reported = percent
        report(percent)
      }
    }
    return { name: path.basename(file), lastModified: stat.mtimeMs > 0 ? Math.floor(stat.mtimeMs) : null, bytes }
  } finally {
    await handle.close()
  }
}
