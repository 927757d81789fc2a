import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json'

describe('canonical JSON', () => {
  it('spells an object the same whatever order its keys were set in, at every depth', () => {
    const a = { b: 1, a: [{ y: true, x: null }], c: { e: 'é', d: 0.1 } }
    const b = { c: { d: 0.1, e: 'é' }, a: [{ x: null, y: true }], b: 1 }
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalJson(a)).toBe('{"a":[{"x":null,"y":true}],"b":1,"c":{"d":0.1,"e":"é"}}')
  })

  it('spells a value and its stored-and-parsed copy alike', () => {
    const value = {
      note: 'line\nbreak "quoted" \ud800',
      n: 1e21,
      small: 5e-7,
      list: [1, undefined, 2],
      gone: undefined,
    }
    const stored = JSON.parse(JSON.stringify(value))
    expect(canonicalJson(stored)).toBe(canonicalJson(value))
  })

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })
})
