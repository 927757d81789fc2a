import { describe, expect, it } from 'vitest'
import { flatToTapeCm, tapeToFlatCm } from './forehead'

describe('tape over the forehead and flat on the photo', () => {
  it('shows 8 cm of tape over an 8 cm forehead as 6.7 cm flat, and reads it back', () => {
    expect(tapeToFlatCm(8, 8)).toBeCloseTo(6.73, 2)
    expect(flatToTapeCm(tapeToFlatCm(8, 8), 8)).toBeCloseTo(8, 10)
  })

  it('loses less on a flatter forehead and nothing without a curve', () => {
    expect(tapeToFlatCm(8, 20)).toBeGreaterThan(tapeToFlatCm(8, 8))
    expect(tapeToFlatCm(8, 0)).toBe(8)
  })
})
