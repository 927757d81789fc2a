import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { CommentId, ReviewComment } from '../../../shared/comments/comment'
import type { Point } from '../../../shared/geometry/point'
import type { PatientId } from '../../../shared/patients/patient'
import { createStamp } from '../clock'
import { ServiceError } from '../service-error'
import { type CommentRow, rowToComment } from './comment-rows'

export interface CommentInput {
  designId: string
  at: Point
  author: string
  body: string
}

/**
 * One change to a comment, handed to `onChange` inside the same transaction as the change: a
 * record of it that fails (the audit trail) undoes the change, so neither exists without the other.
 */
export interface CommentChange {
  action: 'added' | 'resolved' | 'reopened' | 'deleted'
  /** The change's own stamp. */
  at: string
  patientId: PatientId
  /** The comment after the change; for a delete, as it was. */
  comment: ReviewComment
  /** Who made the change, as they named themselves. */
  by: string
}

export interface CommentService {
  /** A design's comments, oldest first (the order their pins are numbered in). */
  list(designId: string): ReviewComment[]
  add(input: CommentInput): ReviewComment
  /** Marks a comment resolved by `by`, from the revision the reviewer saw. */
  resolve(id: CommentId, revision: number, by: string): ReviewComment
  reopen(id: CommentId, revision: number, by: string): ReviewComment
  remove(id: CommentId, by: string): { id: CommentId }
}

interface DesignOfComment {
  patient_id: string
  width: number
  height: number
  archived_at: string | null
}

/**
 * Review comments pinned to a design's photo. They live beside the design, never in its
 * document, so saving a design keeps them; deleting the design (or its photo) removes them by
 * the database's cascade. Input arrives validated by the bridge; the service checks what only
 * the database knows and changes one row or nothing.
 */
export function createCommentService(
  db: Database,
  options: { now?: () => Date; onChange?: (change: CommentChange) => void } = {},
): CommentService {
  const stamp = createStamp(options.now)
  const record = options.onChange ?? (() => {})
  const designById = db.prepare<[string], DesignOfComment>(
    `SELECT designs.patient_id, photos.width, photos.height, patients.archived_at
     FROM designs JOIN photos ON photos.id = designs.photo_id JOIN patients ON patients.id = designs.patient_id
     WHERE designs.id = ?`,
  )
  const commentById = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?')
  const commentsOfDesign = db.prepare<[string], CommentRow>(
    'SELECT * FROM comments WHERE design_id = ? ORDER BY created_at, rowid',
  )
  const insert = db.prepare(
    `INSERT INTO comments (id, design_id, x, y, author, body, created_at, resolved_at, resolved_by, updated_at, revision)
     VALUES (@id, @designId, @x, @y, @author, @body, @now, NULL, NULL, @now, 1)`,
  )
  const setResolved = db.prepare(
    `UPDATE comments SET resolved_at = @resolvedAt, resolved_by = @resolvedBy, updated_at = @now, revision = revision + 1
     WHERE id = @id AND revision = @revision`,
  )
  const deleteById = db.prepare('DELETE FROM comments WHERE id = ?')

  const getDesign = (designId: string): DesignOfComment => {
    const design = designById.get(designId)
    if (!design) throw new ServiceError('not_found', 'That design does not exist; its photo may have been deleted.')
    return design
  }

  const writable = (design: DesignOfComment) => {
    if (design.archived_at !== null)
      throw new ServiceError('conflict', 'This patient is archived; restore the record to change its comments.')
  }

  const getComment = (id: CommentId): { row: CommentRow; design: DesignOfComment } => {
    const row = commentById.get(id)
    if (!row) throw new ServiceError('not_found', 'That comment does not exist; it may have been deleted.')
    return { row, design: getDesign(row.design_id) }
  }

  const add = db.transaction((input: CommentInput): ReviewComment => {
    const design = getDesign(input.designId)
    writable(design)
    const { x, y } = input.at
    if (x < 0 || y < 0 || x > design.width || y > design.height)
      throw new ServiceError('invalid_input', 'A comment must be pinned on the photo.', {
        at: `This point lies outside the ${design.width} × ${design.height} px photo`,
      })
    const id = randomUUID()
    insert.run({ id, designId: input.designId, x, y, author: input.author, body: input.body, now: stamp() })
    const comment = rowToComment(commentById.get(id) as CommentRow)
    record({ action: 'added', at: comment.createdAt, patientId: design.patient_id, comment, by: comment.author })
    return comment
  })

  const changeResolved = db.transaction(
    (id: CommentId, revision: number, resolve: boolean, by: string): ReviewComment => {
      const { row, design } = getComment(id)
      writable(design)
      if (row.revision !== revision)
        throw new ServiceError(
          'conflict',
          `This comment was changed elsewhere (revision ${row.revision}); reload the review to see the latest.`,
        )
      if (resolve && row.resolved_at !== null)
        throw new ServiceError('conflict', `${row.resolved_by ?? 'Someone'} already resolved this comment.`)
      if (!resolve && row.resolved_at === null) throw new ServiceError('conflict', 'This comment is already open.')
      const now = stamp()
      setResolved.run({ id, revision, now, resolvedAt: resolve ? now : null, resolvedBy: resolve ? by : null })
      const comment = rowToComment(commentById.get(id) as CommentRow)
      record({ action: resolve ? 'resolved' : 'reopened', at: now, patientId: design.patient_id, comment, by })
      return comment
    },
  )

  const remove = db.transaction((id: CommentId, by: string): { id: CommentId } => {
    const { row, design } = getComment(id)
    writable(design)
    deleteById.run(id)
    record({ action: 'deleted', at: stamp(), patientId: design.patient_id, comment: rowToComment(row), by })
    return { id }
  })

  return {
    list(designId) {
      getDesign(designId)
      return commentsOfDesign.all(designId).map(rowToComment)
    },
    // Immediate, so the checks and the write happen under one write lock (another process on the
    // same data folder cannot slip a change between them).
    add: (input) => add.immediate(input),
    resolve: (id, revision, by) => changeResolved.immediate(id, revision, true, by),
    reopen: (id, revision, by) => changeResolved.immediate(id, revision, false, by),
    remove: (id, by) => remove.immediate(id, by),
  }
}
