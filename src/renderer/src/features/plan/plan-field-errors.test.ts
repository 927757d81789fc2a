import { describe, expect, it } from 'vitest'
import { session } from '../../../../../test/fixtures/plans'
import type { PlanDraft } from '../../../../shared/plan/plan-types'
import { byField } from './plan-field-errors'

describe('byField', () => {
  it('puts main’s positional messages beside the session field they are about', () => {
    const draft: PlanDraft = { technique: 'permanent', sessions: [session({ id: 'a' }), session({ id: 'b' })] }
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
