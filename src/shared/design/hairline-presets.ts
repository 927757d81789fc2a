import type { Line } from '../geometry/line'
import type { Point } from '../geometry/point'
import { CLINICAL_DEFAULTS } from '../settings/clinical-defaults'
import { tapeToFlatCm } from './forehead'

export const HAIRLINE_PRESETS = [
  { value: 'rounded', label: 'Natural / rounded' },
  { value: 'straight', label: 'Straight' },
  { value: 'widows-peak', label: "Widow's peak" },
] as const
export type HairlinePreset = (typeof HAIRLINE_PRESETS)[number]['value']

/**
 * One half of each preset, from the temporal peak to the midline, as (lateral, height) in units
 * of the fronto-temporal offset (flat on the photo) and the mid-frontal height (tape over the
 * forehead), so both defaults (and the artist's settings) scale the whole shape.
 */
const HALVES: Record<HairlinePreset, [number, number][]> = {
  rounded: [
    [0.85, 0.55],
    [1, 1.07],
    [0.55, 1.04],
    [0, 1],
  ],
  straight: [
    [0.85, 0.55],
    [1, 1],
    [0.5, 1],
    [0, 1],
  ],
  'widows-peak': [
    [0.85, 0.55],
    [1, 1.07],
    [0.45, 1.05],
    [0.12, 1.01],
    [0, 0.91],
  ],
}

/**
 * The scale taken for an uncalibrated photo, so presets and mm-wide previews still have a
 * plausible size: the mid-frontal height spans 40 % of the photo's height, or less on a photo
 * so narrow that the temples would fall past its edges (their offset is held to 45 % of the width).
 */
export function assumedPxPerMm(image: { width: number; height: number }): number {
  return Math.min(
    (image.height * 0.4) / (CLINICAL_DEFAULTS.midFrontalHeightCm * 10),
    (image.width * 0.45) / (CLINICAL_DEFAULTS.frontoTemporalOffsetCm * 10),
  )
}

/** Where a preset is placed: the glabella, the unit vectors up the forehead and to one side, and the scale. */
export interface PresetFrame {
  origin: Point
  up: Point
  side: Point
  pxPerMm: number
}

/**
 * The frame a preset is drawn in. With a glabella and a calibration it is true to size; without
 * a glabella it sits on the midline (or the photo's centre line) low in the photo; without a
 * calibration it takes the assumed scale.
 */
export function presetFrame(
  image: { width: number; height: number },
  glabella: Point | null,
  midline: Line | null,
  up: Point,
  pxPerMm: number | null,
): PresetFrame {
  const scale = pxPerMm ?? assumedPxPerMm(image)
  let origin = glabella
  if (!origin) {
    const y = image.height * 0.8
    const x = midline ? xOnLineAt(midline, y) : image.width / 2
    origin = { x, y }
  }
  // The stored half lies on the photo's left, so the artist edits the side drawn first.
  const side = { x: up.y, y: -up.x }
  return { origin, up, side: side.x > 0 ? { x: -side.x, y: -side.y } : side, pxPerMm: scale }
}

function xOnLineAt({ a, b }: Line, y: number): number {
  if (a.y === b.y) return (a.x + b.x) / 2
  return a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y)
}

/** The preset's stored half in image pixels, ready to be mirrored about the midline. */
export function presetHalf(
  preset: HairlinePreset,
  frame: PresetFrame,
  heightCm: number = CLINICAL_DEFAULTS.midFrontalHeightCm,
  offsetCm: number = CLINICAL_DEFAULTS.frontoTemporalOffsetCm,
  foreheadRadiusCm: number = CLINICAL_DEFAULTS.foreheadRadiusCm,
): Point[] {
  const { origin, up, side, pxPerMm } = frame
  return HALVES[preset].map(([lateral, height]) => {
    const sideMm = lateral * offsetCm * 10
    // The height is a tape measure over the forehead (Garg); the photo shows it flat.
    const upMm = tapeToFlatCm(height * heightCm, foreheadRadiusCm) * 10
    return {
      x: origin.x + (side.x * sideMm + up.x * upMm) * pxPerMm,
      y: origin.y + (side.y * sideMm + up.y * upMm) * pxPerMm,
    }
  })
}
