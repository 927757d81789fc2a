import type { PhotoArchiveRow } from '../../../shared/archive/archive-records'
import type { PhotoFormat } from '../../../shared/photos/photo-fields'
import { stripLocation } from '../photos/strip-location'
import { sha256Of } from './archive-zip'

/**
 * A photo's original as an archive carries it: stripped of its location and camera serials the
 * way an import strips them (`stripLocation`), so a photo kept from before that rule, or from
 * before a clinic turned it on, leaves no position in the file. A stripped original has new
 * bytes, so its record is renamed by their hash and says when it was stripped. Run where the
 * archive is packed (the decode process); `scratch` is `stripLocation`'s.
 */
export function archivedOriginal(
  photo: PhotoArchiveRow,
  bytes: Uint8Array,
  options: { removeLocation: boolean; at: string; scratch?: Uint8Array },
): { photo: PhotoArchiveRow; bytes: Uint8Array } {
  if (!options.removeLocation) return { photo, bytes }
  const stripped = stripLocation(bytes, photo.format as PhotoFormat, options.scratch)
  if (!stripped.removed) return { photo, bytes }
  return {
    photo: { ...photo, sha256: sha256Of(stripped.bytes), location_removed_at: photo.location_removed_at ?? options.at },
    bytes: stripped.bytes,
  }
}
