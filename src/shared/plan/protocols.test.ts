import { describe, expect, it } from 'vitest'
import { DEFAULT_PIGMENTS } from './default-pigments'
import { draft, planZone, settings } from './plan-test-fixtures'
import { applyTemplate, protocolStepFor } from './protocols'
import { sessionDensities } from './session-density'

const crown = planZone()
const temple = planZone({ zoneId: 'temple', targetDensity: 150 })

const propose = (technique: 'temporary' | 'permanent') => {
  let n = 0
  return applyTemplate(settings.protocols[technique], {
    start: '2025-03-03T09:00',
    zones: [crown, temple],
    pigmentId: 'trico-dark-brown',
    needle: { config: '3RL', diameterMm: 0.25 },
    practitioner: 'A. Artist',
    pigments: DEFAULT_PIGMENTS,
    settings,
    newId: () => `s${++n}`,
  })
}

describe('applyTemplate', () => {
  it('proposes the temporary protocol: the next day, the finishing session 42 days later, a touch-up a year on', () => {
    const sessions = propose('temporary')
    expect(sessions.map((s) => s.startsAt)).toEqual([
      '2025-03-03T09:00',
      '2025-03-04T09:00',
      '2025-04-15T09:00',
      '2026-04-15T09:00',
    ])
    expect(sessions.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4'])
    expect(sessions.every((s) => s.durationMin === 420 && s.status === 'planned')).toBe(true)
  })

  it('builds the permanent protocol up about 30%, 40%, 30% of each zone’s target three weeks apart', () => {
    const sessions = propose('permanent')
    expect(sessions.map((s) => s.startsAt)).toEqual(['2025-03-03T09:00', '2025-03-24T09:00', '2025-04-14T09:00'])
    expect(sessions.map((s) => s.treatments[0]?.amount.value)).toEqual([0.3, 0.4, 0.31])
    const rows = sessionDensities(draft('permanent', ...sessions), [crown, temple], settings)
    expect(rows.filter((r) => r.zoneKey === temple.key).at(-1)?.cumulative).toBeCloseTo(151.5, 10)
  })

  it('names and kinds each session as its step proposes', () => {
    expect(propose('temporary').map((s) => [s.name, s.kind])).toEqual([
      ['Day 1 – base', 'base'],
      ['Day 2 – definition', 'day-2'],
      ['Finishing', 'finishing'],
      ['Yearly touch-up', 'touch-up'],
    ])
  })

  it('makes the yearly touch-up put back what a year has cleared', () => {
    const touchUp = propose('temporary')[3]
    expect(touchUp?.treatments[0]?.amount.value).toBeGreaterThan(0.4)
    expect(touchUp?.treatments[0]?.amount.value).toBeLessThanOrEqual(settings.sessionShareLimit)
  })

  it('gives every session the chosen pigment, needle and practitioner, visible at full opacity', () => {
    const [first] = propose('permanent')
    expect(first).toMatchObject({
      pigmentId: 'trico-dark-brown',
      needle: { config: '3RL', diameterMm: 0.25 },
      practitioner: 'A. Artist',
      notes: '',
      layer: { visible: true, opacity: 1 },
    })
    expect(first?.treatments.map((t) => `${t.designId}:${t.zoneId}`)).toEqual([crown.key, temple.key])
  })
})

describe('protocolStepFor', () => {
  it('proposes the template’s step, then a yearly touch-up (temporary) or an extra session (permanent)', () => {
    expect(protocolStepFor('temporary', 1, settings).kind).toBe('day-2')
    expect(protocolStepFor('temporary', 7, settings).kind).toBe('touch-up')
    expect(protocolStepFor('permanent', 3, settings)).toMatchObject({ kind: 'extra', gapDays: 21 })
  })
})
