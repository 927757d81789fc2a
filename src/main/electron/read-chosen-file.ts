import fs from 'node:fs/promises'
import path from 'node:path'
import { MAX_ARCHIVE_BYTES } from '../../shared/archive/archive-summary'
import type { ChosenFileKind } from '../../shared/files/chosen-file'
import { HeldFile } from '../../shared/files/held-file'
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
 * Opens a file the person chose by its path, after checking, before a byte is read: that it is
 * a regular file (not a folder, a device or a pipe), of a size its kind allows, and for an
 * archive that it is a `.stipple`.
 */
async function openChosen(file: string, kind: ChosenFileKind) {
  if (kind === 'archive' && !file.toLowerCase().endsWith(ARCHIVE_EXTENSION))
    refuse('Only a .stipple patient archive can be imported')
  const handle = await fs.open(file, 'r').catch(() => refuse('The file cannot be opened; it may have been moved'))
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) refuse('That is not a file')
    if (stat.size === 0) refuse('The file is empty (0 bytes)')
    if (stat.size > LIMITS[kind].maxBytes) refuse(LIMITS[kind].tooLarge)
    return { handle, stat }
  } catch (error) {
    await handle.close()
    throw error
  }
}

/**
 * Reads the whole of `handle`'s file a chunk at a time, each into the place `placeFor` gives and
 * then handed to `use`, telling `report` the percent read.
 */
async function readInChunks(
  handle: fs.FileHandle,
  size: number,
  placeFor: (at: number, length: number) => Uint8Array,
  use: (chunk: Uint8Array) => Promise<void>,
  report: (percent: number) => void,
) {
  let at = 0
  let reported = -1
  while (at < size) {
    const place = placeFor(at, Math.min(CHUNK_BYTES, size - at))
    const { bytesRead } = await handle.read(place, 0, place.byteLength, at)
    if (bytesRead === 0) refuse('The file changed while it was being read; try again')
    await use(place.subarray(0, bytesRead))
    at += bytesRead
    const percent = Math.floor((at / size) * 100)
    if (percent !== reported) {
      reported = percent
      report(percent)
    }
  }
}

/**
 * Reads a file the person chose by its path, in chunks, telling `report` the percent read,
 * after `openChosen`'s checks.
 */
export async function readChosenFile(
  file: string,
  kind: ChosenFileKind,
  report: (percent: number) => void = () => {},
): Promise<ChosenFile> {
  const { handle, stat } = await openChosen(file, kind)
  try {
    const bytes = new Uint8Array(stat.size)
    await readInChunks(
      handle,
      stat.size,
      (at, length) => bytes.subarray(at, at + length),
      async () => {},
      report,
    )
    return { name: path.basename(file), lastModified: stat.mtimeMs > 0 ? Math.floor(stat.mtimeMs) : null, bytes }
  } finally {
    await handle.close()
  }
}

/**
 * Copies an archive the person chose into `into`, a file of main's own, a chunk at a time
 * (never whole in memory), telling `report` the percent copied, after `openChosen`'s checks.
 * The archive is checked and imported from the copy, so what was checked is what is stored
 * even if the person's file changes meanwhile. Nothing is left at `into` when it fails.
 */
export async function holdChosenArchive(
  file: string,
  into: string,
  report: (percent: number) => void = () => {},
): Promise<HeldFile> {
  const { handle, stat } = await openChosen(file, 'archive')
  try {
    const copy = await fs.open(into, 'wx', 0o600)
    const buffer = new Uint8Array(Math.min(CHUNK_BYTES, stat.size))
    try {
      await readInChunks(
        handle,
        stat.size,
        (_at, length) => buffer.subarray(0, length),
        async (chunk) => {
          for (let written = 0; written < chunk.byteLength; )
            written += (await copy.write(chunk, written, chunk.byteLength - written)).bytesWritten
        },
        report,
      )
    } catch (error) {
      await copy.close()
      await fs.rm(into, { force: true })
      throw error
    }
    await copy.close()
    return new HeldFile(into, stat.size)
  } finally {
    await handle.close()
  }
}
