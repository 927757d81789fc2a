import { describe, expect, it } from 'vitest'
import { DEFAULT_PIGMENTS } from './default-pigments'
import { planProblems } from './plan-problems'
import { context, draft, perCm2, planPatient, planZone, session, share } from './plan-test-fixtures'

const crown = planZone()
const ctx = context({ zones: [crown] })
/** Dots the size the old model gave, so a density that cannot fit is within a plan's limits. */
const bigDots = context({ zones: [crown], settings: { ...ctx.settings, healedDotMm: { '1RL': 0.25, '3RL': 0.4 } } })

describe('planProblems', () => {
  it('finds nothing wrong with an ordinary plan', () => {
    const plan = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { status: 'done' }),
      session('s2', '2025-02-15T09:00', [share(crown, 0.4)], { status: 'skipped' }),
      session('s3', '2025-03-15T09:00', [share(crown, 0.7)]),
    )
    expect(planProblems(plan, ctx)).toEqual({})
  })

  it('refuses a density whose dots cannot fit, saying the spacing, the dot and the most that fits', () => {
    const plan = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [perCm2(crown, 400)]),
      session('s2', '2025-02-15T09:00', [perCm2(crown, 300)]),
    )
    const problems = planProblems(plan, bigDots)
    expect(Object.keys(problems)).toEqual(['sessions.s2.treatments.design:crown'])
    const message = problems['sessions.s2.treatments.design:crown']
    expect(message).toContain('700 per cm²')
    expect(message).toContain('0.38 mm apart')
    expect(message).toContain('0.40 mm dot')
    expect(message).toContain('up to 624 per cm²')
    expect(message).toContain('add at most 224 per cm²')
  })

  it('lets the same density through with a finer needle, and ignores skipped sessions', () => {
    const fine = { needle: { config: '1RL', diameterMm: 0.25 } } as const
    const plan = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [perCm2(crown, 400)], fine),
      session('s2', '2025-02-15T09:00', [perCm2(crown, 300)], fine),
    )
    expect(planProblems(plan, bigDots)).toEqual({})
    const skipped = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [perCm2(crown, 400)], { status: 'skipped' }),
      session('s2', '2025-02-15T09:00', [perCm2(crown, 300)]),
    )
    expect(planProblems(skipped, bigDots)).toEqual({})
  })

  it('refuses a session dated before the patient’s record existed, but not one on that day', () => {
    const plan = draft(
      'permanent',
      session('early', '2025-01-09T23:30', [share(crown, 0.3)], { status: 'done' }),
      session('same', '2025-01-10T08:00', [share(crown, 0.3)], { status: 'done' }),
    )
    expect(planProblems(plan, ctx)).toEqual({
      'sessions.early.startsAt': "This session is dated before the patient's record was created on 10 Jan 2025.",
    })
  })

  it('refuses a session marked done that has not started yet', () => {
    const plan = draft('permanent', session('s1', '2025-03-01T12:01', [share(crown, 0.3)], { status: 'done' }))
    expect(planProblems(plan, ctx)['sessions.s1.status']).toMatch(/cannot be done before it starts/)
    const now = draft('permanent', session('s1', '2025-03-01T12:00', [share(crown, 0.3)], { status: 'done' }))
    expect(planProblems(now, ctx)).toEqual({})
  })

  it('refuses a session done while an earlier one is still planned', () => {
    const plan = draft(
      'permanent',
      session('later', '2025-02-15T09:00', [share(crown, 0.4)], { status: 'done' }),
      session('earlier', '2025-02-01T09:00', [share(crown, 0.3)]),
    )
    expect(planProblems(plan, ctx)).toEqual({
      'sessions.later.status':
        'This session is out of order with its done status: the earlier session on 1 Feb 2025 is still planned. Mark that one done or skipped first.',
    })
  })

  it('refuses a pigment missing from the catalogue but accepts a retired one', () => {
    const retired = DEFAULT_PIGMENTS.map((p) => (p.id === 'smp-carbon-dark' ? { ...p, retired: true } : p))
    const plan = draft(
      'permanent',
      session('s1', '2025-02-01T09:00', [share(crown, 0.3)]),
      session('s2', '2025-02-15T09:00', [share(crown, 0.3)], { pigmentId: 'deleted-ink' }),
    )
    expect(planProblems(plan, { ...ctx, pigments: retired })).toEqual({
      'sessions.s2.pigmentId': 'This pigment is not in the catalogue; choose another.',
    })
  })

  it('refuses a zero or negative needle at the needle, not as a density problem', () => {
    for (const diameterMm of [0, -0.2]) {
      const plan = draft(
        'permanent',
        session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { needle: { config: '1RL', diameterMm } }),
      )
      expect(planProblems(plan, ctx)).toEqual({
        'sessions.s1.needle.diameterMm': 'The needle diameter must be more than 0 mm.',
      })
    }
  })

  it('refuses a zone that is no longer in its design', () => {
    const gone = planZone({ zoneId: 'old-temple' })
    const plan = draft('permanent', session('s1', '2025-02-01T09:00', [share(crown, 0.3), share(gone, 0.3)]))
    expect(planProblems(plan, ctx)).toEqual({
      'sessions.s1.treatments.design:old-temple': 'This zone is no longer in its design; remove it from the session.',
    })
  })
})

describe('clearance of a contraindication', () => {
  const keloid = context({ zones: [crown], patient: planPatient({ keloid: true }) })
  const done = session('s1', '2025-02-01T09:00', [share(crown, 0.3)], { status: 'done' })

  it('refuses a done session of a keloid-prone patient until someone records the clearance', () => {
    expect(planProblems(draft('permanent', done), keloid)).toEqual({
      'sessions.s1.status':
        'This patient has a keloid tendency: record who gave medical clearance for this session, when and why, before marking it done.',
    })
    const cleared = { ...done, clearance: { by: 'Dr Okafor', on: '2025-01-20', reason: 'Test patch healed flat' } }
    expect(planProblems(draft('permanent', cleared), keloid)).toEqual({})
  })

  it('asks the clearance for an active scalp condition or chemotherapy too, naming each one the patient has', () => {
    const scalp = context({ zones: [crown], patient: planPatient({ scalpCondition: true }) })
    expect(planProblems(draft('permanent', done), scalp)['sessions.s1.status']).toBe(
      'This patient has an active scalp condition: record who gave medical clearance for this session, when and why, before marking it done.',
    )
    const three = context({
      zones: [crown],
      patient: planPatient({ keloid: true, scalpCondition: true, chemotherapy: true }),
    })
    expect(planProblems(draft('permanent', done), three)['sessions.s1.status']).toMatch(
      /^This patient has a keloid tendency, an active scalp condition and a history of chemotherapy: record who/,
    )
    const expecting = context({ zones: [crown], patient: planPatient({ pregnancy: true, bloodThinners: true }) })
    expect(planProblems(draft('permanent', done), expecting)['sessions.s1.status']).toMatch(
      /^This patient has a pregnancy recorded and blood thinners recorded: record who gave medical clearance/,
    )
    const cleared = { ...done, clearance: { by: 'Dr Okafor', on: '2025-01-20', reason: 'Last course ended 2023' } }
    expect(planProblems(draft('permanent', cleared), three)).toEqual({})
  })

  it('lets a planned session wait for its clearance, and asks none without a contraindication', () => {
    expect(planProblems(draft('permanent', { ...done, status: 'planned' }), keloid)).toEqual({})
    expect(planProblems(draft('permanent', done), ctx)).toEqual({})
  })
})
