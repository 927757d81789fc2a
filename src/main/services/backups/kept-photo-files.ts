import type { PhotoFiles } from '../photos/photo-files'

/**
 * The photo folders as the photo service sees them, except that a file some backup names is
 * never deleted: restoring that backup would otherwise bring back records without pictures.
 * Such a file goes once the last backup naming it is rotated away and no record uses it. The
 * sweep also keeps what the damaged databases set aside in the data folder name (`namedElsewhere`).
 */
export function keepFilesBackupsNeed(
  files: PhotoFiles,
  neededByBackups: () => Set<string>,
  namedElsewhere: () => Set<string> = () => new Set(),
): PhotoFiles {
  return {
    ...files,
    async remove(sha256, format) {
      if (neededByBackups().has(sha256)) return false
      return files.remove(sha256, format)
    },
    sweep(isReferenced) {
      const needed = neededByBackups()
      const kept = namedElsewhere()
      return files.sweep((sha256) => isReferenced(sha256) || needed.has(sha256) || kept.has(sha256))
    },
  }
}
