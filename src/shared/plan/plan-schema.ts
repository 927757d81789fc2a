import { z } from 'zod'
import { DESIGN_LIMITS } from '../design/design-limits'
import type { ClinicalSettings } from '../settings/clinical-defaults'
import { textField } from '../text-field'
import { isWallClockMinute } from './plan-dates'
import { PLAN_LIMITS } from './plan-limits'
import {
  NEEDLE_CONFIGS,
  type NeedleConfig,
  type Pigment,
  type PlanDraft,
  SESSION_KINDS,
  SESSION_STATUSES,
  type SessionKind,
  type SessionStatus,
  TECHNIQUES,
  type Technique,
} from './plan-types'

const enumOf = <T extends string>(values: readonly { value: T }[], error: string) =>
  z.enum(values.map((v) => v.value) as [T, ...T[]], { error })

const number = (label: string) => z.number({ error: `${label} must be a number` }).finite(`${label} must be a number`)

const between = (label: string, min: number, max: number, unit = '') =>
  number(label)
    .min(min, `${label} is between ${min} and ${max}${unit}`)
    .max(max, `${label} is between ${min} and ${max}${unit}`)

const wholeBetween = (label: string, min: number, max: number, unit = '') =>
  between(label, min, max, unit).int(`${label} must be a whole number`)

const id = (what: string) =>
  z.string({ error: `${what} must be text` }).regex(/^[A-Za-z0-9_-]{1,64}$/, `${what} is 1–64 letters, digits, - or _`)

const colour = (what: string) =>
  z.string({ error: `${what} must be text` }).regex(/^#[0-9a-f]{6}$/i, `${what} is written #rrggbb`)

const techniqueSchema = enumOf<Technique>(TECHNIQUES, 'Choose a technique from the list')

const needleSchema = z.strictObject(
  {
    config: enumOf<NeedleConfig>(NEEDLE_CONFIGS, 'Choose a needle grouping from the list'),
    diameterMm: number('The needle diameter')
      .positive('The needle diameter must be more than 0 mm')
      .min(PLAN_LIMITS.needleMm.min, `The needle diameter must be at least ${PLAN_LIMITS.needleMm.min} mm`)
      .max(PLAN_LIMITS.needleMm.max, `The needle diameter must be ${PLAN_LIMITS.needleMm.max} mm or less`),
  },
  { error: 'The needle is missing' },
)

const amountSchema = z.discriminatedUnion(
  'unit',
  [
    z.strictObject({
      unit: z.literal('perCm2'),
      value: between('The added density', PLAN_LIMITS.perCm2.min, PLAN_LIMITS.perCm2.max, ' per cm²'),
    }),
    z.strictObject({
      unit: z.literal('share'),
      value: between('The share of the target', PLAN_LIMITS.share.min, PLAN_LIMITS.share.max),
    }),
  ],
  { error: 'An amount is per cm² or a share of the target' },
)

const treatmentSchema = z.strictObject(
  {
    designId: id('A design id'),
    zoneId: id('A zone id'),
    amount: amountSchema,
    needle: needleSchema.optional(),
    pigmentId: id('A pigment id').optional(),
    dilution: between("The zone's dilution", 0, 0.95).optional(),
  },
  { error: 'A treated zone is missing' },
)

const day = (what: string) =>
  z
    .string({ error: `${what} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${what.toLowerCase()} as YYYY-MM-DD`)
    .refine((s) => isWallClockMinute(`${s}T00:00`), 'That date does not exist')

const clearanceSchema = z.strictObject(
  {
    by: textField(PLAN_LIMITS.practitioner, 'Who gave the clearance').refine(
      (s) => s.trim().length > 0,
      'Say who gave the clearance',
    ),
    on: day('The clearance date'),
    reason: textField(PLAN_LIMITS.notes, 'The reason').refine(
      (s) => s.trim().length > 0,
      'Say why treatment is cleared',
    ),
  },
  { error: 'The clearance is missing' },
)

const sessionSchema = z.strictObject(
  {
    id: id('A session id'),
    name: textField(PLAN_LIMITS.sessionName, 'The session name'),
    kind: enumOf<SessionKind>(SESSION_KINDS, 'Choose a kind of session from the list'),
    startsAt: z
      .string({ error: 'The start must be a date and time' })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Enter the start as YYYY-MM-DDTHH:MM')
      .refine(isWallClockMinute, 'That date or time does not exist'),
    durationMin: wholeBetween('The duration', PLAN_LIMITS.durationMin.min, PLAN_LIMITS.durationMin.max, ' minutes'),
    practitioner: textField(PLAN_LIMITS.practitioner, 'The practitioner'),
    pigmentId: id('A pigment id'),
    needle: needleSchema,
    pigmentLot: textField(PLAN_LIMITS.pigmentLot, 'The lot number'),
    pigmentExpires: day('The expiry date').nullable(),
    treatments: z
      .array(treatmentSchema, { error: 'Treated zones must be a list' })
      .max(PLAN_LIMITS.treatmentsPerSession, `A session treats at most ${PLAN_LIMITS.treatmentsPerSession} zones`)
      .superRefine((treatments, context) => {
        const seen = new Set<string>()
        treatments.forEach((t, index) => {
          const key = `${t.designId}:${t.zoneId}`
          if (seen.has(key))
            context.addIssue({ code: 'custom', path: [index], message: 'This zone is already treated in this session' })
          seen.add(key)
        })
      }),
    notes: textField(PLAN_LIMITS.notes, 'Notes'),
    status: enumOf<SessionStatus>(SESSION_STATUSES, 'Choose a status from the list'),
    clearance: clearanceSchema.nullable(),
    layer: z.strictObject(
      { visible: z.boolean({ error: 'visible must be yes or no' }), opacity: between('The layer opacity', 0, 1) },
      { error: 'The layer display is missing' },
    ),
  },
  { error: 'A session is missing' },
)

/**
 * A plan as a save sends it. Sessions come back in date order (equal starts keep theirs): the
 * form need not reorder while a date is typed, and the store always holds the plan as it happens.
 */
export const planDraftSchema = z.strictObject(
  {
    technique: techniqueSchema,
    sessions: z
      .array(sessionSchema, { error: 'Sessions must be a list' })
      .max(PLAN_LIMITS.sessions, `A plan holds at most ${PLAN_LIMITS.sessions} sessions`)
      .superRefine((sessions, context) => {
        const seen = new Set<string>()
        sessions.forEach((s, index) => {
          if (seen.has(s.id))
            context.addIssue({ code: 'custom', path: [index, 'id'], message: `Two sessions share the id ${s.id}` })
          seen.add(s.id)
        })
      })
      .overwrite((sessions) =>
        [...sessions].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0)),
      ),
  },
  { error: 'The plan is missing' },
) satisfies z.ZodType<PlanDraft>

