import type { PhotoVariant } from './photo'

/** The desktop app's scheme for photo files; the harness serves the same paths over HTTP. */
export const PHOTO_SCHEME = 'stipple-photo'
/** Photo URLs on the desktop: `stipple-photo://app/photos/working/<sha>.jpg`. */
export const PHOTO_ORIGIN = `${PHOTO_SCHEME}://app`

export const photoPath = (variant: PhotoVariant, sha256: string) => `/photos/${variant}/${sha256}.jpg`

const PHOTO_PATH = /^\/photos\/(working|thumbnail)\/([0-9a-f]{64})\.jpg$/

/** The variant and original hash a photo URL path names, or null for anything else. */
export function parsePhotoPath(pathname: string): { variant: PhotoVariant; sha256: string } | null {
  const match = PHOTO_PATH.exec(pathname)
  return match ? { variant: match[1] as PhotoVariant, sha256: match[2] as string } : null
}
