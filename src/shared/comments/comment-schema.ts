import { z } from 'zod'
import { pointSchema } from '../photos/photo-schema'
import { COMMENT_LIMITS } from './comment'

export const commentIdSchema = z.uuid({ error: 'Not a comment id' })
export const designIdSchema = z.uuid({ error: 'Not a design id' })

/** A person's name as typed; surrounding spaces are not part of it. */
export const commentAuthorSchema = z
  .string({ error: 'The name must be text' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'Enter your name, so others know who wrote this')
      .max(COMMENT_LIMITS.author, `The name is too long (${COMMENT_LIMITS.author} characters at most)`),
  )

export const commentBodySchema = z
  .string({ error: 'The comment must be text' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'Write the comment first')
      .max(COMMENT_LIMITS.body, `The comment is too long (${COMMENT_LIMITS.body} characters at most)`),
  )

export const commentInputSchema = z.strictObject(
  {
    designId: designIdSchema,
    at: pointSchema,
    author: commentAuthorSchema,
    body: commentBodySchema,
  },
  { error: 'The comment is missing' },
)

export const commentRevisionSchema = z.int({ error: 'Revision must be a whole number' }).min(1)