const fadeSchema = z.strictObject(
  {
    settleLoss: between('The settling loss', 0, 0.9),
    settleDays: wholeBetween('The settling time', 0, 365, ' days'),
    tauYears: number('The fade time')
      .positive('The fade time must be more than 0 years')
      .max(100, 'The fade time is 100 years at most'),
    shape: between('The fade shape', 0.2, 3),
    floor: between('The share that never fades', 0, 0.95),
    sources: textField(PLAN_LIMITS.notes, 'The sources'),
  },
  { error: 'The fade model is missing' },
)

/** A catalogue entry as the pigment editor saves it. */
export const pigmentSchema = z.strictObject(
  {
    id: id('A pigment id'),
    name: textField(PLAN_LIMITS.pigmentName, 'The pigment name').refine((s) => s.length > 0, 'Name the pigment'),
    shade: colour('The shade'),
    dilution: between('The dilution', 0, 0.95),
    family: techniqueSchema,
    carbonBlack: z.boolean({ error: 'Carbon black must be yes or no' }),
    fade: fadeSchema,
    drift: between('The colour drift', 0, 1),
    driftColour: colour('The drift colour'),
    retired: z.boolean({ error: 'Retired must be yes or no' }),
  },
  { error: 'The pigment is missing' },
) satisfies z.ZodType<Pigment>

const stepSchema = z.strictObject(
  {
    label: textField(60, 'A step label').refine((s) => s.length > 0, 'Name the step'),
    kind: enumOf<SessionKind>(SESSION_KINDS, 'Choose a kind of session from the list'),
    gapDays: wholeBetween('The proposed gap', 0, 3650, ' days'),
    cumulativeShare: between('The share reached', 0.05, 3),
  },
  { error: 'A protocol step is missing' },
)

