import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { ProtocolStep } from '../settings/clinical-defaults'
import { DEFAULT_PIGMENTS } from './default-pigments'
import { clinicalSettingsSchema, pigmentSchema, planDraftSchema } from './plan-schema'
import { draft, perCm2, pigment, planZone, session, settings, share } from './plan-test-fixtures'

/** Each field's first refusal as `path → message`, the way main hands them to the form. */
function refusals(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value)
  const found: Record<string, string> = {}
  for (const issue of result.error?.issues ?? []) found[issue.path.join('.')] ??= issue.message
  return found
}

const crown = planZone()
const temple = planZone({ zoneId: 'temple' })
const valid = draft(
  'permanent',
  session('s1', '2025-02-01T09:00', [share(crown, 0.3), perCm2(temple, 40)]),
  session('s2', '2025-02-15T09:00', [share(crown, 0.4)]),
)
const withSession = (over: Record<string, unknown>) => ({ ...valid, sessions: [{ ...valid.sessions[0], ...over }] })

describe('planDraftSchema', () => {
  it('accepts a plan, trims its text and returns the sessions in date order', () => {
    const [first, second] = valid.sessions
    const parsed = planDraftSchema.parse({
      technique: 'permanent',
      sessions: [{ ...second, practitioner: '  B. Artist ' }, first],
    })
    expect(parsed.sessions.map((s) => s.id)).toEqual(['s1', 's2'])
    expect(parsed.sessions[1]?.practitioner).toBe('B. Artist')
  })

  it('refuses a needle of no width with a sentence that says so', () => {
    for (const diameterMm of [0, -0.2])
      expect(refusals(planDraftSchema, withSession({ needle: { config: '3RL', diameterMm } }))).toEqual({
        'sessions.0.needle.diameterMm': 'The needle diameter must be more than 0 mm',
      })
    expect(refusals(planDraftSchema, withSession({ needle: { config: '3RL', diameterMm: 2 } }))).toEqual({
      'sessions.0.needle.diameterMm': 'The needle diameter must be 1.2 mm or less',
    })
  })

  it('refuses starts that are not real minutes', () => {
    expect(refusals(planDraftSchema, withSession({ startsAt: '2025-02-30T09:00' }))).toEqual({
      'sessions.0.startsAt': 'That date or time does not exist',
    })
    expect(refusals(planDraftSchema, withSession({ startsAt: '2025-02-01 09:00' }))).toEqual({
      'sessions.0.startsAt': 'Enter the start as YYYY-MM-DDTHH:MM',
    })
    expect(refusals(planDraftSchema, withSession({ startsAt: '2025-02-01T25:00' }))).toEqual({
      'sessions.0.startsAt': 'That date or time does not exist',
    })
  })

  it('holds ids, duration, text, opacity and amounts to their limits', () => {
    expect(Object.keys(refusals(planDraftSchema, withSession({ id: 'has space' })))).toEqual(['sessions.0.id'])
    expect(refusals(planDraftSchema, withSession({ durationMin: 10 }))).toEqual({
      'sessions.0.durationMin': 'The duration is between 15 and 960 minutes',
    })
    expect(Object.keys(refusals(planDraftSchema, withSession({ practitioner: 'x'.repeat(121) })))).toEqual([
      'sessions.0.practitioner',
    ])
    expect(Object.keys(refusals(planDraftSchema, withSession({ notes: 'x'.repeat(5001) })))).toEqual([
      'sessions.0.notes',
    ])
    expect(refusals(planDraftSchema, withSession({ layer: { visible: true, opacity: 1.5 } }))).toEqual({
      'sessions.0.layer.opacity': 'The layer opacity is between 0 and 1',
    })
    expect(refusals(planDraftSchema, withSession({ treatments: [perCm2(crown, 601)] }))).toEqual({
      'sessions.0.treatments.0.amount.value': 'The added density is between 1 and 600 per cm²',
    })
    expect(refusals(planDraftSchema, withSession({ treatments: [share(crown, 0.005)] }))).toEqual({
      'sessions.0.treatments.0.amount.value': 'The share of the target is between 0.01 and 2',
    })
  })

  it('refuses two sessions with one id and a zone treated twice in one session', () => {
    const [first] = valid.sessions
    expect(
      refusals(planDraftSchema, { ...valid, sessions: [first, { ...first, startsAt: '2025-03-01T09:00' }] }),
    ).toEqual({
      'sessions.1.id': 'Two sessions share the id s1',
    })
    expect(refusals(planDraftSchema, withSession({ treatments: [share(crown, 0.3), perCm2(crown, 20)] }))).toEqual({
      'sessions.0.treatments.1': 'This zone is already treated in this session',
    })
  })

  it('refuses unknown fields and unknown statuses', () => {
    expect(Object.keys(refusals(planDraftSchema, withSession({ colour: '#000000' })))).toEqual(['sessions.0'])
    expect(refusals(planDraftSchema, withSession({ status: 'cancelled' }))).toEqual({
      'sessions.0.status': 'Choose a status from the list',
    })
  })
})

