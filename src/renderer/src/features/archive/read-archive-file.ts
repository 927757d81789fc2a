import { MAX_ARCHIVE_BYTES } from '../../../../shared/archive/archive-summary'

/** Why a chosen file is not read at all: said before any byte of it is loaded. */
export function fileProblem(file: Pick<File, 'size'>): string | null {
  if (file.size === 0) return 'The file is empty (0 bytes); it is not a patient archive.'
  if (file.size > MAX_ARCHIVE_BYTES)
    return 'The file is larger than 1 GB, more than any archive Stipple writes; it is not a patient archive.'
  return null
}

/** The file's bytes, read in chunks so a large archive can show how far it has got. */
export async function readArchiveFile(
  file: Blob,
  onProgress: (read: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(file.size)
  const reader = file.stream().getReader()
  let at = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (at + value.byteLength > bytes.byteLength) throw new Error('The file grew while it was being read; try again.')
    bytes.set(value, at)
    at += value.byteLength
    onProgress(at)
  }
  if (at !== bytes.byteLength) throw new Error('The file changed while it was being read; try again.')
  return bytes
}
