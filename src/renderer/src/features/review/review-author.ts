const STORAGE_KEY = 'stipple.review.author'

/**
 * The name the reviewer last signed with, remembered on this machine so it is typed once. Storage
 * can be refused (a locked-down browser opening the offline file); the name is then asked again.
 */
export function rememberedAuthor(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? ''
  } catch {
    return ''
  }
}

export function rememberAuthor(name: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, name.trim())
  } catch {
    // Not remembered: the name still signs this session's comments.
  }
}
