/**
 * One spelling of a JSON value, so the same entry always hashes the same: object keys sorted by
 * UTF-16 code units, no whitespace, numbers and strings as `JSON.stringify` writes them (the
 * scheme of RFC 8785). Values `JSON.stringify` would drop from an object are dropped here too,
 * so a value and its stored-and-parsed copy serialise alike.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined && typeof record[key] !== 'function')
      .sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
