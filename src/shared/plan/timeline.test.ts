import { describe, expect, it } from 'vitest'
import { DEFAULT_PIGMENTS, PERMANENT_FADE } from './default-pigments'
import { lookAt, strengthAt, yearsBetween } from './fade'
import { addDays } from './plan-dates'
import { draft, perCm2, pigment, planZone, session, settings, share } from './plan-test-fixtures'
import {
  coverageAt,
  healedStrengthBefore,
  layerStrengthAt,
  strengthSeries,
  touchUpSuggestions,
  zoneStrength,
} from './timeline'

const crown = planZone()
const scar = planZone({ zoneId: 'scar', overScar: true })
const pigments = DEFAULT_PIGMENTS
const single = draft('permanent', session('s1', '2025-01-01T09:00', [share(crown, 1), share(scar, 1)]))

describe('zoneStrength', () => {
  it('is nothing before the first session, darker than the target while fresh, the target once settled', () => {
    expect(zoneStrength(single, crown, pigments, settings, '2025-01-01T08:59')).toBe(0)
    expect(zoneStrength(single, crown, pigments, settings, '2025-01-01T09:00')).toBeCloseTo(1 / 0.9, 10)
    expect(zoneStrength(single, crown, pigments, settings, '2025-04-15T09:00')).toBeCloseTo(1, 2)
  })

  it('fades each layer by its own age and pigment, faster over a scar', () => {
    const plan = draft(
      'permanent',
      session('s1', '2025-01-01T09:00', [share(crown, 0.3)]),
      session('s2', '2025-02-01T09:00', [perCm2(crown, 98)]),
      session('s3', '2025-03-01T09:00', [share(crown, 0.5)], { status: 'skipped' }),
    )
    const at = '2025-07-01T09:00'
    const expected =
      0.3 * lookAt(PERMANENT_FADE, yearsBetween('2025-01-01T09:00', at)) +
      0.7 * lookAt(PERMANENT_FADE, yearsBetween('2025-02-01T09:00', at))
    expect(zoneStrength(plan, crown, pigments, settings, at)).toBeCloseTo(expected, 10)
    expect(zoneStrength(single, scar, pigments, settings, at)).toBeLessThan(
      zoneStrength(single, crown, pigments, settings, at) - 0.03,
    )
  })
})

describe('strengthSeries', () => {
  it('runs from the first session to years after the last and steps up at each session', () => {
    const plan = draft(
      'permanent',
      session('s1', '2025-01-01T09:00', [share(crown, 0.3)]),
      session('s2', '2025-01-15T09:00', [share(crown, 0.7)]),
    )
    const series = strengthSeries(plan, crown, pigments, settings, { yearsAfter: 2, samples: 50 })
    expect(series).toHaveLength(54)
    expect(series[0]?.at).toBe('2025-01-01T09:00')
    expect(series.at(-1)?.at.slice(0, 10)).toBe('2027-01-15')
    const atSecond = series.filter((point) => point.at === '2025-01-15T09:00')
    expect(atSecond).toHaveLength(2)
    expect(atSecond[0]?.strength).toBeLessThan(0.3 / 0.9)
    expect(atSecond[1]?.strength).toBeGreaterThan(0.99)
  })

  it('is empty for a plan with no session held', () => {
    expect(strengthSeries(draft('permanent'), crown, pigments, settings)).toEqual([])
  })
})

