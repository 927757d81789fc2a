import { describe, expect, it } from 'vitest'
import { pngSize } from './png-resolution'

describe('a view’s PNG size', () => {
  it('keeps the photo’s shape at each resolution', () => {
    const photo = { width: 1200, height: 900 }
    expect(pngSize('screen', photo)).toEqual({ width: 1600, height: 1200 })
    expect(pngSize('photo', photo)).toEqual({ width: 1200, height: 900 })
    expect(pngSize('double', photo)).toEqual({ width: 2400, height: 1800 })
    expect(pngSize('print', photo)).toEqual({ width: 2126, height: 1595 })
  })

  it('never goes past 8192 px on the long side', () => {
    expect(pngSize('double', { width: 6000, height: 4000 })).toEqual({ width: 8192, height: 5461 })
  })
})
