import { z } from 'zod'

/**
 * A free-text field as typed: at most `max` characters, surrounding spaces trimmed. `what` names
 * the field in its errors, as a sentence starts ("The address").
 */
export const textField = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .max(max, `${what} is too long (${max.toLocaleString('en')} characters at most)`)
    .transform((s) => s.trim())
