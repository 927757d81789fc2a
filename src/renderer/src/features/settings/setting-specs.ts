import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import { ZONE_ROLES } from '../../../../shared/design/design-types'
import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import { PERCENT, type Scale } from '../../ui/format'
import type { SettingPath } from './settings-paths'

/**
 * One number of the clinical settings as the form shows it. `min`, `max` and `step` are in
 * shown units and only guide the input: main validates, and says why a value is refused.
 */
export interface SettingSpec {
  path: SettingPath
  label: string
  /** Shown after the label: "mm", "%", "per cm²". */
  unit: string
  scale?: Scale
  /** Where the default comes from, in one line (`docs/domain/`). */
  source?: string
  min?: number
  max?: number
  step: number
}

export interface SettingGroup {
  title: string
  /** A source that holds for every field of the group. */
  note?: string
  fields: SettingSpec[]
}

export const ZONE_GROUP: SettingGroup = {
  title: 'Zone target densities',
  note: 'Finished SMP is roughly 100–190 impressions/cm²; the hairline band is densest so the edge reads as hair, the donor area lightest.',
  fields: [
    ...ZONE_ROLES.map(
      (role): SettingSpec => ({
        path: `zoneDensity.${role.value}`,
        label: role.label,
        unit: 'per cm²',
        min: DESIGN_LIMITS.density.min,
        max: DESIGN_LIMITS.density.max,
        step: 5,
      }),
    ),
    {
      path: 'zoneSoftnessMm',
      label: 'Zone edge softness',
      unit: 'mm',
      source: 'The density feathers out over this distance at a zone’s edge.',
      min: 0,
      max: DESIGN_LIMITS.softnessMm,
      step: 0.5,
    },
  ],
}

export const HAIRLINE_GROUP: SettingGroup = {
  title: 'Hairline',
  fields: [
    {
      path: 'hairlineFeatherMm',
      label: 'Hairline feather',
      unit: 'mm',
      source: 'Width of the soft, broken edge: small-scale irregularity (Shapiro).',
      min: 0,
      max: DESIGN_LIMITS.featherMm,
      step: 0.5,
    },
    {
      path: 'hairlineIrregularity',
      label: 'Hairline irregularity',
      unit: '0–1',
      source: '0 is a sharp edge-up, 1 a fully broken edge (SMP hairline styles).',
      min: 0,
      max: 1,
      step: 0.05,
    },
    {
      path: 'midFrontalHeightCm',
      label: 'Mid-frontal height (tape over the forehead)',
      unit: 'cm',
      source:
        'Above the glabella with a tape over the forehead: about 8, from 7 (aggressive) to 10 (conservative), Garg.',
      step: 0.1,
    },
    {
      path: 'frontoTemporalOffsetCm',
      label: 'Fronto-temporal offset (flat on the photo)',
      unit: 'cm',
      source: 'Garg’s 8 cm over the forehead projects to about 6.7 cm on a front photo.',
      step: 0.1,
    },
    {
      path: 'foreheadRadiusCm',
      label: 'Forehead curve radius',
      unit: 'cm',
      source: 'Turns tape heights into photo heights: 8 cm of tape over an 8 cm curve shows as 6.7 cm flat.',
      min: 3,
      max: 30,
      step: 0.5,
    },
    {
      path: 'lowestHairlineCm',
      label: 'Lowest hairline (tape)',
      unit: 'cm',
      source: 'Garg: 7 cm is the aggressive end; Shapiro: never too low. A lower hairline is flagged.',
      min: 3,
      max: 14,
      step: 0.1,
    },
    {
      path: 'matureHairlineRiseCm',
      label: 'Mature hairline rise (tape)',
      unit: 'cm',
      source:
        'A mature hairline sits 1–2 cm higher at the centre; for older or advanced patients the lowest line rises by this.',
      min: 0,
      max: 5,
      step: 0.1,
    },
    {
      path: 'matureHairlineAge',
      label: 'Mature hairline from age',
      unit: 'years',
      source: 'Ours: by this age the hairline has usually matured; Shapiro: plan for future loss.',
      min: 14,
      max: 100,
      step: 1,
    },
    {
      path: 'matureNorwoodStage',
      label: 'Mature hairline from Norwood stage',
      unit: '',
      source: 'Ours: from this stage the front is bald and more loss is likely, so the line is drawn receding.',
      min: 1,
      max: 7,
      step: 1,
    },
  ],
}

