import {
  OFFLINE_REVIEW_ELEMENT_ID,
  OFFLINE_REVIEW_FORMAT,
  type OfflineReview,
} from '../../../shared/review-file/offline-review'

/** What the page carries: no embedded review (the app itself), a review, or one it cannot read. */
export type EmbeddedReview =
  | { status: 'none' }
  | { status: 'ready'; review: OfflineReview }
  | { status: 'unreadable'; message: string }

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null

const DAMAGED: EmbeddedReview = {
  status: 'unreadable',
  message: 'The review data in this file is damaged; export the review file again from Stipple.',
}

/**
 * The review an offline review file embeds. The script and the data were written together, so
 * this only catches a file damaged or edited since.
 */
export function readEmbeddedReview(doc: Document): EmbeddedReview {
  const element = doc.getElementById(OFFLINE_REVIEW_ELEMENT_ID)
  if (!element) return { status: 'none' }
  let data: unknown
  try {
    data = JSON.parse(element.textContent ?? '')
  } catch {
    return DAMAGED
  }
  const lists = ['photos', 'designs', 'pigments', 'comments'] as const
  const whole =
    isRecord(data) &&
    data.format === OFFLINE_REVIEW_FORMAT &&
    isRecord(data.patient) &&
    isRecord(data.plan) &&
    isRecord(data.settings) &&
    lists.every((key) => Array.isArray(data[key]))
  return whole ? { status: 'ready', review: data as unknown as OfflineReview } : DAMAGED
}