const windowSchema = (label: string) =>
  z
    .strictObject(
      {
        minDays: wholeBetween(`The shortest gap before a ${label}`, 0, 3650, ' days'),
        maxDays: wholeBetween(`The longest gap before a ${label}`, 0, 3650, ' days').nullable(),
        from: z.enum(['previous', 'first'], { error: 'Measure from the previous or the first session' }),
        source: textField(PLAN_LIMITS.notes, 'The source'),
      },
      { error: `The spacing of a ${label} is missing` },
    )
    .refine((w) => w.maxDays === null || w.maxDays >= w.minDays, {
      path: ['maxDays'],
      error: 'The longest gap is shorter than the shortest',
    })

const spacingSchema = (technique: Technique) =>
  z.strictObject(
    {
      'day-2': windowSchema('Day 2 session'),
      'follow-up': windowSchema('follow-up session'),
      finishing: windowSchema('finishing session'),
      extra: windowSchema('extra session'),
      'touch-up': windowSchema('touch-up'),
    },
    { error: `The ${technique} spacing is missing` },
  )

const templateSchema = <T extends Technique>(technique: T) =>
  z.strictObject(
    {
      technique: z.literal(technique, { error: `This is the ${technique} protocol` }),
      durationMin: wholeBetween(
        'The session length',
        PLAN_LIMITS.durationMin.min,
        PLAN_LIMITS.durationMin.max,
        ' minutes',
      ),
      touchUpShare: between('The touch-up line', 0.05, 1),
      steps: z
        .array(stepSchema, { error: 'Steps must be a list' })
        .min(1, 'A protocol has at least one step')
        .max(8, 'A protocol has at most 8 steps')
        .superRefine((steps, context) => {
          steps.forEach((step, index) => {
            const previous = steps[index - 1]
            // A touch-up may bring a zone back to the share it had reached: only a fall is refused.
            if (previous && step.cumulativeShare < previous.cumulativeShare)
              context.addIssue({
                code: 'custom',
                path: [index, 'cumulativeShare'],
                message: `Each step must reach at least as much of the target as the one before (${previous.cumulativeShare})`,
              })
          })
        }),
    },
    { error: `The ${technique} protocol is missing` },
  )

/** Any clinic's price fits under this, in its own currency (a yen or forint price runs to millions). */
const PRICE_LIMIT = 100_000_000
const money = (label: string) => between(label, 0, PRICE_LIMIT)

const priceBandSchema = z
  .strictObject(
    {
      upToCm2: between('The band’s largest area', 1, 2000, ' cm²').nullable(),
      low: money('The lowest price'),
      high: money('The highest price'),
    },
    { error: 'A price band is missing' },
  )
  .refine((band) => band.low <= band.high, { path: ['high'], error: 'The highest price is below the lowest' })

/** The price table; bands run from the smallest area up, the last one open-ended. */
const pricingSchema = z
  .strictObject(
    {
      currency: z
        .string({ error: 'The currency must be text' })
        .regex(/^[A-Z]{3}$/, 'Write the currency as its three-letter code (USD, GBP, EUR)'),
      bands: z
        .array(priceBandSchema, { error: 'The price bands must be a list' })
        .min(1, 'The price table needs at least one band')
        .max(8, 'The price table has at most 8 bands')
        .superRefine((bands, context) => {
          bands.forEach((band, index) => {
            const last = index === bands.length - 1
            if (last !== (band.upToCm2 === null))
              context.addIssue({
                code: 'custom',
                path: [index, 'upToCm2'],
                message: last ? 'The last band covers any larger area: leave it empty' : 'Give the band’s largest area',
              })
            const previous = bands[index - 1]?.upToCm2
            if (previous != null && band.upToCm2 !== null && band.upToCm2 <= previous)
              context.addIssue({
                code: 'custom',
                path: [index, 'upToCm2'],
                message: `Each band must cover more area than the one before (${previous} cm²)`,
              })
          })
        }),
      perScar: z
        .strictObject(
          { low: money('The lowest price per scar'), high: money('The highest price per scar') },
          { error: 'The price per scar is missing' },
        )
        .refine((scar) => scar.low <= scar.high, { path: ['high'], error: 'The highest price is below the lowest' }),
      minimum: money('The minimum price'),
      maximum: money('The maximum price'),
    },
    { error: 'The price table is missing' },
  )
  .refine((p) => p.minimum <= p.maximum, { path: ['maximum'], error: 'The maximum is below the minimum' })

