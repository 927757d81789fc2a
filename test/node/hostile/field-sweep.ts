import { INJECTION, ownKeys, POLLUTION_KEY, UNSTORABLE } from './hostile-values'
import { at, isContainer, type Path, pathsOf, replaceAt } from './payload-paths'

/** Every text field gets each of these in turn. */
const TEXTS = [
  ...UNSTORABLE,
  '',
  '   ',
  INJECTION[0] as string,
  '\u202Eevil\u202C',
  'e\u0301',
  '%_\\',
  'x'.repeat(100_001),
]
/** Every number field gets each of these in turn. */
const NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  // One past the largest time a Date holds.
  8.64e15 + 1,
]
/** Every field gets a value of another type. */
const OTHER_TYPES: unknown[] = [null, true, '1', 1, [], {}]

export interface SweepCase {
  /** Which field and what it was given, for a failure's message. */
  label: string
  apply(payload: unknown): unknown
}

const describe = (path: Path) => (path.length === 0 ? 'the payload' : path.join('.'))
const show = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…(${value.length})` : value)
    : Object.is(value, -0)
      ? '-0'
      : String(JSON.stringify(value) ?? value)

/**
 * Hostile values for each field of a valid payload, one change per case: each text field every
 * hostile text, each number every edge number, each field every other type and its absence, each
 * object a prototype key. Exhaustive where random mutations would hit a given field rarely.
 */
export function fieldSweep(base: unknown): SweepCase[] {
  const cases: SweepCase[] = []
  const replace = (path: Path, value: unknown) =>
    cases.push({
      label: `${describe(path)} = ${show(value)}`,
      apply: (payload) => replaceAt(structuredClone(payload), path, value),
    })
  for (const path of pathsOf(base)) {
    const value = at(base, path)
    if (typeof value === 'string') for (const text of TEXTS) replace(path, text)
    if (typeof value === 'number') for (const number of NUMBERS) replace(path, number)
    for (const other of OTHER_TYPES)
      if (typeof other !== typeof value || Array.isArray(other) !== Array.isArray(value)) replace(path, other)
    if (path.length > 0)
      cases.push({
        label: `${describe(path)} missing`,
        apply: (payload) => replaceAt(structuredClone(payload), path, undefined, true),
      })
    if (isContainer(value) && !Array.isArray(value))
      for (const key of ['__proto__', 'constructor'])
        replace(
          [...path, key],
          key === '__proto__'
            ? ownKeys([[POLLUTION_KEY, true]])
            : ownKeys([['prototype', ownKeys([[POLLUTION_KEY, true]])]]),
        )
  }
  return cases
}
