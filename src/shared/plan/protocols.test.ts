import { describe, expect, it } from 'vitest'
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

  it('builds the permanent protocol up 30%, 40%, 30% of each zone’s target, 100% in all', () => {
    const sessions = propose('permanent')
    expect(sessions.map((s) => s.startsAt)).toEqual(['2025-03-03T09:00', '2025-03-17T09:00', '2025-03-31T09:00'])
    expect(sessions.map((s) => s.treatments[0]?.amount)).toEqual([
      { unit: 'share', value: 0.3 },
      { unit: 'share', value: 0.4 },
      { unit: 'share', value: 0.3 },
    ])
    const rows = sessionDensities(draft('permanent', ...sessions), [crown, temple], settings)
    expect(rows.filter((r) => r.zoneKey === temple.key).at(-1)?.cumulative).toBeCloseTo(150, 10)
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
  it('finds the step of each session and repeats the last past the template', () => {
    expect(protocolStepFor('temporary', 1, settings).minGapDays).toBe(1)
    expect(protocolStepFor('temporary', 2, settings).minGapDays).toBe(42)
    expect(protocolStepFor('temporary', 7, settings).label).toBe('Yearly touch-up')
    expect(protocolStepFor('permanent', 5, settings).minGapDays).toBe(10)
  })
})
