import { describe, expect, it } from 'vitest'
import type { PlanContext } from './plan-problems'
import { context, draft, perCm2, planPatient, planZone, session, settings, share } from './plan-test-fixtures'
import type { PlanDraft } from './plan-types'
import { type PlanWarningKind, planWarnings } from './plan-warnings'
import { applyTemplate } from './protocols'

const crown = planZone()
const scarZone = planZone({ zoneId: 'donor-strip', name: 'Donor strip', overScar: true })
const ctx = context({ zones: [crown, scarZone] })
const trico = { pigmentId: 'trico-dark-brown' }

/** The warnings of one kind, or all but "fewer sessions" (checked in seed-claims.test.ts), so short plans test one rule. */
const kinds = (plan: PlanDraft, c: PlanContext = ctx, kind?: PlanWarningKind) =>
  planWarnings(plan, c).filter((w) => (kind ? w.kind === kind : w.kind !== 'too-few-sessions'))

describe('planWarnings', () => {
  it('raises nothing for a temporary plan proposed by its own template', () => {
    let n = 0
    const sessions = applyTemplate(settings.protocols.temporary, {
      start: '2025-03-03T09:00',
      zones: [crown],
      pigmentId: 'trico-dark-brown',
      needle: settings.needle,
      practitioner: '',
      pigments: ctx.pigments,
      settings,
      newId: () => `s${++n}`,
    })
    expect(planWarnings(draft('temporary', ...sessions), ctx)).toEqual([])
  })

  describe('session spacing', () => {
    it('cautions when a permanent follow-up comes sooner than two weeks after the last, naming both sessions', () => {
      const warnings = kinds(
        draft(
          'permanent',
          session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { kind: 'base', name: 'Foundation' }),
          session('s2', '2025-02-08T09:00', [share(crown, 0.4)], { kind: 'follow-up', name: 'Build-up' }),
        ),
      )
      expect(warnings).toEqual([
        expect.objectContaining({ kind: 'too-close', level: 'caution', sessionId: 's2', zoneKey: null }),
      ])
      expect(warnings[0]?.detail).toContain(
        'Build-up on 8 Feb 2025 (follow-up) comes 7 days after Foundation on 1 Feb 2025',
      )
      expect(warnings[0]?.detail).toContain('at least 14 days')
      expect(warnings[0]?.source).toContain('Seed 002')
    })

    it('accepts exactly the minimum and measures from the last session that was not skipped', () => {
      const plan = draft(
        'permanent',
        session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { kind: 'base' }),
        session('s2', '2025-02-05T09:00', [share(crown, 0.4)], { status: 'skipped', kind: 'follow-up' }),
        session('s3', '2025-02-15T09:00', [share(crown, 0.4)], { kind: 'follow-up' }),
      )
      expect(kinds(plan)).toEqual([])
    })

    it('judges a session past the template by its kind: an extra session or a touch-up years on is fine', () => {
      const plan = draft(
        'permanent',
        session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { kind: 'base' }),
        session('s2', '2025-02-22T09:00', [share(crown, 0.4)], { kind: 'follow-up' }),
        session('s3', '2025-03-15T09:00', [share(crown, 0.3)], { kind: 'finishing' }),
        session('s4', '2025-06-15T09:00', [share(crown, 0.2)], { kind: 'extra' }),
        session('s5', '2027-08-01T09:00', [share(crown, 0.3)], { kind: 'touch-up' }),
      )
      expect(kinds(plan)).toEqual([])
    })

    it('holds the temporary finishing session to six weeks after Day 1', () => {
      const plan = draft(
        'temporary',
        session('d1', '2025-03-03T09:00', [share(crown, 0.4)], { ...trico, kind: 'base' }),
        session('d2', '2025-03-04T09:00', [share(crown, 0.35)], { ...trico, kind: 'day-2' }),
        session('fin', '2025-04-01T09:00', [share(crown, 0.25)], { ...trico, kind: 'finishing' }),
      )
      const warnings = kinds(plan)
      expect(warnings.map((w) => [w.kind, w.sessionId])).toEqual([['too-close', 'fin']])
      expect(warnings[0]?.detail).toContain('Finishing on 1 Apr 2025 comes 29 days after First session on 3 Mar 2025')
      expect(warnings[0]?.detail).toContain('at least 42 days')
    })

    it('cautions when sessions drift further apart than the protocol allows', () => {
      const warnings = kinds(
        draft(
          'permanent',
          session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { kind: 'base' }),
          session('s2', '2025-03-18T09:00', [share(crown, 0.4)], { kind: 'follow-up' }),
        ),
      )
      expect(warnings.map((w) => [w.kind, w.level, w.sessionId])).toEqual([['too-far', 'caution', 's2']])
      expect(warnings[0]?.detail).toContain('45 days')
      expect(warnings[0]?.detail).toContain('at most 28 days')
    })
  })

  it('cautions once per zone when the pigment present covers more skin than the limit on a session day', () => {
    const over = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [perCm2(crown, 400)]),
      session('s2', '2025-02-15T09:00', [perCm2(crown, 400)]),
      session('s3', '2025-03-01T09:00', [perCm2(crown, 50)]),
    )
    const warnings = kinds(over, ctx, 'coverage')
    expect(warnings.map((w) => [w.sessionId, w.zoneKey, w.level])).toEqual([['s2', crown.key, 'caution']])
    expect(warnings[0]?.detail).toMatch(/covers 3\d% of the skin \(800 impressions per cm² still showing/)
    expect(warnings[0]?.detail).toContain('above 25%')
    const under = draft('permanent', session('s1', '2025-02-01T09:00', [perCm2(crown, 190)]))
    expect(kinds(under, ctx, 'coverage')).toEqual([])
  })

  it('flags a keloid tendency as a contraindication, and only then', () => {
    const plan = draft('permanent', session('s1', '2025-02-01T09:00', [share(crown, 0.3)]))
    const keloid = context({ zones: [crown], patient: planPatient({ keloid: true }) })
    expect(kinds(plan, keloid)).toEqual([
      expect.objectContaining({ kind: 'keloid', level: 'contraindication', sessionId: null }),
    ])
    expect(kinds(plan)).toEqual([])
  })

  it('names each other contraindication that needs a clearance, and counts the sessions not cleared', () => {
    const plan = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [share(crown, 0.3)], {
        clearance: { by: 'Dr Okafor', on: '2025-01-20', reason: 'Scalp clear' },
      }),
      session('s2', '2025-02-22T09:00', [share(crown, 0.4)]),
    )
    const both = context({ zones: [crown], patient: planPatient({ scalpCondition: true, chemotherapy: true }) })
    const warnings = kinds(plan, both)
    expect(warnings.map((w) => [w.kind, w.level, w.title])).toEqual([
      ['needs-clearance', 'contraindication', 'Active scalp condition: contraindication'],
      ['needs-clearance', 'contraindication', 'Chemotherapy: contraindication'],
    ])
    expect(warnings[0]?.detail).toMatch(/Psoriasis or eczema .* \(1 session not cleared yet\)\.$/)
    expect(warnings[1]?.detail).toContain('last course ended over a year ago')
    expect(warnings.every((w) => w.source.includes('research.md §9'))).toBe(true)
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
      expect(warning?.detail).toMatch(/leaves 56% after one year and 4% after two/)
    })

    it('says nothing when the pigment matches the technique or the session was skipped', () => {
      expect(kinds(draft('temporary', session('s1', '2025-02-01T09:00', [share(crown, 0.4)], trico)))).toEqual([])
      expect(kinds(draft('permanent', session('s1', '2025-02-01T09:00', [share(crown, 0.3)])))).toEqual([])
      const skipped = session('s1', '2025-02-01T09:00', [share(crown, 0.4)], { status: 'skipped' })
      expect(kinds(draft('temporary', skipped))).toEqual([])
    })
  })

  describe('scars after a transplant', () => {
    const transplant = context({ zones: [crown, scarZone], patient: planPatient({ transplantDate: '2024-12-01' }) })

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
