import type { NeedleConfig, SessionKind, Technique } from '../plan/plan-types'

/**
 * One step of a protocol template: the name and kind it proposes for its session, how long after
 * the previous session it is proposed, and the share of each zone's target (healed) it brings the
 * zone to, counting what earlier sessions left that has not faded (so 0.3 → 0.7 → 1 is the
 * published build-up, and a touch-up at 1 restores the finished look).
 */
export interface ProtocolStep {
  label: string
  kind: SessionKind
  gapDays: number
  cumulativeShare: number
}

/**
 * The gap a session of one kind may have: at least `minDays`, at most `maxDays` (null: no upper
 * limit) after the session before it, or after the first session of the course when `from` is
 * `first` (the finishing session is timed from the initial procedure).
 */
export interface SpacingWindow {
  minDays: number
  maxDays: number | null
  from: 'previous' | 'first'
  source: string
}

/** Windows for every kind but the first session, which has nothing before it. */
export type SpacingWindows = Record<Exclude<SessionKind, 'base'>, SpacingWindow>

export interface ProtocolTemplate {
  technique: Technique
  steps: ProtocolStep[]
  /** Proposed length of each session, minutes. */
  durationMin: number
  /** Suggest a touch-up when a zone's simulated strength falls below this share of its target. */
  touchUpShare: number
}

/** One row of the price table: what treating up to `upToCm2` costs, as a range. */
export interface PriceBand {
  /** null: any larger area (the last row). */
  upToCm2: number | null
  low: number
  high: number
}

/**
 * What a design sheet's cost estimate is made from: the band of the treated area, plus each
 * scar, held within the clinic's usual range (`src/shared/sheets/price-estimate.ts`).
 */
export interface PriceTable {
  /** ISO 4217 code, `USD`. */
  currency: string
  /** By treated area, smallest first. */
  bands: PriceBand[]
  perScar: { low: number; high: number }
  minimum: number
  maximum: number
}

/**
 * Every clinical figure the user can change in Settings, with where its default comes from.
 * The defaults below are only starting points: a saved settings record overrides them.
 */
export interface ClinicalSettings {
  zoneDensity: Record<'hairline-band' | 'frontal' | 'mid-scalp' | 'crown' | 'temples' | 'donor' | 'custom', number>
  zoneSoftnessMm: number
  hairlineFeatherMm: number
  hairlineIrregularity: number
  midFrontalHeightCm: number
  frontoTemporalOffsetCm: number
  /** How the forehead curves back, for tape heights against photo heights. */
  foreheadRadiusCm: number
  /** Below this tape height above the glabella a hairline is lower than the clinics'. */
  lowestHairlineCm: number
  /** How much higher than the lowest line a mature hairline sits, cm (tape). */
  matureHairlineRiseCm: number
  /** From this age (years) the patient's hairline is judged against the mature line. */
  matureHairlineAge: number
  /** From this Norwood stage (1–7) the hairline is judged against the mature line. */
  matureNorwoodStage: number
  futStripWidthMm: number
  fueScarDiameterMm: number
  protocols: Record<Technique, ProtocolTemplate>
  /** The treatment model: spacing, dot sizes and the warnings' lines. */
  spacing: Record<Technique, SpacingWindows>
  needle: { config: NeedleConfig; diameterMm: number }
  /** Healed impression diameter by needle grouping at the usual 0.25 mm needle, mm; other needles in proportion. */
  healedDotMm: Record<NeedleConfig, number>
  /** Fresh impression diameter on the day of the session, as `healedDotMm`. */
  freshDotMm: Record<NeedleConfig, number>
  /** Standard deviation of a dot's diameter as a share of its mean: hand pressure varies. */
  dotSizeJitter: number
  /** Warn when the dots still present cover more than this share of the skin. */
  coverageLimit: number
  /** Warn when one session adds more than this share of a zone's target. */
  sessionShareLimit: number
  /** Warn when a plan has fewer sessions than this. */
  minSessions: Record<Technique, number>
  /** Warn when a session treats over a carbon-black layer whose colour has drifted more than this (0–1). */
  reinkDriftLimit: number
  /** How much faster pigment fades over scar tissue. */
  scarFadeFactor: number
  /** Months to wait after a hair transplant before treating its scars. */
  transplantWaitMonths: number
  pricing: PriceTable
  /** Whether import removes a photo original's GPS position (its EXIF GPS block); not clinical, but saved with these. */
  removePhotoLocation: boolean
}

/**
 * Clinical starting values, each with where it comes from: the sections of
 * `docs/domain/smp-domain.md` named beside each value (its sources are in `docs/domain/research.md`).
 */