export const SCAR_GROUP: SettingGroup = {
  title: 'Scars and transplants',
  fields: [
    {
      path: 'futStripWidthMm',
      label: 'FUT strip scar width',
      unit: 'mm',
      source: 'Strips are 1.0–1.5 cm wide when cut; the scar can widen.',
      max: DESIGN_LIMITS.widthMm,
      step: 0.5,
    },
    {
      path: 'fueScarDiameterMm',
      label: 'FUE scar diameter',
      unit: 'mm',
      source: 'FUE punch scars are 0.7–1.0 mm across.',
      min: DESIGN_LIMITS.dotMm.min,
      max: DESIGN_LIMITS.dotMm.max,
      step: 0.05,
    },
    {
      path: 'transplantWaitMonths',
      label: 'Wait after a transplant',
      unit: 'months',
      source: 'Wait 6–12 months after a transplant before treating its scars.',
      min: 0,
      step: 1,
    },
  ],
}

export const NEEDLE_DIAMETER: SettingSpec = {
  path: 'needle.diameterMm',
  label: 'Default needle diameter',
  unit: 'mm',
  source: 'The usual needles are 0.20 mm (0603) and 0.25 mm (0803).',
  min: PLAN_LIMITS.needleMm.min,
  max: PLAN_LIMITS.needleMm.max,
  step: 0.01,
}

export const DOT_GROUP: SettingGroup = {
  title: 'Needle and dots',
  fields: [
    {
      path: 'healedDotMm.1RL',
      label: '1RL healed dot',
      unit: 'mm',
      source:
        'Healed impressions are about 0.10 mm (ISHRS Forum), 90–150 µm; at the usual 0.25 mm needle, others in proportion.',
      min: 0.02,
      max: 1,
      step: 0.01,
    },
    {
      path: 'healedDotMm.3RL',
      label: '3RL healed dot',
      unit: 'mm',
      source: 'Healed impressions are 100–150 µm (research.md §1); three grouped needles at the large end.',
      min: 0.02,
      max: 1,
      step: 0.01,
    },
    {
      path: 'freshDotMm.1RL',
      label: '1RL dot on the day',
      unit: 'mm',
      source: 'Fresh impressions are up to 250 µm before they heal (research.md §1).',
      min: 0.02,
      max: 1,
      step: 0.01,
    },
    {
      path: 'freshDotMm.3RL',
      label: '3RL dot on the day',
      unit: 'mm',
      source: 'Fresh impressions are up to 250 µm before they heal (research.md §1).',
      min: 0.02,
      max: 1,
      step: 0.01,
    },
    {
      path: 'dotSizeJitter',
      label: 'Dot size variation',
      unit: '%',
      scale: PERCENT,
      source: 'Hand pressure changes dot size more than the needle does.',
      min: 0,
      max: 100,
      step: 1,
    },
    {
      path: 'coverageLimit',
      label: 'Coverage warning line',
      unit: '% of skin',
      scale: PERCENT,
      source:
        'Dots bleed into a blob when they cover too much skin; finished SMP covers about 3% healed, 9% on the day.',
      max: 100,
      step: 1,
    },
  ],
}

export const FADING_GROUP: SettingGroup = {
  title: 'Fading',
  fields: [
    {
      path: 'scarFadeFactor',
      label: 'Scar fade factor',
      unit: '× faster',
      source: 'Scar tissue lost 1.6 points against 0.9 at six months: a clock about 1.8× faster.',
      min: 1,
      step: 0.1,
    },
  ],
}

/** The lines the plan's warnings draw. */
export const WARNING_GROUP: SettingGroup = {
  title: 'Warning lines',
  fields: [
    {
      path: 'sessionShareLimit',
      label: 'Most one session adds',
      unit: '% of target',
      scale: PERCENT,
      source:
        'Seed 000: "too aggressive too fast" causes migration; the published build-up adds at most 40% a session.',
      min: 5,
      max: 200,
      step: 5,
    },
    {
      path: 'minSessions.temporary',
      label: 'Fewest temporary sessions',
      unit: 'sessions',
      source: 'Seed 000: "a minimum of three SMP sessions".',
      min: 1,
      max: 10,
      step: 1,
    },
    {
      path: 'minSessions.permanent',
      label: 'Fewest permanent sessions',
      unit: 'sessions',
      source: 'Seed 002: "many patients only require one or two follow-ups".',
      min: 1,
      max: 10,
      step: 1,
    },
    {
      path: 'reinkDriftLimit',
      label: 'Colour drift that warns against re-inking',
      unit: '%',
      scale: PERCENT,
      source: 'Seed 000: inking into a faded, colour-shifted impression makes it bigger.',
      min: 0,
      max: 100,
      step: 1,
    },
  ],
}
