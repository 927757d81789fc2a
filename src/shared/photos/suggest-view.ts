import type { PhotoView } from './photo-fields'

/**
 * Words in a file's name that say which view it shows, as clinics name their photos ("front",
 * "crown", "donor", "left", "right"...). Checked as whole words, most specific first: "back of
 * crown" is the crown.
 */
const NAMED: readonly { view: PhotoView; words: RegExp }[] = [
  { view: 'crown', words: /\b(crown|vertex|whorl)\b/ },
  { view: 'donor', words: /\b(donor|nape)\b/ },
  { view: 'close-up', words: /\b(close ?up|closeup|macro|scar|detail)\b/ },
  { view: 'left', words: /\b(left|lhs|l ?side)\b/ },
  { view: 'right', words: /\b(right|rhs|r ?side)\b/ },
  { view: 'top', words: /\b(top|overhead|above)\b/ },
  { view: 'back', words: /\b(back|rear|posterior)\b/ },
  { view: 'front', words: /\b(front|frontal|face|hairline|anterior)\b/ },
]

/**
 * The view a photo probably shows, from its file name, or null when the name does not say.
 * When two views are named ("left side of the crown"), the more specific one, listed first, wins.
 */
export function suggestView(photo: { originalName: string }): PhotoView | null {
  const name = photo.originalName
    .replace(/\.[^.]*$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .toLowerCase()
  return NAMED.find((n) => n.words.test(name))?.view ?? null
}

/** What a photo's own metadata says about its view, and why (`src/main/services/photos/view-hint.ts`). */
export interface ViewHint {
  view: PhotoView
  /** "the camera pointed down at 85° (its XMP pitch)": shown beside the suggestion. */
  reason: string
}
