/**
 * Clinical starting values, each with where it comes from. Every figure here is only a default:
 * the artist changes it on the object it applies to. Sources are the sections of
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
} as const

export type ClinicalDefaults = typeof CLINICAL_DEFAULTS
