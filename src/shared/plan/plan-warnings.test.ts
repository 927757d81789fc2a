import { describe, expect, it } from 'vitest'
import type { PlanContext } from './plan-problems'
import { context, draft, perCm2, planZone, session, settings, share } from './plan-test-fixtures'
import type { PlanDraft } from './plan-types'
import { type PlanWarningKind, planWarnings } from './plan-warnings'
import { applyTemplate } from './protocols'

const crown = planZone()
const scarZone = planZone({ zoneId: 'donor-strip', name: 'Donor strip', overScar: true })
const ctx = context({ zones: [crown, scarZone] })
const trico = { pigmentId: 'trico-dark-brown' }

const kinds = (plan: PlanDraft, c: PlanContext = ctx, kind?: PlanWarningKind) =>
  planWarnings(plan, c).filter((w) => !kind || w.kind === kind)

describe('planWarnings', () => {
  it('raises nothing for a temporary plan proposed by its own template', () => {
    let n = 0
    const sessions = applyTemplate(settings.protocols.temporary, {
      start: '2025-03-03T09:00',
      zones: [crown],
      pigmentId: 'trico-dark-brown',
      needle: settings.needle,
      practitioner: '',
      newId: () => `s${++n}`,
    })
    expect(planWarnings(draft('temporary', ...sessions), ctx)).toEqual([])
  })

  describe('session spacing', () => {
    it('cautions when a permanent session comes sooner than 10 days after the last', () => {
      const warnings = kinds(
        draft(
          'permanent',
          session('s1', '2025-02-01T09:00', [share(crown, 0.3)]),
          session('s2', '2025-02-08T09:00', [share(crown, 0.4)]),
        ),
      )
      expect(warnings).toEqual([
        expect.objectContaining({ kind: 'too-close', level: 'caution', sessionId: 's2', zoneKey: null }),
      ])
      expect(warnings[0]?.detail).toContain('7 days after the session on 1 Feb 2025')
      expect(warnings[0]?.detail).toContain('at least 10 days')
    })

    it('accepts exactly the minimum and measures from the last session that was not skipped', () => {
      const plan = draft(
        'permanent',
        session('s1', '2025-02-01T09:00', [share(crown, 0.3)]),
        session('s2', '2025-02-05T09:00', [share(crown, 0.4)], { status: 'skipped' }),
        session('s3', '2025-02-11T09:00', [share(crown, 0.4)]),
      )
      expect(kinds(plan)).toEqual([])
    })

    it('holds the temporary finishing session to six weeks after Day 2', () => {
      const plan = draft(
        'temporary',
        session('d1', '2025-03-03T09:00', [share(crown, 0.4)], trico),
        session('d2', '2025-03-04T09:00', [share(crown, 0.35)], trico),
        session('fin', '2025-04-01T09:00', [share(crown, 0.25)], trico),
      )
      const warnings = kinds(plan)
      expect(warnings.map((w) => [w.kind, w.sessionId])).toEqual([['too-close', 'fin']])
      expect(warnings[0]?.detail).toContain('28 days')
      expect(warnings[0]?.detail).toContain('at least 42 days')
    })

    it('cautions when sessions drift further apart than the protocol allows', () => {
      const warnings = kinds(
        draft(
          'permanent',
          session('s1', '2025-02-01T09:00', [share(crown, 0.3)]),
          session('s2', '2025-03-18T09:00', [share(crown, 0.4)]),
        ),
      )
      expect(warnings.map((w) => [w.kind, w.level, w.sessionId])).toEqual([['too-far', 'caution', 's2']])
      expect(warnings[0]?.detail).toContain('45 days')
      expect(warnings[0]?.detail).toContain('at most 30 days')
    })
  })

  it('cautions once per zone when the dots cover more skin than the limit', () => {
    const over = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [perCm2(crown, 100)]),
      session('s2', '2025-02-15T09:00', [perCm2(crown, 100)]),
      session('s3', '2025-03-01T09:00', [perCm2(crown, 50)]),
    )
    const warnings = kinds(over, ctx, 'coverage')
    expect(warnings.map((w) => [w.sessionId, w.zoneKey, w.level])).toEqual([['s2', crown.key, 'caution']])
    expect(warnings[0]?.detail).toContain('26% of the skin (200 per cm², 0.40 mm dots)')
    expect(warnings[0]?.detail).toContain('above 25%')
    const under = draft('permanent', session('s1', '2025-02-01T09:00', [perCm2(crown, 190)]))
    expect(kinds(under, ctx, 'coverage')).toEqual([])
  })

  it('flags a keloid tendency as a contraindication, and only then', () => {
    const plan = draft('permanent', session('s1', '2025-02-01T09:00', [share(crown, 0.3)]))
    const keloid = context({ zones: [crown], patient: { keloid: true, transplantDate: null } })
    expect(kinds(plan, keloid)).toEqual([
      expect.objectContaining({ kind: 'keloid', level: 'contraindication', sessionId: null }),
    ])
    expect(kinds(plan)).toEqual([])
  })

  describe('pigment and technique', () => {
    it('calls carbon black in a temporary plan a contraindication', () => {
      const plan = draft('temporary', session('s1', '2025-02-01T09:00', [share(crown, 0.4)]))
      const [warning] = kinds(plan)
      expect(warning).toMatchObject({ kind: 'carbon-black-temporary', level: 'contraindication', sessionId: 's1' })
      expect(warning?.detail).toContain('keeps 30% for good')
    })

    it('cautions about a temporary pigment in a permanent plan', () => {
      const plan = draft('permanent', session('s1', '2025-02-01T09:00', [share(crown, 0.3)], trico))
      const [warning] = kinds(plan)
      expect(warning).toMatchObject({ kind: 'carbon-black-temporary', level: 'caution', sessionId: 's1' })
      expect(warning?.detail).toMatch(/leaves 1\d% after one year and 3% after two/)
    })

    it('says nothing when the pigment matches the technique or the session was skipped', () => {
      expect(kinds(draft('temporary', session('s1', '2025-02-01T09:00', [share(crown, 0.4)], trico)))).toEqual([])
      expect(kinds(draft('permanent', session('s1', '2025-02-01T09:00', [share(crown, 0.3)])))).toEqual([])
      const skipped = session('s1', '2025-02-01T09:00', [share(crown, 0.4)], { status: 'skipped' })
      expect(kinds(draft('temporary', skipped))).toEqual([])
    })
  })

  describe('scars after a transplant', () => {
    const transplant = context({ zones: [crown, scarZone], patient: { keloid: false, transplantDate: '2024-12-01' } })

    it('cautions when a scar zone is treated within the wait', () => {
      const plan = draft('permanent', session('s1', '2025-03-01T09:00', [share(crown, 0.3), share(scarZone, 0.3)]))
      const warnings = kinds(plan, transplant)
      expect(warnings).toEqual([
        expect.objectContaining({ kind: 'scar-too-soon', level: 'caution', sessionId: 's1', zoneKey: scarZone.key }),
      ])
      expect(warnings[0]?.detail).toContain('90 days after the transplant on 1 Dec 2024')
      expect(warnings[0]?.detail).toContain('Wait 6 months, until 1 Jun 2025')
    })

    it('is quiet once the wait is over, for zones away from scars, and without a transplant date', () => {
      const late = draft('permanent', session('s1', '2025-06-01T09:00', [share(scarZone, 0.3)]))
      expect(kinds(late, transplant)).toEqual([])
      const skin = draft('permanent', session('s1', '2025-03-01T09:00', [share(crown, 0.3)]))
      expect(kinds(skin, transplant)).toEqual([])
      const early = draft('permanent', session('s1', '2025-03-01T09:00', [share(scarZone, 0.3)]))
      expect(kinds(early)).toEqual([])
    })
  })
})
