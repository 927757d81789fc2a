import type { Point } from '../geometry/point'

export type CommentId = string

/**
 * A reviewer's note pinned to a point of a design's photo. It belongs to the design's review,
 * not to its document: saving the design never touches it, deleting the design removes it.
 */
export interface ReviewComment {
  id: CommentId
  designId: string
  /** Where the pin sits, in the photo's original pixels (the design's own unit). */
  at: Point
  author: string
  body: string
  createdAt: string
  /** When and by whom it was marked resolved; both null while open. */
  resolvedAt: string | null
  resolvedBy: string | null
  updatedAt: string
  /** Starts at 1 and goes up with each change; resolve and reopen name the revision they saw. */
  revision: number
}

/** Lengths the database also enforces, so the form refuses what main would. */
export const COMMENT_LIMITS = {
  author: 120,
  body: 4000,
} as const

export const isResolved = (comment: Pick<ReviewComment, 'resolvedAt'>): boolean => comment.resolvedAt !== null
