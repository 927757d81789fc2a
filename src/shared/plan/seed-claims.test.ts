import { describe, expect, it } from 'vitest'
import { estimatePrice } from '../sheets/price-estimate'
import { DEFAULT_PIGMENTS } from './default-pigments'
import { dotColour, strengthAt } from './fade'
import { addDays } from './plan-dates'
import { planProblems } from './plan-problems'
import { context, draft, perCm2, pigment, planPatient, planZone, session, settings, share } from './plan-test-fixtures'
import type { PlanDraft, Session, Technique } from './plan-types'
import { type PlanWarningKind, planWarnings } from './plan-warnings'
import { applyTemplate } from './protocols'
import { dotDiameterMm, freshDotDiameterMm } from './session-density'
import { coverageAt, zoneStrength } from './timeline'

/**
 * Every claim the clinic pages (`shared/domain/seeds`) make that the model can be checked
 * against, one row each, so a change that breaks a clinic's rule fails by the claim's name.
 * Seed 000 is Shapiro Medical Group (temporary and permanent SMP), seed 002 a New York clinic
 * (permanent SMP).
 */

const crown = planZone()
const ctx = context({ zones: [crown], now: '2030-01-01T00:00' })
const trico = 'trico-dark-brown'
const carbon = 'smp-carbon-medium'

function template(technique: Technique, start = '2025-03-03T09:00'): Session[] {
  let n = 0
  return applyTemplate(settings.protocols[technique], {
    start,
    zones: [crown],
    pigmentId: technique === 'temporary' ? trico : carbon,
    needle: settings.needle,
    practitioner: 'A. Artist',
    pigments: DEFAULT_PIGMENTS,
    settings,
    newId: () => `${technique}-${++n}`,
  })
}

const strength = (plan: PlanDraft, at: string) => zoneStrength(plan, crown, DEFAULT_PIGMENTS, settings, at)
const kindsOf = (plan: PlanDraft, c = ctx) => planWarnings(plan, c).map((w) => w.kind)
const at = (s: Session | undefined) => s?.startsAt ?? ''
const temporary = draft('temporary', ...template('temporary'))
const permanent = draft('permanent', ...template('permanent'))
const [day1, day2, finishing, touchUp] = temporary.sessions
const settled = (s: Session | undefined, days = 42) => addDays(at(s), days)
const justBefore = (s: Session | undefined) => addDays(at(s), 0).replace(/T.*/, 'T08:59')

/** A session after the template's last, of a kind, some days after the one before. */
function plus(plan: PlanDraft, kind: Session['kind'], days: number, value = 0.2): PlanDraft {
  const last = plan.sessions.at(-1) as Session
  const pigmentId = plan.technique === 'temporary' ? trico : carbon
  const next = session(`x${plan.sessions.length}`, addDays(last.startsAt, days), [share(crown, value)], {
    kind,
    pigmentId,
  })
  return { ...plan, sessions: [...plan.sessions, next] }
}

interface Claim {
  claim: string
  seed: string
  holds: () => boolean
}

