import type { ReviewComment } from '../../../shared/comments/comment'

/** A `comments` row as SQLite returns it. */
export interface CommentRow {
  id: string
  design_id: string
  x: number
  y: number
  author: string
  body: string
  created_at: string
  resolved_at: string | null
  resolved_by: string | null
  updated_at: string
  revision: number
}

export function rowToComment(row: CommentRow): ReviewComment {
  return {
    id: row.id,
    designId: row.design_id,
    at: { x: row.x, y: row.y },
    author: row.author,
    body: row.body,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    updatedAt: row.updated_at,
    revision: row.revision,
  }
}
