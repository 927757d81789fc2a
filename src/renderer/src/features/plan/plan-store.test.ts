import { describe, expect, it } from 'vitest'
import type { PlanDraft, Session } from '../../../../shared/plan/plan-types'
import { byField } from './plan-store'

const session = (id: string): Session => ({
  id,
  startsAt: '2026-03-01T09:00',
  durationMin: 180,
  practitioner: '',
  pigmentId: 'smp-carbon-dark',
  needle: { config: '3RL', diameterMm: 0.25 },
  treatments: [],
  notes: '',
  status: 'planned',
  layer: { visible: true, opacity: 1 },
})

describe('byField', () => {
  it('puts main’s positional messages beside the session field they are about', () => {
    const draft: PlanDraft = { technique: 'permanent', sessions: [session('a'), session('b')] }
    expect(
      byField(
        {
          'draft.sessions.1.durationMin': 'The duration is between 15 and 960 minutes',
          'draft.technique': 'Choose a technique',
          'sessions.a.startsAt': 'Dated before the record',
        },
        draft,
      ),
    ).toEqual({
      'sessions.b.durationMin': 'The duration is between 15 and 960 minutes',
      'draft.technique': 'Choose a technique',
      'sessions.a.startsAt': 'Dated before the record',
    })
  })
})