const densitySchema = between('A target density', DESIGN_LIMITS.density.min, DESIGN_LIMITS.density.max, ' per cm²')
const mmBetween = (label: string, min: number, max: number) => between(label, min, max, ' mm')

/** The clinical settings as the Settings screen saves them; each range is wide but not absurd. */
export const clinicalSettingsSchema = z.strictObject(
  {
    zoneDensity: z.strictObject(
      {
        'hairline-band': densitySchema,
        frontal: densitySchema,
        'mid-scalp': densitySchema,
        crown: densitySchema,
        temples: densitySchema,
        donor: densitySchema,
        custom: densitySchema,
      },
      { error: 'The zone densities are missing' },
    ),
    zoneSoftnessMm: mmBetween('The zone edge softness', 0, DESIGN_LIMITS.softnessMm),
    hairlineFeatherMm: mmBetween('The hairline feather', 0, DESIGN_LIMITS.featherMm),
    hairlineIrregularity: between('The hairline irregularity', 0, 1),
    midFrontalHeightCm: between('The mid-frontal height', 4, 14, ' cm'),
    frontoTemporalOffsetCm: between('The fronto-temporal offset', 3, 12, ' cm'),
    foreheadRadiusCm: between('The forehead radius', 3, 30, ' cm'),
    lowestHairlineCm: between('The lowest hairline', 3, 14, ' cm'),
    matureHairlineRiseCm: between('The rise of a mature hairline', 0, 5, ' cm'),
    matureHairlineAge: wholeBetween('The age of a mature hairline', 14, 100, ' years'),
    matureNorwoodStage: wholeBetween('The Norwood stage of a mature hairline', 1, 7),
    futStripWidthMm: mmBetween('The strip scar width', 0.1, DESIGN_LIMITS.widthMm),
    fueScarDiameterMm: mmBetween('The FUE scar diameter', DESIGN_LIMITS.dotMm.min, DESIGN_LIMITS.dotMm.max),
    protocols: z.strictObject(
      { temporary: templateSchema('temporary'), permanent: templateSchema('permanent') },
      { error: 'The protocols are missing' },
    ),
    spacing: z.strictObject(
      { temporary: spacingSchema('temporary'), permanent: spacingSchema('permanent') },
      { error: 'The spacing windows are missing' },
    ),
    needle: needleSchema,
    healedDotMm: z.strictObject(
      { '1RL': between('The healed 1RL dot', 0.02, 1, ' mm'), '3RL': between('The healed 3RL dot', 0.02, 1, ' mm') },
      { error: 'The healed dot sizes are missing' },
    ),
    freshDotMm: z.strictObject(
      { '1RL': between('The fresh 1RL dot', 0.02, 1, ' mm'), '3RL': between('The fresh 3RL dot', 0.02, 1, ' mm') },
      { error: 'The fresh dot sizes are missing' },
    ),
    dotSizeJitter: between('The dot size variation', 0, 1),
    coverageLimit: between('The coverage limit', 0.01, 1),
    sessionShareLimit: between('The most one session adds', 0.05, 2),
    minSessions: z.strictObject(
      {
        temporary: wholeBetween('The fewest temporary sessions', 1, 10),
        permanent: wholeBetween('The fewest permanent sessions', 1, 10),
      },
      { error: 'The fewest sessions are missing' },
    ),
    reinkDriftLimit: between('The colour drift line', 0, 1),
    // Below 1 would make scars hold pigment better than skin, the opposite of what was measured.
    scarFadeFactor: between('The scar fade factor', 1, 5),
    transplantWaitMonths: wholeBetween('The wait after a transplant', 0, 36, ' months'),
    pricing: pricingSchema,
    removePhotoLocation: z.boolean({ error: 'Whether to remove photo locations is missing' }),
  },
  { error: 'The clinical settings are missing' },
) satisfies z.ZodType<ClinicalSettings>
