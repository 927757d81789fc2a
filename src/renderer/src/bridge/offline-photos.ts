import type { PhotoVariant } from '../../../shared/photos/photo'
import { OFFLINE_PHOTO_ATTRIBUTE, offlinePhotoKey } from '../../../shared/review-file/offline-review'

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.trim())
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Blob URLs made so far, per page: every bridge made over one page shares them. */
const madeUrls = new WeakMap<Document, Map<string, string>>()

/**
 * Photo URLs for an offline review file: each embedded JPEG becomes a blob: URL the first time
 * it is asked for (the page's policy allows no other source), and stays one for the page's
 * life. A photo the file does not hold gets an empty URL, which the image shows as failed.
 */
export function embeddedPhotoUrls(doc: Document): (sha256: string, variant: PhotoVariant) => string {
  const urls = madeUrls.get(doc) ?? new Map<string, string>()
  madeUrls.set(doc, urls)
  return (sha256, variant) => {
    const key = offlinePhotoKey(variant, sha256)
    const made = urls.get(key)
    if (made) return made
    const element = [...doc.querySelectorAll(`script[${OFFLINE_PHOTO_ATTRIBUTE}]`)].find(
      (e) => e.getAttribute(OFFLINE_PHOTO_ATTRIBUTE) === key,
    )
    if (!element) return ''
    const url = URL.createObjectURL(new Blob([decodeBase64(element.textContent ?? '')], { type: 'image/jpeg' }))
    urls.set(key, url)
    // The blob holds the bytes now; the base64 text would only double the page's memory.
    element.textContent = ''
    return url
  }
}