const claims: Claim[] = [
  // Sessions and spacing
  {
    claim: 'Day 2 is the day after Day 1',
    seed: '000: "Your second appointment will be made the day after your initial appointment."',
    holds: () => addDays(at(day1), 1) === at(day2) && !kindsOf(temporary).includes('too-close'),
  },
  {
    claim: 'the finishing session is at least six weeks after the initial procedure',
    seed: '000: "a third finishing procedure 6 weeks (minimally) after your initial procedure"',
    holds: () => at(finishing) >= addDays(at(day1), 42),
  },
  {
    claim: 'a finishing session exactly six weeks after Day 1 is not too close',
    seed: '000: "6 weeks (minimally) after your initial procedure"',
    holds: () => {
      const plan = draft('temporary', day1 as Session, day2 as Session, {
        ...(finishing as Session),
        startsAt: addDays(at(day1), 42),
      })
      return kindsOf(plan).length === 0
    },
  },
  {
    claim: 'a finishing session up to six months after the initial procedure is not too far',
    seed: '000: "scheduled six weeks and/or up to six months after your initial procedure"',
    holds: () => {
      const plan = draft('temporary', day1 as Session, day2 as Session, {
        ...(finishing as Session),
        startsAt: addDays(at(day1), 182),
      })
      return kindsOf(plan).length === 0
    },
  },
  {
    claim: 'a minimum of three sessions: a temporary plan of two is warned',
    seed: '000: "It will take a minimum of three SMP sessions to achieve the optimal results"',
    holds: () =>
      kindsOf(draft('temporary', day1 as Session, day2 as Session)).includes('too-few-sessions') &&
      !kindsOf(temporary).includes('too-few-sessions'),
  },
  {
    claim: '1–2 more sessions after the finishing one are not warned',
    seed: '000: "some people need another 1-2 sessions depending on the degree of darkness"',
    holds: () => {
      const three = draft('temporary', day1 as Session, day2 as Session, finishing as Session)
      return kindsOf(plus(plus(three, 'extra', 56), 'extra', 56)).length === 0
    },
  },
  {
    claim: 'a yearly touch-up is not warned, in a leap year too',
    seed: '000: "We do recommend you come in for a touch-up every year."',
    holds: () => {
      const three = draft('temporary', day1 as Session, day2 as Session, finishing as Session)
      return (
        kindsOf(plus(three, 'touch-up', 365, 0.4)).length === 0 &&
        kindsOf(plus(three, 'touch-up', 366, 0.4)).length === 0 &&
        kindsOf(plus(plus(three, 'touch-up', 366, 0.4), 'touch-up', 365, 0.45)).length === 0
      )
    },
  },
  {
    claim: 'permanent sessions two to four weeks apart are not warned',
    seed: '002: "Each session will take place about two to four weeks apart."',
    holds: () => {
      const s1 = session('p1', '2025-03-03T09:00', [share(crown, 0.3)], { kind: 'base', pigmentId: carbon })
      const plan = plus(plus(draft('permanent', s1), 'follow-up', 14, 0.4), 'finishing', 28, 0.3)
      return kindsOf(plan).length === 0
    },
  },
  {
    claim: 'permanent sessions under two or over four weeks apart are warned',
    seed: '002: "about two to four weeks apart"',
    holds: () => {
      const s1 = session('p1', '2025-03-03T09:00', [share(crown, 0.3)], { kind: 'base', pigmentId: carbon })
      return (
        kindsOf(plus(draft('permanent', s1), 'follow-up', 10, 0.4)).includes('too-close') &&
        kindsOf(plus(draft('permanent', s1), 'follow-up', 35, 0.4)).includes('too-far')
      )
    },
  },
  {
    claim: 'one or two follow-ups: a permanent plan of two sessions is not warned',
    seed: '002: "Many patients only require one or two follow-ups"',
    holds: () => {
      const s1 = session('p1', '2025-03-03T09:00', [share(crown, 0.5)], { kind: 'base', pigmentId: carbon })
      return kindsOf(plus(draft('permanent', s1), 'follow-up', 21, 0.5)).length === 0
    },
  },
  {
    claim: 'a permanent touch-up two to five years on is not warned',
    seed: '000: permanent pigment "is meant to last 2-5 years"',
    holds: () =>
      kindsOf(plus(permanent, 'touch-up', 730, 0.2)).length === 0 &&
      kindsOf(plus(permanent, 'touch-up', 1826, 0.45)).filter((k) => k !== 'reink-drifted').length === 0,
  },
  {
    claim: 'the default templates raise no warning at all',
    seed: '000 and 002: their own protocols',
    holds: () => kindsOf(temporary).length === 0 && kindsOf(permanent).length === 0,
  },
  // Fading and lifetimes
  {
    claim: 'temporary pigment fades 30–50% between the end of Day 2 and the finishing session',
    seed: '000: "We expect the pigment to fade 30%-50% between the end of the second procedure and this third procedure."',
    holds: () => {
      const loss = 1 - strength(temporary, justBefore(finishing)) / strength(temporary, at(day2))
      return loss >= 0.3 && loss <= 0.5
    },
  },
  {
    claim: 'the ideal outcome is reached after the third (finishing) session: 100% ± 5% once settled',
    seed: '000: "your ideal outcome will be achieved after the third session"',
    holds: () => Math.abs(strength(temporary, settled(finishing)) - 1) <= 0.05,
  },
  {
    claim: 'the yearly touch-up restores the target: 100% ± 5% once settled',
    seed: '000: "come in for a touch-up every year"',
    holds: () => Math.abs(strength(temporary, settled(touchUp)) - 1) <= 0.05,
  },
  {
    claim: 'temporary SMP commonly lasts 1–2 years: a third or more left a year on, little left at two',
    seed: '000: "temporary SMP will commonly last 1-2 years"',
    holds: () => {
      const done = draft('temporary', day1 as Session, day2 as Session, finishing as Session)
      return strength(done, addDays(at(finishing), 365)) >= 0.33 && strength(done, addDays(at(finishing), 730)) < 0.1
    },
  },
  {
    claim: 'temporary pigment fades completely within 24 months',
    seed: '000: "designed to fade completely over the course of 24 months"; "disappear within 6-24 months"',
    holds: () => strengthAt(pigment(trico).fade, 2) < 0.05,
  },
  {
    claim: 'the permanent template reaches the target after session 3: 100% ± 5% once settled',
    seed: '002 and research.md §2: 30% → 70% → 100% over three sessions',
    holds: () => Math.abs(strength(permanent, settled(permanent.sessions[2], 90)) - 1) <= 0.05,
  },
  {
    claim: 'permanent pigment lasts 2–5 years: above 60% at two years, below 60% by five',
    seed: '000: "the pigment used is meant to last 2-5 years"; 002: "remains for most patients for 2-4 years"',
    holds: () => strengthAt(pigment(carbon).fade, 2) > 0.6 && strengthAt(pigment(carbon).fade, 5) < 0.6,
  },
  {
    claim: 'permanent pigment may never fade completely',
    seed: '000: "may never fade completely, needing a laser for complete removal"',
    holds: () => strengthAt(pigment(carbon).fade, 30) >= 0.25,
  },
  {
    claim: 'carbon black drifts blue-green as it fades; temporary pigment keeps its colour',
    seed: '000: "black pigment can eventually fade into a blue or green tone"; temporary pigments "do not contain any black"',
    holds: () => {
      const [r, g, b] = dotColour(pigment(carbon), 0.4)
      const tricoColours = DEFAULT_PIGMENTS.filter((p) => p.family === 'temporary')
      return g > r && b > r && tricoColours.every((p) => !p.carbonBlack)
    },
  },
  {
    claim: 'inking into faded, colour-shifted carbon black is warned',
    seed: '000: "the more ink you put into an impression that has faded (changed color), the bigger the impression gets"',
    holds: () => kindsOf(plus(permanent, 'touch-up', 1826, 0.45)).includes('reink-drifted'),
  },
  {
    claim: 'too much pigment at once is warned',
    seed: '000: "It is risky to try to be too aggressive too fast … migration"',
    holds: () => {
      const s1 = session('p1', '2025-03-03T09:00', [share(crown, 0.8)], { kind: 'base', pigmentId: carbon })
      return kindsOf(plus(draft('permanent', s1), 'follow-up', 21, 0.3)).includes('too-much-at-once')
    },
  },
  // Impressions and coverage
  {
    claim: 'impressions are comparable in diameter to a hair: 0.10–0.15 mm healed, up to 0.25 mm fresh',
    seed: '000: "comparable in diameter to a single hair"; research.md §1',
    holds: () =>
      (['1RL', '3RL'] as const).every((config) => {
        const needle = { config, diameterMm: 0.25 }
        const healed = dotDiameterMm(needle, settings)
        return healed >= 0.1 && healed <= 0.15 && freshDotDiameterMm(needle, settings) <= 0.25
      }),
  },
  {
    claim: 'coverage counts only pigment still present: a temporary zone cleared years later covers nothing',
    seed: '000: temporary pigment disappears within 24 months',
    holds: () => coverageAt(temporary, crown, DEFAULT_PIGMENTS, settings, addDays(at(touchUp), 1100)).coverage < 0.001,
  },
  // Contraindications
  {
    claim: 'a keloid tendency is a contraindication',
    seed: '002: "People who are prone to keloids … should not get scalp micropigmentation."',
    holds: () =>
      planWarnings(temporary, context({ zones: [crown], patient: planPatient({ keloid: true }) })).some(
        (w) => w.kind === 'keloid' && w.level === 'contraindication',
      ),
  },
  {
    claim: 'a session of a keloid-prone patient cannot be done without a recorded clearance',
    seed: '002: keloids; the clearance names who, when and why',
    holds: () => {
      const keloid = context({
        zones: [crown],
        now: '2030-01-01T00:00',
        recordCreated: '2025-01-01',
        patient: planPatient({ keloid: true }),
      })
      const done = { ...(day1 as Session), status: 'done' as const }
      const cleared = {
        ...done,
        clearance: { by: 'Dr Okafor', on: '2025-03-01', reason: 'No keloids in 10 years; test patch healed flat' },
      }
      return (
        Object.keys(planProblems(draft('temporary', done), keloid)).includes(`sessions.${done.id}.status`) &&
        Object.keys(planProblems(draft('temporary', cleared), keloid)).length === 0
      )
    },
  },
  // Prices
  {
    claim: 'prices run from $800 to $2,400',
    seed: '000: "The price range for SMP at Shapiro Medical Group is normally $800.00 to $2400.00."',
    holds: () => {
      const small = estimatePrice(settings.pricing, { treatedAreaCm2: 40, unmeasuredZones: 0, scars: 0 })
      const large = estimatePrice(settings.pricing, { treatedAreaCm2: 600, unmeasuredZones: 0, scars: 6 })
      return small.low === 800 && large.high === 2400 && settings.pricing.currency === 'USD'
    },
  },
]