describe('touchUpSuggestions', () => {
  it('suggests the first day a zone falls below the touch-up line, about three and a half years on', () => {
    const [crownTouchUp] = touchUpSuggestions(single, [crown], pigments, settings)
    const date = crownTouchUp?.date ?? ''
    expect(date > '2028-04-01' && date < '2028-09-01').toBe(true)
    expect(crownTouchUp?.strength).toBeLessThan(0.6)
    expect(zoneStrength(single, crown, pigments, settings, addDays(date, -1))).toBeGreaterThanOrEqual(0.6)
  })

  it('comes sooner over a scar', () => {
    const [crownTouchUp, scarTouchUp] = touchUpSuggestions(single, [crown, scar], pigments, settings)
    expect(scarTouchUp?.zoneKey).toBe(scar.key)
    expect((scarTouchUp?.date ?? '9999') < (crownTouchUp?.date ?? '')).toBe(true)
  })

  it('follows the temporary protocol: a touch-up 6–12 months after the finishing session', () => {
    const temporary = draft(
      'temporary',
      session('d1', '2025-01-01T09:00', [share(crown, 0.4)], { pigmentId: 'trico-dark-brown' }),
      session('d2', '2025-01-02T09:00', [share(crown, 0.35)], { pigmentId: 'trico-dark-brown' }),
      session('f', '2025-02-13T09:00', [share(crown, 0.25)], { pigmentId: 'trico-dark-brown' }),
    )
    const [touchUp] = touchUpSuggestions(temporary, [crown], pigments, settings)
    const date = touchUp?.date ?? ''
    expect(date > addDays('2025-02-13', 182)).toBe(true)
    expect(date < addDays('2025-02-13', 365)).toBe(true)
  })

  it('suggests nothing for a zone that stays above the line or was never treated', () => {
    const dark = draft('permanent', session('s1', '2025-01-01T09:00', [share(crown, 2)]))
    expect(touchUpSuggestions(dark, [crown, scar], pigments, settings)).toEqual([])
  })
})

describe('layerStrengthAt', () => {
  const layer = session('s1', '2025-01-01T09:00', [share(crown, 1)])
  const ink = pigment('smp-carbon-dark')

  it('shows a layer only from its session on, faded by its age', () => {
    expect(layerStrengthAt(layer, ink, crown, '2024-12-31', settings)).toBe(0)
    expect(layerStrengthAt(layer, ink, crown, '2025-01-01T09:00', settings)).toBe(1)
    expect(layerStrengthAt(layer, ink, crown, '2029-01-01T09:00', settings)).toBeCloseTo(
      strengthAt(PERMANENT_FADE, yearsBetween('2025-01-01T09:00', '2029-01-01T09:00')),
      6,
    )
  })

  it('draws nothing in a zone the session does not treat, or for a skipped session', () => {
    expect(layerStrengthAt(layer, ink, scar, '2025-06-01', settings)).toBe(0)
    expect(layerStrengthAt({ ...layer, status: 'skipped' }, ink, crown, '2025-06-01', settings)).toBe(0)
  })
})

describe('healedStrengthBefore', () => {
  it('counts what earlier layers will show once healed, not the session itself', () => {
    const plan = draft(
      'permanent',
      session('s1', '2025-01-01T09:00', [share(crown, 0.3)]),
      session('s2', '2025-01-22T09:00', [share(crown, 0.4)]),
    )
    expect(healedStrengthBefore(plan, crown, pigments, settings, '2025-01-22T09:00')).toBeCloseTo(
      0.3 * strengthAt(PERMANENT_FADE, yearsBetween('2025-01-01T09:00', '2025-01-22T09:00')),
      10,
    )
  })
})

describe('coverageAt', () => {
  const trico = { pigmentId: 'trico-dark-brown' }
  const plan = draft(
    'temporary',
    session('d1', '2025-01-01T09:00', [perCm2(crown, 100)], trico),
    session('d2', '2025-01-02T09:00', [{ ...perCm2(crown, 100), needle: { config: '1RL', diameterMm: 0.25 } }], trico),
  )

  it('counts fresh dots at their fresh size on the day and healed ones at their healed size', () => {
    const onTheDay = coverageAt(plan, crown, pigments, settings, '2025-01-01T09:00')
    expect(onTheDay.densityPresent).toBe(100)
    expect(onTheDay.coverage).toBeCloseTo((100 / 100) * Math.PI * (0.25 / 2) ** 2 * 1.0225, 10)
    const healed = coverageAt(plan, crown, pigments, settings, '2025-06-01T09:00')
    const left = strengthAt(pigment('trico-dark-brown').fade, yearsBetween('2025-01-01T09:00', '2025-06-01T09:00'))
    expect(healed.coverage).toBeCloseTo((100 * left * Math.PI * ((0.14 / 2) ** 2 + (0.1 / 2) ** 2) * 1.0225) / 100, 3)
  })

  it('counts nothing of pigment that has cleared', () => {
    expect(coverageAt(plan, crown, pigments, settings, '2028-01-01T09:00').coverage).toBeLessThan(1e-4)
  })
})
