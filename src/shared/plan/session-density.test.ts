import { describe, expect, it } from 'vitest'
import { draft, perCm2, planZone, session, settings, share } from './plan-test-fixtures'
import {
  chronological,
  coverageShare,
  dotDiameterMm,
  freshDotDiameterMm,
  maxFittingDensity,
  meanSpacingMm,
  sessionDensities,
} from './session-density'

const crown = planZone({ targetDensity: 150, areaCm2: 40 })
const temple = planZone({ zoneId: 'temple', targetDensity: 100, areaCm2: null })

describe('session densities', () => {
  it('adds shares of the target and absolute densities, session after session', () => {
    const rows = sessionDensities(
      draft(
        'permanent',
        session('s2', '2025-02-15T09:00', [share(crown, 0.4), perCm2(temple, 30)]),
        session('s1', '2025-02-01T09:00', [share(crown, 0.3)]),
      ),
      [crown, temple],
      settings,
    )
    expect(rows.map((r) => [r.sessionId, r.zoneKey, r.added, r.cumulative])).toEqual([
      ['s1', crown.key, 45, 45],
      ['s2', crown.key, 60, 105],
      ['s2', temple.key, 30, 30],
    ])
    expect(rows[1]?.impressions).toBe(2400)
    expect(rows[2]?.impressions).toBeNull()
  })

  it('counts nothing from a skipped session or a zone no longer in its design', () => {
    const rows = sessionDensities(
      draft(
        'permanent',
        session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { status: 'skipped' }),
        session('s2', '2025-02-15T09:00', [share(crown, 0.4), share(planZone({ zoneId: 'gone' }), 0.5)]),
      ),
      [crown],
      settings,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.cumulative).toBe(60)
  })

  it('sizes the healed dot from the fact sheet by grouping, in proportion to the needle', () => {
    expect(dotDiameterMm({ config: '3RL', diameterMm: 0.25 }, settings)).toBeCloseTo(0.14, 10)
    expect(dotDiameterMm({ config: '1RL', diameterMm: 0.25 }, settings)).toBeCloseTo(0.1, 10)
    expect(dotDiameterMm({ config: '1RL', diameterMm: 0.2 }, settings)).toBeCloseTo(0.08, 10)
    expect(freshDotDiameterMm({ config: '3RL', diameterMm: 0.25 }, settings)).toBeCloseTo(0.25, 10)
  })

  it('spaces dots by density and knows the densest that still fits', () => {
    expect(meanSpacingMm(100)).toBeCloseTo(1, 10)
    expect(maxFittingDensity(0.4)).toBe(624)
    expect(meanSpacingMm(maxFittingDensity(0.4))).toBeGreaterThan(0.4)
    expect(meanSpacingMm(maxFittingDensity(0.4) + 1)).toBeLessThanOrEqual(0.4)
  })

  it('covers more skin with varied dot sizes than with uniform ones', () => {
    expect(coverageShare(100, 0.4, 0)).toBeCloseTo(Math.PI * 0.04, 10)
    expect(coverageShare(100, 0.4, 0.15)).toBeCloseTo(Math.PI * 0.04 * 1.0225, 10)
  })

  it('sizes each zone’s dots by the needle used on it, healed and fresh, from the fact sheet', () => {
    const rows = sessionDensities(
      draft(
        'permanent',
        session('s1', '2025-02-01T09:00', [perCm2(crown, 100)], { needle: { config: '1RL', diameterMm: 0.25 } }),
        session('s2', '2025-02-15T09:00', [{ ...perCm2(crown, 100), needle: { config: '1RL', diameterMm: 0.25 } }]),
        session('s3', '2025-03-15T09:00', [perCm2(crown, 50)]),
      ),
      [crown],
      settings,
    )
    expect(rows.map((r) => [r.dotMm, r.freshDotMm, r.cumulative])).toEqual([
      [0.1, 0.2, 100],
      [0.1, 0.2, 200],
      [0.14, 0.25, 250],
    ])
  })

  it('orders sessions by start and keeps the order of equal starts', () => {
    const a = session('a', '2025-03-01T09:00', [])
    const b = session('b', '2025-02-01T09:00', [])
    const c = session('c', '2025-03-01T09:00', [])
    expect(chronological([a, b, c]).map((s) => s.id)).toEqual(['b', 'a', 'c'])
  })
})
