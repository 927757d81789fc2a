import type { NeedleConfig, Technique } from '../plan/plan-types'

/**
 * One step of a protocol template: how long after the previous session it is proposed, the
 * shortest and longest gap the protocol allows, and the share of each zone's target density
 * reached once it is done (cumulative, so 0.3 → 0.7 → 1 is the published build-up).
 */
export interface ProtocolStep {
  label: string
  gapDays: number
  minGapDays: number
  /** null: no upper limit. */
  maxGapDays: number | null
  cumulativeShare: number
}

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
  futStripWidthMm: number
  fueScarDiameterMm: number
  protocols: Record<Technique, ProtocolTemplate>
  needle: { config: NeedleConfig; diameterMm: number }
  /** Healed dot diameter as a multiple of the needle's, by grouping. */
  dotSizeFactor: Record<NeedleConfig, number>
  /** Standard deviation of a dot's diameter as a share of its mean: hand pressure varies. */
  dotSizeJitter: number
  /** A fresh dot's diameter, on the day of its session, as a multiple of its healed one. */
  freshDotScale: number
  /** Warn when dot area × density covers more than this share of the skin. */
  coverageLimit: number
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
  /** FUT strip scar width, mm: strips are 1.0–1.5 cm wide when cut ("Scars"). */
  futStripWidthMm: 10,
  /** FUE punch scar diameter, mm: 0.7–1.0 ("Scars"). */
  fueScarDiameterMm: 0.85,
  protocols: {
    /**
     * Seed 000 ("Sessions"): Day 1 lays the base, Day 2 is the next day, the finishing session at
     * least 6 weeks later and up to 6 months; then a touch-up every year ("Two pigment
     * families"), no sooner than 6 months since touch-ups 2 months apart over-cover. The shares
     * are ours: light base, darker second day, full at finishing, a fifth more at touch-up to
     * restore what has faded.
     */
    temporary: {
      technique: 'temporary',
      durationMin: 420,
      /**
       * Temporary pigment is meant to be nearly gone within a year or two and touched up every
       * 6–12 months ("Two pigment families"; research.md, trico maintenance): with its fade model
       * a finished plan falls to 15% of target after about eight months.
       */
      touchUpShare: 0.15,
      steps: [
        { label: 'Day 1 – base', gapDays: 0, minGapDays: 0, maxGapDays: null, cumulativeShare: 0.4 },
        { label: 'Day 2 – definition', gapDays: 1, minGapDays: 1, maxGapDays: 7, cumulativeShare: 0.75 },
        { label: 'Finishing', gapDays: 42, minGapDays: 42, maxGapDays: 183, cumulativeShare: 1 },
        { label: 'Yearly touch-up', gapDays: 365, minGapDays: 183, maxGapDays: 365, cumulativeShare: 1.2 },
      ],
    },
    /**
     * Seed 002 and "Session spacing (permanent)": 10–30 days apart, 2–4 sessions (most need 3),
     * building up 30% → 70% → 100% of the target ("Density", the published protocol).
     */
    permanent: {
      technique: 'permanent',
      durationMin: 180,
      /** Permanent touch-ups come every 2–5 years, once the look has visibly faded ("Fading"); 60% is our line. */
      touchUpShare: 0.6,
      steps: [
        { label: 'Session 1 – foundation', gapDays: 0, minGapDays: 0, maxGapDays: null, cumulativeShare: 0.3 },
        { label: 'Session 2 – build-up', gapDays: 14, minGapDays: 10, maxGapDays: 30, cumulativeShare: 0.7 },
        { label: 'Session 3 – refinement', gapDays: 14, minGapDays: 10, maxGapDays: 30, cumulativeShare: 1 },
      ],
    },
  },
  /** The usual needles are 0.20 and 0.25 mm; 3RL fills density ("Impressions"). */
  needle: { config: '3RL', diameterMm: 0.25 },
  /**
   * A single needle leaves a dot about its own width; three grouped needles converge to a wider
   * dot, less than the 2.15× of three touching circles ("Impressions": pressure matters more).
   */
  dotSizeFactor: { '1RL': 1, '3RL': 1.6 },
  /** Hand pressure changes dot size more than the needle does ("Impressions"). */
  dotSizeJitter: 0.15,
  /**
   * Up to 250 µm fresh against 100–150 µm healed (research.md, "Impressions": jonathangerow.com):
   * a fresh dot is about 1.7× its healed size until the skin settles.
   */
  freshDotScale: 1.7,
  /**
   * Dots bleed into a blob when they cover too much skin ("Sessions", migration). Finished SMP
   * at 190/cm² with a 0.25 mm single-needle dot covers about 9%; a quarter is our warning line.
   */
  coverageLimit: 0.25,
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
