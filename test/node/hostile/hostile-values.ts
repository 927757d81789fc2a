import fc from 'fast-check'

/** The key a prototype-pollution payload tries to plant on every object; checked after each call. */
export const POLLUTION_KEY = 'stipplePolluted'

/** Keys that reach an object's prototype when code copies them with `target[key] = value`. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** An object whose own keys are exactly these: `__proto__` included, as JSON.parse or IPC would deliver it. */
export function ownKeys(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const [key, value] of entries)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  return object
}

/** Text that looks like SQL, markup or a template: must be stored as text, never run. */
export const INJECTION = [
  "'; DROP TABLE patients; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM photos WHERE ('1'='1",
  '%',
  '_',
  '\\',
  '%_\\%',
  "' UNION SELECT sql FROM sqlite_master --",
  'ATTACH DATABASE "/tmp/x" AS x',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is exactly the hostile text
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '{"__proto__":{"stipplePolluted":true}}',
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  'CON',
  'file:///etc/passwd',
]

/** Characters that are well-formed but easy to mishandle: direction overrides, zero-width, combining, astral. */
const UNICODE = [
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627',
  'zero\u200Bwidth\u200C\u200Djoin\u2060',
  '\uFEFFbom',
  'e\u0301\u0302\u0303\u0304 Z\u0334\u0321\u0353a\u0337l\u0338g\u0335o',
  '👩‍👩‍👧‍👦🏳️‍🌈🇯🇵',
  '𝕊𝕥𝕚𝕡𝕡𝕝𝕖 𐐷 \u{10FFFF}',
  'line\r\nbreak\u2028sep\u2029para\u0085nel',
  '\t tabs and  spaces \u00A0\u3000',
  'İıŞşĞğ ß ẞ ǅ',
  '\uFFFD\uFFFE\uFFFF',
]

/** Characters that cannot be stored as they are: SQLite's UTF-8 has no lone surrogate, and NUL ends text in SQL. */
export const UNSTORABLE = ['\uD800', '\uDFFF', 'a\uDC00b', '\uD83D', 'x\u0000y', '\u0000'] as const

/** Any text a hostile caller may send, storable or not, from a few characters to several megabytes. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(...INJECTION, ...UNICODE, ...UNSTORABLE),
        fc.string({ maxLength: 8 }),
      )
      .map((parts) => parts.join('')),
  },
  fc.constantFrom(...INJECTION, ...UNICODE, ...UNSTORABLE, ''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...UNICODE, ...INJECTION, ...UNSTORABLE, 'a', ' '), maxLength: 8 }),
  fc.constantFrom(10_000, 100_001, 4 * 1024 * 1024).map((n) => 'x'.repeat(n)),
  fc.constantFrom(...UNICODE).map((s) => s.repeat(5_000)),
)

/** Text a record may hold: hostile in every way but the two characters that are refused (see UNSTORABLE). */
export function storableText(maxLength: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...INJECTION, ...UNICODE),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...UNICODE, ...INJECTION, 'a', ' '), maxLength: 6 }),
      fc.constant('x'.repeat(maxLength)),
    )
    .map((s) => cutToLength(s.replaceAll('\u0000', ''), maxLength))
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cutToLength(s: string, max: number): string {
  if (s.length <= max) return s
  const cut = s.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

/** Numbers at every edge of IEEE 754 and of the safe integers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    2 ** 31,
    2 ** 32,
    2 ** 63,
    Number.MIN_VALUE,
    Number.EPSILON,
    8.64e15 + 1,
  ),
  fc.double(),
  fc.integer(),
)

/** Nesting `depth` levels deep, built without recursion so building it cannot overflow the stack. */
export function deeplyNested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

/** An object that carries a prototype key, holding what would pollute every object if copied through. */
export const prototypeKeyed: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom('pollute', 'nested', 'null', 'text'))
  .map(([key, held]) => {
    const pollute = ownKeys([[POLLUTION_KEY, true]])
    const values = { pollute, nested: ownKeys([['prototype', pollute]]), null: null, text: 'x' }
    return ownKeys([[key, values[held]]])
  })

/** Any value of any type: what a compromised renderer may send in place of any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileNumber },
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}, 0n, 2n ** 70n, new Date(Number.NaN), new Date(0)),
  fc.constantFrom(200, 2_000).chain((depth) => fc.boolean().map((asArray) => deeplyNested(depth, asArray))),
  prototypeKeyed,
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(
    new Uint8Array(0),
    new Float64Array([Number.NaN]),
    new ArrayBuffer(8),
    new Map([['a', 1]]),
    new Set([1]),
  ),
  fc.array(fc.oneof(hostileNumber, hostileText), { maxLength: 5 }),
  fc.constant(null).map(() => Array.from({ length: 100_000 }, () => ({ x: 1, y: 1 }))),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
)
