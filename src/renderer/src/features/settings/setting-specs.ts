import { DESIGN_LIMITS } from '../../../../shared/design/design-limits'
import { ZONE_ROLES } from '../../../../shared/design/design-types'
import { PLAN_LIMITS } from '../../../../shared/plan/plan-limits'
import { PERCENT, type Scale } from './format-number'
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
      label: 'Mid-frontal height',
      unit: 'cm',
      source: 'Above the glabella: about 8, from 7 (aggressive) to 10 (conservative), Garg.',
      step: 0.1,
    },
    {
      path: 'frontoTemporalOffsetCm',
      label: 'Fronto-temporal offset',
      unit: 'cm',
      source: 'Garg’s 8 cm over the forehead projects to about 6.7 cm on a front photo.',
      step: 0.1,
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
      path: 'dotSizeFactor.1RL',
      label: '1RL dot size',
      unit: '× needle',
      source: 'A single needle leaves a healed dot about its own width.',
      step: 0.05,
    },
    {
      path: 'dotSizeFactor.3RL',
      label: '3RL dot size',
      unit: '× needle',
      source: 'Three grouped needles converge to a wider dot, less than three touching circles (2.15×).',
      step: 0.05,
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
      path: 'freshDotScale',
      label: 'Fresh dot size',
      unit: '× healed',
      source: 'Up to 0.25 mm on the day of the session against 0.10–0.15 mm healed.',
      min: 1,
      max: 3,
      step: 0.05,
    },
    {
      path: 'coverageLimit',
      label: 'Coverage warning line',
      unit: '% of skin',
      scale: PERCENT,
      source: 'Dots bleed into a blob when they cover too much skin; finished SMP covers about 9%.',
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
