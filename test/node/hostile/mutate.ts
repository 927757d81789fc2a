import fc from 'fast-check'
import { hostileNumber, hostileText, hostileValue, ownKeys, PROTOTYPE_KEYS } from './hostile-values'
import { at, isContainer, pathsOf, put, replaceAt } from './payload-paths'

type Mutation =
  | { op: 'replace'; value: unknown }
  /** Replaces a text field with hostile text, or a number field with an edge number: a valid payload's own fields, aimed at. */
  | { op: 'retext'; value: string }
  | { op: 'renumber'; value: number }
  | { op: 'delete' }
  | { op: 'addKey'; key: string; value: unknown }
  | { op: 'repeat'; times: number }
  | { op: 'wrap'; inArray: boolean }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: hostileText.map((value) => ({ op: 'retext' as const, value })) },
  { weight: 3, arbitrary: hostileNumber.map((value) => ({ op: 'renumber' as const, value })) },
  { weight: 4, arbitrary: hostileValue.map((value) => ({ op: 'replace' as const, value })) },
  { weight: 3, arbitrary: hostileText.map((value) => ({ op: 'replace' as const, value })) },
  { weight: 2, arbitrary: hostileNumber.map((value) => ({ op: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ op: 'delete' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'extra', ''), hostileText), hostileValue)
      .map(([key, value]) => ({ op: 'addKey' as const, key, value })),
  },
  { weight: 1, arbitrary: fc.constantFrom(2, 1000, 200_000).map((times) => ({ op: 'repeat' as const, times })) },
  { weight: 1, arbitrary: fc.boolean().map((inArray) => ({ op: 'wrap' as const, inArray })) },
)

/** What each kind of mutation can land on. */
const AIMED_AT: Record<Mutation['op'], (value: unknown) => boolean> = {
  replace: () => true,
  retext: (value) => typeof value === 'string',
  renumber: (value) => typeof value === 'number',
  delete: () => true,
  addKey: isContainer,
  repeat: () => true,
  wrap: () => true,
}

function apply(root: unknown, pick: number, change: Mutation): unknown {
  const paths = pathsOf(root).filter((p) => AIMED_AT[change.op](at(root, p)))
  const path = paths[pick % Math.max(paths.length, 1)] ?? []
  const target = at(root, path)
  let replacement: unknown
  switch (change.op) {
    case 'replace':
    case 'retext':
    case 'renumber':
      replacement = change.value
      break
    case 'delete':
      replacement = undefined
      break
    case 'addKey':
      if (Array.isArray(target)) put(target, target.length, change.value)
      else if (isContainer(target)) put(target, change.key, change.value)
      return root
    case 'repeat':
      // Capped: large enough to pass every limit the schemas set, small enough for the test's memory.
      replacement = Array.isArray(target)
        ? Array.from({ length: Math.min(target.length * change.times, 200_000) }, (_, i) => target[i % target.length])
        : typeof target === 'string'
          ? target.repeat(Math.min(change.times, Math.ceil(4_000_000 / Math.max(target.length, 1))))
          : target
      break
    case 'wrap':
      replacement = change.inArray ? [target] : ownKeys([['value', target]])
      break
  }
  return replaceAt(root, path, replacement, change.op === 'delete')
}

/**
 * A valid payload with one to three hostile changes anywhere in it: a field of another type or
 * at an edge, a missing or extra key (prototype keys included), a list grown huge, a value
 * wrapped in another level. Each mutation starts from a fresh copy.
 */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }))
    .map(([payload, changes]) =>
      changes.reduce((value, [pick, change]) => apply(value, pick, change), structuredClone(payload)),
    )
}