describe('the model holds every claim of the clinic pages', () => {
  it.each(claims)('$claim (seed $seed)', ({ holds }) => {
    expect(holds()).toBe(true)
  })
})

describe('each risk produces its warning', () => {
  const hairlineAt = (tapeCm: number) => ({ designId: 'design', hairlineId: 'hl', name: 'Hairline', tapeCm })
  const keloid = context({ zones: [crown], patient: planPatient({ keloid: true }) })
  const scar = planZone({ zoneId: 'scar', name: 'Donor strip', overScar: true })
  const transplant = context({ zones: [crown, scar], patient: planPatient({ transplantDate: '2025-01-01' }) })
  const base = (value: number, pigmentId = carbon) =>
    session('r1', '2025-03-03T09:00', [share(crown, value)], { kind: 'base', pigmentId })
  const rows: [PlanWarningKind, PlanDraft, typeof ctx][] = [
    ['too-close', plus(draft('permanent', base(0.3)), 'follow-up', 7, 0.4), ctx],
    ['too-far', plus(draft('permanent', base(0.3)), 'follow-up', 45, 0.4), ctx],
    ['too-few-sessions', draft('permanent', base(0.3)), ctx],
    [
      'too-much-at-once',
      draft(
        'permanent',
        base(0.9),
        session('r2', '2025-03-24T09:00', [share(crown, 0.1)], { kind: 'follow-up', pigmentId: carbon }),
      ),
      ctx,
    ],
    [
      'coverage',
      draft(
        'permanent',
        session('r1', '2025-03-03T09:00', [perCm2(crown, 600)], { kind: 'base' }),
        session('r2', '2025-03-24T09:00', [perCm2(crown, 600)], { kind: 'follow-up' }),
      ),
      ctx,
    ],
    ['keloid', permanent, keloid],
    ['needs-clearance', permanent, context({ zones: [crown], patient: planPatient({ scalpCondition: true }) })],
    ['hairline-low', permanent, context({ zones: [crown], hairlines: [hairlineAt(6.5)] })],
    [
      'hairline-mature',
      permanent,
      context({ zones: [crown], hairlines: [hairlineAt(7.5)], patient: planPatient({ hairLossPattern: 'norwood-6' }) }),
    ],
    [
      'carbon-black-temporary',
      draft('temporary', ...template('temporary').map((s) => ({ ...s, pigmentId: carbon }))),
      ctx,
    ],
    ['reink-drifted', plus(permanent, 'touch-up', 1826, 0.45), ctx],
    [
      'scar-too-soon',
      draft('permanent', session('r1', '2025-03-03T09:00', [share(scar, 0.3)], { kind: 'base' })),
      transplant,
    ],
    ['lot-expired', draft('permanent', { ...base(0.3), pigmentLot: '24-117', pigmentExpires: '2025-03-02' }), ctx],
  ]
  it.each(rows)('%s', (kind, plan, c) => {
    expect(planWarnings(plan, c).map((w) => w.kind)).toContain(kind)
    expect(planWarnings(plan, c).every((w) => w.source.length > 0)).toBe(true)
  })
})
