import { describe, expect, it } from 'vitest'
import { scaleBarFor } from './scale-bar'

describe('the scale bar', () => {
  it('shows the round length nearest a fifth of the photo, in its pixels', () => {
    // 1200 px at 10 px/mm is 12 cm across: a fifth is 24 mm, so the 2 cm bar, 200 px long.
    expect(scaleBarFor(10, 1200)).toEqual({ mm: 20, px: 200, label: '2 cm' })
    expect(scaleBarFor(40, 1200)).toEqual({ mm: 5, px: 200, label: '5 mm' })
    expect(scaleBarFor(2, 4000)).toEqual({ mm: 200, px: 400, label: '20 cm' })
  })

  it('is absent on an uncalibrated photo', () => {
    expect(scaleBarFor(null, 1200)).toBeNull()
  })
})