export const CLINICAL_DEFAULTS = {
  /**
   * Target impressions per cm² of a finished zone, by role. Finished SMP is roughly 100–190
   * impressions/cm² ("Density"); the hairline band is densest so the edge reads as hair, the
   * donor area lightest to match the longer hair usually kept there.
   */
  zoneDensity: {
    'hairline-band': 170,
    frontal: 150,
    'mid-scalp': 140,
    crown: 140,
    temples: 150,
    donor: 110,
    custom: 140,
  },
  /** Softness of a zone's edge, mm: the density feathers out over this distance ("Hairline": blended transitions). */
  zoneSoftnessMm: 5,
  /** Width of the soft, broken edge drawn along a hairline, mm ("Hairline": small-scale irregularity). */
  hairlineFeatherMm: 4,
  /** 0 is a sharp edge-up, 1 a fully broken edge ("Hairline": SMP styles). */
  hairlineIrregularity: 0.5,
  /** Mid-frontal point above the glabella, cm: about 8 (7 aggressive – 10 conservative) ("Hairline", Garg method). */
  midFrontalHeightCm: 8,
  /**
   * Fronto-temporal points either side of the midline, cm, as seen on a front photo. Garg puts
   * them 8 cm lateral of the mid-frontal point measured with tape over the forehead
   * (`research.md`, hairline design); over a forehead of about 8 cm radius that arc projects to
   * about 6.7 cm on a flat photo.
   */
  frontoTemporalOffsetCm: 6.7,
  /**
   * The forehead's curve from the glabella up, cm: heights are
   * measured with tape over it, photos show them flat (`src/shared/design/forehead.ts`). The same
   * 8 cm radius as the fronto-temporal offset above: 8 cm of tape shows as 6.7 cm flat.
   */
  foreheadRadiusCm: 8,
  /**
   * The mid-frontal point is 7 cm (aggressive) to 10 cm (conservative)
   * above the glabella; Shapiro: "never too low" ("Hairline", research.md §5).
   */
  lowestHairlineCm: 7,
  /**
   * A mature hairline sits 1–2 cm higher at the centre than a juvenile one (research.md §5,
   * northwesternhair); Shapiro: plan for future loss, start high. The lower end of that range.
   */
  matureHairlineRiseCm: 1,
  /**
   * research.md gives the rise, not the age by which the hairline has matured; ours: by 30 a
   * man's hairline has usually matured, and a line drawn lower looks young beside a face that is not.
   */
  matureHairlineAge: 30,
  /**
   * From Norwood 4 the front and top are bald and further loss is likely, so the hairline is
   * drawn as a mature, receding one ("Hairline": plan for future loss); clinics group stages
   * 2–3, 4–5 and 6–7 (research.md §8). Ours: the start of the middle group.
   */
  matureNorwoodStage: 4,
  /** FUT strip scar width, mm: strips are 1.0–1.5 cm wide when cut ("Scars"). */
  futStripWidthMm: 10,
  /** FUE punch scar diameter, mm: 0.7–1.0 ("Scars"). */
  fueScarDiameterMm: 0.85,
  protocols: {
    /**
     * Seed 000 ("Sessions"): Day 1 lays the base, Day 2 is the next day, the finishing session
     * about six weeks later; then a touch-up every year ("Two pigment families") that brings the
     * zone back to its target. The shares are ours: a light base, darker second day, the target
     * once the finishing session has settled.
     */
    temporary: {
      technique: 'temporary',
      durationMin: 420,
      /**
       * Temporary pigment "commonly lasts 1–2 years" and a touch-up is recommended every year
       * (seed 000): with its fade model a finished zone falls to 60% of its target in about eleven months.
       */
      touchUpShare: 0.6,
      steps: [
        { label: 'Day 1 – base', kind: 'base', gapDays: 0, cumulativeShare: 0.4 },
        { label: 'Day 2 – definition', kind: 'day-2', gapDays: 1, cumulativeShare: 0.75 },
        { label: 'Finishing', kind: 'finishing', gapDays: 42, cumulativeShare: 1 },
        { label: 'Yearly touch-up', kind: 'touch-up', gapDays: 365, cumulativeShare: 1 },
      ],
    },
    /**
     * Seed 002: sessions two to four weeks apart, one or two follow-ups; 2–4 sessions, most need
     * 3, building up 30% → 70% → 100% of the target ("Density", the published protocol).
     */
    permanent: {
      technique: 'permanent',
      durationMin: 180,
      /** Permanent touch-ups come every 2–5 years, once the look has visibly faded ("Fading"); 60% is our line. */
      touchUpShare: 0.6,
      steps: [
        { label: 'Foundation', kind: 'base', gapDays: 0, cumulativeShare: 0.3 },
        { label: 'Build-up', kind: 'follow-up', gapDays: 21, cumulativeShare: 0.7 },
        { label: 'Refinement', kind: 'finishing', gapDays: 21, cumulativeShare: 1 },
      ],
    },
  },
  /** Spacing windows by technique and session kind. */
  spacing: {
    temporary: {
      'day-2': {
        minDays: 1,
        maxDays: 7,
        from: 'previous',
        source: 'Seed 000: Day 2 is the day after Day 1; research.md §3: or a few days apart.',
      },
      'follow-up': {
        minDays: 7,
        maxDays: 42,
        from: 'previous',
        source: 'research.md §3: trico sessions a few days to about a month apart.',
      },
      finishing: {
        minDays: 42,
        maxDays: 183,
        from: 'first',
        source: 'Seed 000: six weeks (minimally) and up to six months after the initial procedure.',
      },
      extra: {
        minDays: 42,
        maxDays: null,
        from: 'previous',
        source: 'Seed 000: some need another 1–2 sessions after the finishing one; each heals like the finishing one.',
      },
      'touch-up': {
        minDays: 183,
        maxDays: 396,
        from: 'previous',
        source:
          'Seed 000: a touch-up every year (a leap year and a month of booking tolerated); research.md §3: no sooner than 6 months, touch-ups 2 months apart over-cover.',
      },
    },
    permanent: {
      'day-2': {
        minDays: 1,
        maxDays: 7,
        from: 'previous',
        source: 'Seed 000: consecutive days, for a clinic that works that way.',
      },
      'follow-up': {
        minDays: 14,
        maxDays: 28,
        from: 'previous',
        source: 'Seed 002: each session about two to four weeks apart.',
      },
      finishing: {
        minDays: 14,
        maxDays: 28,
        from: 'previous',
        source: 'Seed 002: each session about two to four weeks apart.',
      },
      extra: {
        minDays: 14,
        maxDays: null,
        from: 'previous',
        source: 'Seed 002: two to four weeks at least; research.md §3: about 20% need a 4th session.',
      },
      'touch-up': {
        minDays: 183,
        maxDays: null,
        from: 'previous',
        source: 'Seed 000: permanent pigment lasts 2–5 years; research.md §3: touch-ups every 2–6 years.',
      },
    },
  },
  /** The usual needles are 0.20 and 0.25 mm; 3RL fills density ("Impressions"). */
  needle: { config: '3RL', diameterMm: 0.25 },
  /**
   * Healed impressions are about 0.10 mm (ISHRS Forum), 90–150 µm (precisemicroscalps), 100–150 µm
   * (jonathangerow) (research.md §1): the single needle at the small end, three grouped at the
   * large, both for the usual 0.25 mm needle (0803); a finer or coarser needle scales them.
   */
  healedDotMm: { '1RL': 0.1, '3RL': 0.14 },
  /** "Up to 250 µm fresh" (jonathangerow, research.md §1); a single needle's fresh dot is smaller. */
  freshDotMm: { '1RL': 0.2, '3RL': 0.25 },
  /** Hand pressure changes dot size more than the needle does ("Impressions"). */
  dotSizeJitter: 0.15,
  /**
   * Dots bleed into a blob when they cover too much skin ("Sessions", migration). Finished SMP
   * at 190/cm² with healed 0.14 mm dots covers about 3%, 9% on the day with fresh 0.25 mm dots;
   * a quarter is our warning line.
   */
  coverageLimit: 0.25,
  /**
   * Seed 000: "it is risky to try to be too aggressive too fast" (migration). The published
   * build-up adds at most 40% of the target in one session (research.md §2); a yearly touch-up of
   * temporary pigment puts back what a year has cleared, about half. 65% is above every step of
   * both protocols; ours.
   */
  sessionShareLimit: 0.65,
  /**
   * Seed 000: "a minimum of three SMP sessions" (temporary, Shapiro); seed 002: "many patients
   * only require one or two follow-ups", so a permanent plan of two sessions is within the seeds.
   */
  minSessions: { temporary: 3, permanent: 2 },
  /**
   * Seed 000: inking again into a faded carbon-black impression that has changed colour makes it
   * bigger. With the catalogue's drift a colour shift of 0.15 is about 27% faded; ours.
   */
  reinkDriftLimit: 0.15,
  /** Scar tissue dropped 1.6 points against 0.9 at six months ("Fading"); fitted, that is a clock about 1.8× faster. */
  scarFadeFactor: 1.8,
  /** Wait 6–12 months after a transplant before treating its scars ("Scars"). */
  transplantWaitMonths: 6,
  /**
   * Seed 000 ("Consultation and candidates", Price): normally $800 – $2,400 depending on the
   * pattern, the area covered and whether scars are present; that is the minimum and maximum.
   * Clinics quote by stage, roughly doubling from each tier to the next ("Pricing": £400–850 for
   * Norwood 2–3, £850–1,500 for 4–5, £1,500–2,500 for 6–7). The bands are ours: about 100 cm² is a
   * hairline band and frontal patch (Norwood 2–3), 250 cm² adds the mid-scalp (4–5), more is the
   * whole top of the scalp (6–7); each scar camouflaged adds a little.
   */
  pricing: {
    currency: 'USD',
    bands: [
      { upToCm2: 100, low: 800, high: 1200 },
      { upToCm2: 250, low: 1200, high: 1800 },
      { upToCm2: null, low: 1800, high: 2400 },
    ],
    perScar: { low: 100, high: 300 },
    minimum: 800,
    maximum: 2400,
  },
  /** A photo's position is the patient's whereabouts, and originals travel in backups and archives. */
  removePhotoLocation: true,
} as const satisfies ClinicalSettings
