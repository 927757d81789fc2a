import type { PhotoArchiveRow } from '../../../shared/archive/archive-records'
import { PHOTO_LIMITS, type PhotoFormat } from '../../../shared/photos/photo-fields'
import { HeavyWorkStopped } from '../../workers/worker-pool'
import { decoding } from '../isolation/decoding'
import { ServiceError } from '../service-error'

/**
 * A photo's original as an archive carries it: stripped of its location and camera serials the
 * way an import strips them (`stripLocation`, in a worker thread), so a photo kept from before
 * that rule, or from before a clinic turned it on, leaves no position in the file. A stripped
 * original has new bytes, so its record is renamed by their hash and says when it was stripped.
 */
export async function archivedOriginal(
  photo: PhotoArchiveRow,
  bytes: Uint8Array,
  removeLocation: boolean,
  at: string,
): Promise<{ photo: PhotoArchiveRow; bytes: Uint8Array }> {
  if (!removeLocation) return { photo, bytes }
  try {
    const stored = await decoding.run(
      'storedOriginal',
      { bytes, format: photo.format as PhotoFormat, removeLocation: true },
      { timeoutMs: PHOTO_LIMITS.decodeSeconds * 1000 },
    )
    if (!stored.locationRemoved) return { photo, bytes }
    return {
      photo: { ...photo, sha256: stored.sha256, location_removed_at: photo.location_removed_at ?? at },
      bytes: stored.bytes,
    }
  } catch (error) {
    if (!(error instanceof HeavyWorkStopped)) throw error
    throw new ServiceError(
      'conflict',
      `Stipple could not remove the location from photo “${photo.original_name}” in time, so the archive was not made. Try again.`,
    )
  }
}
