import type { Database } from 'better-sqlite3'
import { createAuditLog } from '../audit/audit-log'
import type { CommentChange } from './comment-service'

/**
 * The comment service's entries in the audit trail, one per change and in its transaction. The
 * note keeps the text as it was, so a deleted comment can still be read in the history.
 */
export function createCommentAudit(db: Database): (change: CommentChange) => void {
  const log = createAuditLog(db)
  return ({ action, at, patientId, comment, by }) => {
    log.append({
      entity: 'comment',
      action,
      at,
      patientId,
      entityId: comment.id,
      detail: {
        designId: comment.designId,
        author: comment.author,
        body: comment.body,
        by: by === comment.author ? null : by,
      },
    })
  }
}
