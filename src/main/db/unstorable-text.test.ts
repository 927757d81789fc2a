import { describe, expect, it } from 'vitest'
import { unstorableTextPath } from './unstorable-text'

describe('text the database cannot give back as sent', () => {
  it('lets through any well-formed text, emoji pairs, direction marks and control characters included', () => {
    expect(
      unstorableTextPath({ a: '😀👩‍👩‍👧', b: ['\u202Eevil', 'tab\there', 'e\u0301'], c: { d: '\uFFFF' } }),
    ).toBeNull()
  })

  it('finds half of a surrogate pair and a NUL, naming where', () => {
    expect(unstorableTextPath({ fields: { fullName: 'Ana\uD83D' } })).toBe('fields.fullName')
    expect(unstorableTextPath({ document: { objects: [{}, { note: 'a\u0000b' }] } })).toBe('document.objects.1.note')
    expect(unstorableTextPath('\uDC00')).toBe('')
  })

  it('does not read file bytes as text', () => {
    expect(unstorableTextPath({ bytes: new Uint8Array([0, 0xd8, 0]) })).toBeNull()
  })
})