describe('pigmentSchema', () => {
  it('accepts the starting catalogue', () => {
    for (const entry of DEFAULT_PIGMENTS) expect(refusals(pigmentSchema, entry)).toEqual({})
  })

  it('refuses a nameless pigment, bad colours and out-of-range fade figures', () => {
    const ink = pigment('smp-carbon-dark')
    expect(
      refusals(pigmentSchema, {
        ...ink,
        name: '   ',
        shade: 'black',
        driftColour: '#12345',
        dilution: 0.99,
        drift: 1.2,
        fade: { ...ink.fade, settleLoss: 0.95, tauYears: 0, shape: 5, floor: 1 },
      }),
    ).toEqual({
      name: 'Name the pigment',
      shade: 'The shade is written #rrggbb',
      driftColour: 'The drift colour is written #rrggbb',
      dilution: 'The dilution is between 0 and 0.95',
      drift: 'The colour drift is between 0 and 1',
      'fade.settleLoss': 'The settling loss is between 0 and 0.9',
      'fade.tauYears': 'The fade time must be more than 0 years',
      'fade.shape': 'The fade shape is between 0.2 and 3',
      'fade.floor': 'The share that never fades is between 0 and 0.95',
    })
  })
})

describe('clinicalSettingsSchema', () => {
  const withSteps = (steps: ProtocolStep[]) => ({
    ...settings,
    protocols: { ...settings.protocols, permanent: { ...settings.protocols.permanent, steps } },
  })
  const step = (over: Partial<ProtocolStep> = {}): ProtocolStep => ({
    label: 'Step',
    kind: 'follow-up',
    gapDays: 14,
    cumulativeShare: 0.5,
    ...over,
  })

  it('accepts the defaults', () => {
    expect(refusals(clinicalSettingsSchema, settings)).toEqual({})
  })

  it('holds a protocol to 1–8 steps, each gap within 0–3650 days', () => {
    expect(refusals(clinicalSettingsSchema, withSteps([]))).toEqual({
      'protocols.permanent.steps': 'A protocol has at least one step',
    })
    const nine = Array.from({ length: 9 }, (_, i) => step({ cumulativeShare: 0.1 * (i + 1) }))
    expect(refusals(clinicalSettingsSchema, withSteps(nine))).toEqual({
      'protocols.permanent.steps': 'A protocol has at most 8 steps',
    })
    expect(refusals(clinicalSettingsSchema, withSteps([step({ gapDays: 400 })]))).toEqual({})
    expect(refusals(clinicalSettingsSchema, withSteps([step({ gapDays: -1 })]))).toEqual({
      'protocols.permanent.steps.0.gapDays': 'The proposed gap is between 0 and 3650 days',
    })
  })

  it('refuses a spacing window whose longest gap is shorter than its shortest', () => {
    const spacing = structuredClone(settings.spacing)
    spacing.permanent['follow-up'] = { ...spacing.permanent['follow-up'], minDays: 30, maxDays: 20 }
    expect(refusals(clinicalSettingsSchema, { ...settings, spacing })).toEqual({
      'spacing.permanent.follow-up.maxDays': 'The longest gap is shorter than the shortest',
    })
  })

  it('makes every step reach at least the target share of the one before, within 5%–300%', () => {
    expect(refusals(clinicalSettingsSchema, withSteps([step({ cumulativeShare: 0.6 }), step()]))).toEqual({
      'protocols.permanent.steps.1.cumulativeShare':
        'Each step must reach at least as much of the target as the one before (0.6)',
    })
    expect(
      refusals(clinicalSettingsSchema, withSteps([step({ cumulativeShare: 1 }), step({ cumulativeShare: 1 })])),
    ).toEqual({})
    expect(refusals(clinicalSettingsSchema, withSteps([step({ cumulativeShare: 0.01 })]))).toEqual({
      'protocols.permanent.steps.0.cumulativeShare': 'The share reached is between 0.05 and 3',
    })
  })

  it('keeps each protocol under its own technique and the other figures in range', () => {
    const swapped = { ...settings, protocols: { ...settings.protocols, temporary: settings.protocols.permanent } }
    expect(refusals(clinicalSettingsSchema, swapped)).toEqual({
      'protocols.temporary.technique': 'This is the temporary protocol',
    })
    expect(
      refusals(clinicalSettingsSchema, {
        ...settings,
        coverageLimit: 0,
        scarFadeFactor: 0.5,
        transplantWaitMonths: 2.5,
        needle: { config: '1RL', diameterMm: 0 },
      }),
    ).toEqual({
      coverageLimit: 'The coverage limit is between 0.01 and 1',
      scarFadeFactor: 'The scar fade factor is between 1 and 5',
      transplantWaitMonths: 'The wait after a transplant must be a whole number',
      'needle.diameterMm': 'The needle diameter must be more than 0 mm',
    })
  })
})
