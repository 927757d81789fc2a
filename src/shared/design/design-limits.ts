/**
 * What a design may hold. Apart from the schema so the renderer can show the same limits on
 * its fields without bundling the validator.
 */
export const DESIGN_LIMITS = {
  objects: 500,
  points: 2000,
  name: 80,
  note: 2000,
  density: { min: 1, max: 400 },
  softnessMm: 50,
  featherMm: 50,
  widthMm: 100,
  dotMm: { min: 0.1, max: 5 },
} as const
