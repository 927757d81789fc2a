import { describe, expect, it } from 'vitest'
import { addDays, addMonths, daysBetween, formatDay, isWallClockMinute } from './plan-dates'

describe('plan dates', () => {
  it('accepts only minutes that exist', () => {
    expect(isWallClockMinute('2024-02-29T09:30')).toBe(true)
    expect(isWallClockMinute('2023-02-29T09:30')).toBe(false)
    expect(isWallClockMinute('2025-04-10T24:00')).toBe(false)
    expect(isWallClockMinute('2025-04-10T09:60')).toBe(false)
    expect(isWallClockMinute('2025-04-10')).toBe(false)
  })

  it('moves by calendar days, keeping the time of day, across months and years', () => {
    expect(addDays('2025-12-31T09:00', 1)).toBe('2026-01-01T09:00')
    expect(addDays('2025-01-20', 42)).toBe('2025-03-03')
  })

  it('adds months ending short months on their last day', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28')
    expect(addMonths('2025-01-15', 6)).toBe('2025-07-15')
  })

  it('counts the next day as one day whatever the hours', () => {
    expect(daysBetween('2025-05-01T17:00', '2025-05-02T08:00')).toBe(1)
    expect(daysBetween('2025-05-02T08:00', '2025-05-01T17:00')).toBe(-1)
  })

  it('writes days unambiguously', () => {
    expect(formatDay('2025-05-03T09:00')).toBe('3 May 2025')
  })
})
