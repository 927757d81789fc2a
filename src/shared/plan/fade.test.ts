import { describe, expect, it } from 'vitest'
import { PERMANENT_FADE, TEMPORARY_FADE } from './default-pigments'
import { dotColour, strengthAt, yearsBetween } from './fade'
import { pigment } from './plan-test-fixtures'

const weeks = (n: number) => (n * 7) / 365.25
const months = (n: number) => n / 12

describe('strengthAt', () => {
  it('is full strength at and before the session', () => {
    expect(strengthAt(PERMANENT_FADE, 0)).toBe(1)
    expect(strengthAt(TEMPORARY_FADE, -0.5)).toBe(1)
  })

  it('fades temporary pigment by about 40% in six weeks and almost entirely in two years', () => {
    expect(strengthAt(TEMPORARY_FADE, weeks(6))).toBeGreaterThan(0.55)
    expect(strengthAt(TEMPORARY_FADE, weeks(6))).toBeLessThan(0.65)
    expect(strengthAt(TEMPORARY_FADE, 2)).toBeLessThan(0.05)
  })

  it('keeps permanent pigment near 89% after six months and never below its floor', () => {
    expect(strengthAt(PERMANENT_FADE, months(6))).toBeGreaterThanOrEqual(0.88)
    expect(strengthAt(PERMANENT_FADE, months(6))).toBeLessThanOrEqual(0.9)
    expect(strengthAt(PERMANENT_FADE, 4)).toBeCloseTo(0.5, 1)
    expect(strengthAt(PERMANENT_FADE, 80)).toBeGreaterThanOrEqual(PERMANENT_FADE.floor)
  })

  it('fades faster over scar tissue', () => {
    const skin = strengthAt(PERMANENT_FADE, months(6))
    const scar = strengthAt(PERMANENT_FADE, months(6), 1.8)
    expect(scar).toBeLessThan(skin - 0.03)
    expect(scar).toBeCloseTo(strengthAt(PERMANENT_FADE, months(6) * 1.8), 10)
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
