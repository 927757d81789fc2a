import { describe, expect, it } from 'vitest'
import { PERMANENT_FADE, TEMPORARY_FADE } from './default-pigments'
import { dotColour, lookAt, strengthAt, unsettledAt, yearsBetween } from './fade'
import { pigment } from './plan-test-fixtures'

const weeks = (n: number) => (n * 7) / 365.25
const months = (n: number) => n / 12

describe('strengthAt', () => {
  it('is full strength at and before the session', () => {
    expect(strengthAt(PERMANENT_FADE, 0)).toBe(1)
    expect(strengthAt(TEMPORARY_FADE, -0.5)).toBe(1)
  })

  it('holds settled temporary pigment through the first months, then clears it within two years', () => {
    expect(strengthAt(TEMPORARY_FADE, weeks(6))).toBeGreaterThan(0.99)
    expect(strengthAt(TEMPORARY_FADE, months(6))).toBeCloseTo(0.9, 1)
    expect(strengthAt(TEMPORARY_FADE, 1)).toBeCloseTo(0.56, 2)
    expect(strengthAt(TEMPORARY_FADE, 2)).toBeLessThan(0.05)
  })

  it('keeps permanent pigment for years and never below its floor', () => {
    expect(strengthAt(PERMANENT_FADE, 2)).toBeGreaterThan(0.8)
    expect(strengthAt(PERMANENT_FADE, 3.5)).toBeCloseTo(0.6, 2)
    expect(strengthAt(PERMANENT_FADE, 80)).toBeGreaterThanOrEqual(PERMANENT_FADE.floor)
  })

  it('fades faster over scar tissue', () => {
    const skin = strengthAt(PERMANENT_FADE, 2)
    const scar = strengthAt(PERMANENT_FADE, 2, 1.8)
    expect(scar).toBeLessThan(skin - 0.03)
    expect(scar).toBeCloseTo(strengthAt(PERMANENT_FADE, 2 * 1.8), 10)
  })
})

describe('lookAt', () => {
  it('shows a fresh layer darker by 1 / (1 − settling loss) and settles it within the settling time', () => {
    expect(lookAt(TEMPORARY_FADE, 0)).toBeCloseTo(1 / 0.6, 10)
    expect(lookAt(TEMPORARY_FADE, weeks(6))).toBeCloseTo(1.03, 2)
    expect(lookAt(TEMPORARY_FADE, months(4))).toBeCloseTo(strengthAt(TEMPORARY_FADE, months(4)), 2)
  })

  it('loses the settling share of its fresh look over the settling time', () => {
    const loss = 1 - lookAt(TEMPORARY_FADE, weeks(6)) / lookAt(TEMPORARY_FADE, 0)
    expect(loss).toBeGreaterThan(0.3)
    expect(loss).toBeLessThan(0.5)
  })

  it('drops permanent pigment from 8.7 to about 7.7 of 10 in six months, as measured', () => {
    expect(lookAt(PERMANENT_FADE, months(6)) / lookAt(PERMANENT_FADE, 0)).toBeCloseTo(7.7 / 8.7, 1)
  })

  it('settles at once when the pigment has no settling time', () => {
    const none = { ...PERMANENT_FADE, settleLoss: 0, settleDays: 0 }
    expect(lookAt(none, 0.001)).toBeCloseTo(strengthAt(none, 0.001), 10)
    expect(unsettledAt(none, 0.001)).toBe(0)
  })
})

describe('dotColour', () => {
  it('lightens the shade toward white by the dilution', () => {
    const neat = 0x16 / 255
    const [r, g, b] = dotColour(pigment('smp-carbon-medium'), 1)
    expect(r).toBeCloseTo(neat + (1 - neat) * 0.4, 6)
    expect(g).toBeCloseTo(r, 6)
    expect(b).toBeCloseTo(r, 6)
  })

  it('turns faded carbon black blue-green', () => {
    const [r, g, b] = dotColour(pigment('smp-carbon-dark'), 0.3)
    expect(g).toBeGreaterThan(r + 0.02)
    expect(b).toBeGreaterThan(r + 0.02)
    const fresh = dotColour(pigment('smp-carbon-dark'), 1)
    expect(fresh[1]).toBeCloseTo(fresh[0], 6)
  })

  it('keeps a temporary pigment its colour however faded', () => {
    const trico = pigment('trico-dark-brown')
    expect(dotColour(trico, 0.05)).toEqual(dotColour(trico, 1))
  })
})

describe('yearsBetween', () => {
  it('counts a leap year as slightly more than a year and works in date-times', () => {
    expect(yearsBetween('2024-01-01', '2025-01-01')).toBeCloseTo(366 / 365.25, 10)
    expect(yearsBetween('2025-01-01T09:00', '2025-01-01T21:00')).toBeCloseTo(0.5 / 365.25, 10)
    expect(yearsBetween('2025-02-01', '2025-01-01')).toBeLessThan(0)
  })

  it('ignores daylight-saving changes: a night of the clocks going forward is still 24 hours', () => {
    expect(yearsBetween('2025-03-29T12:00', '2025-03-30T12:00')).toBeCloseTo(1 / 365.25, 12)
  })
})
