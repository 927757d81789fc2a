/**
 * A lone UTF-16 surrogate (half of an emoji, say): SQLite keeps text as UTF-8, which cannot hold
 * one, so it would silently come back as U+FFFD. With the `u` flag a whole pair is one code
 * point and never matches.
 */
const LONE_SURROGATE = /\p{Cs}/u
/** NUL ends text for SQLite's own functions: a name "\0" has length 0 to a CHECK constraint. */
const NUL = '\u0000'

export const UNSTORABLE_TEXT_MESSAGE =
  'This text holds a character Stipple cannot store (a NUL or half of a character pair); retype it.'

/**
 * The path (`fields.fullName`, `sessions.0.notes`; empty for the value itself) of the first text
 * in `value` that the database could not give back as it was sent, or null when all of it can.
 * File bytes are not text and are skipped.
 */
export function unstorableTextPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']]
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, string]
    if (typeof item === 'string') {
      if (item.includes(NUL) || LONE_SURROGATE.test(item)) return path
      continue
    }
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) continue
    for (const [key, child] of Object.entries(item)) stack.push([child, path ? `${path}.${key}` : key])
  }
  return null
}
