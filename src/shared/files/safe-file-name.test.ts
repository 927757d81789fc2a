import { describe, expect, it } from 'vitest'
import { safeFileName } from './safe-file-name'

describe('safeFileName', () => {
  it('keeps a plain name and adds the extension', () => {
    expect(safeFileName('Design sheet – Ana María 2026-11-21', 'pdf')).toBe('Design sheet – Ana María 2026-11-21.pdf')
  })

  it('removes path separators, reserved characters and control characters', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('etc passwd.pdf')
    expect(safeFileName('a<b>c:d"e|f?g*h\\i\u0000j', 'png')).toBe('a b c d e f g h i j.png')
  })

  it('never yields a hidden file, an empty stem or a Windows device name', () => {
    expect(safeFileName('...', 'html')).toBe('Stipple.html')
    expect(safeFileName('', 'html')).toBe('Stipple.html')
    expect(safeFileName('CON', 'pdf')).toBe('Stipple CON.pdf')
    expect(safeFileName(' name. ', 'pdf')).toBe('name.pdf')
  })

  it('shortens a very long name without splitting a character', () => {
    const name = safeFileName('😀'.repeat(500), 'pdf')
    expect(Array.from(name.replace(/\.pdf$/, ''))).toHaveLength(120)
    expect(name.endsWith('😀.pdf')).toBe(true)
  })
})
