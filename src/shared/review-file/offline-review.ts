import type { SavedPigment, SavedSettings } from '../bridge/contract'
import type { ReviewComment } from '../comments/comment'
import type { Design } from '../design/design-types'
import type { Patient } from '../patients/patient'
import type { PhotoDetail, PhotoVariant } from '../photos/photo'
import type { TreatmentPlan } from '../plan/plan-types'

/** Bumped when the embedded data changes shape; a renderer refuses a file of another format. */
export const OFFLINE_REVIEW_FORMAT = 1

/** The id of the `<script type="application/json">` element that holds an {@link OfflineReview}. */
export const OFFLINE_REVIEW_ELEMENT_ID = 'stipple-offline-review'

/**
 * The attribute naming each embedded photo file, `<variant>:<sha256>`, on a
 * `<script type="application/octet-stream">` element whose text is the JPEG in base64. Kept
 * apart from the review's JSON so opening the file parses a small JSON and decodes a photo only
 * when it is drawn.
 */
export const OFFLINE_PHOTO_ATTRIBUTE = 'data-stipple-photo'

export const offlinePhotoKey = (variant: PhotoVariant, sha256: string) => `${variant}:${sha256}`

/**
 * One patient's review as an offline review file carries it: the answers to every read call the
 * review makes, already stripped of what the review does not show.
 */
export interface OfflineReview {
  format: typeof OFFLINE_REVIEW_FORMAT
  /** When the file was made, the generating machine's wall clock, `YYYY-MM-DDTHH:MM`. */
  generatedAt: string
  clinicName: string
  appVersion: string
  patient: Patient
  photos: PhotoDetail[]
  designs: Design[]
  plan: TreatmentPlan
  pigments: SavedPigment[]
  settings: SavedSettings
  comments: ReviewComment[]
}
