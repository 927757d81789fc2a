import { describe, expect, it } from 'vitest'
import { validDesign, zone } from '../../../../../test/fixtures/designs'
import { session, share } from '../../../../../test/fixtures/plans'
import { DEFAULT_PIGMENTS } from '../../../../shared/plan/default-pigments'
import type { PlanDraft } from '../../../../shared/plan/plan-types'
import { CLINICAL_DEFAULTS, type ClinicalSettings } from '../../../../shared/settings/clinical-defaults'
import { buildScene } from '../simulation/simulation-scene'
import { defaultPair, momentOptions, reviewStyles } from './review-moments'

const settings = structuredClone(CLINICAL_DEFAULTS) as ClinicalSettings
const DESIGN_ID = 'design-1'
const crown = zone()

/** Two sessions the same morning (a second pass) and a third a fortnight later. */
const plan: PlanDraft = {
  technique: 'permanent',
  sessions: [
    session({ id: 'a', startsAt: '2026-03-10T09:00', treatments: [share(DESIGN_ID, crown.id, 0.3)] }),
    session({ id: 'b', startsAt: '2026-03-10T11:00', treatments: [share(DESIGN_ID, crown.id, 0.2)] }),
    session({ id: 'c', startsAt: '2026-03-24T09:00', treatments: [share(DESIGN_ID, crown.id, 0.5)] }),
  ],
}
const scene = buildScene({
  designId: DESIGN_ID,
  document: validDesign([crown]),
  pxPerMm: 10,
  draft: plan,
  pigments: DEFAULT_PIGMENTS,
  settings,
})

describe('what a review canvas shows', () => {
  it('shows a session as it stood once done: later sessions hidden, even one the same day', () => {
    const styles = reviewStyles(scene, {}, { kind: 'session', number: 1 }, settings)
    expect(styles?.map((s) => s.visible)).toEqual([true, false, false])
    // Session 3 has not happened on session 1's day: its dots have no strength yet either way.
    expect(styles?.[2]?.zoneColours[3]).toBe(0)
    expect(styles?.[0]?.zoneColours[3]).toBeGreaterThan(0.5)
  })

  it('applies the reviewer’s own visibility and opacity in place of the plan’s saved display', () => {
    const styles = reviewStyles(
      scene,
      { b: { visible: false, opacity: 1 }, c: { visible: true, opacity: 0.25 } },
      { kind: 'day', day: '2026-04-01' },
      settings,
    )
    expect(styles?.map((s) => [s.visible, s.opacity])).toEqual([
      [true, 1],
      [false, 1],
      [true, 0.25],
    ])
    expect(plan.sessions.map((s) => s.layer)).toEqual([
      { visible: true, opacity: 1 },
      { visible: true, opacity: 1 },
      { visible: true, opacity: 1 },
    ])
  })

  it('offers before treatment, each session and years on, and compares the first session with the last', () => {
    expect(momentOptions(scene).map((o) => o.label)).toEqual([
      'Before treatment · 24 Feb 2026',
      'After session 1 · 10 Mar 2026',
      'After session 2 · 10 Mar 2026',
      'After session 3 · 24 Mar 2026',
      '1 y after the last session · 24 Mar 2027',
      '2 y after the last session · 24 Mar 2028',
      '5 y after the last session · 24 Mar 2031',
    ])
    expect(defaultPair(scene)).toEqual([
      { kind: 'session', number: 1 },
      { kind: 'session', number: 3 },
    ])
  })
})
