import { DAYS_PER_YEAR, MS_PER_DAY, wallClockMs } from './plan-dates'
import type { FadeModel, Pigment } from './plan-types'

export type Rgb = [r: number, g: number, b: number]

/**
 * Share of a layer's settled pigment still present `years` after its session (1 at the session):
 * the decay part of the model. Scar tissue clears pigment faster, so its clock runs `scarFactor`
 * times faster.
 */
export function strengthAt(fade: FadeModel, years: number, scarFactor = 1): number {
  if (years <= 0) return 1
  const t = (years * scarFactor) / fade.tauYears
  return fade.floor + (1 - fade.floor) * Math.exp(-(t ** fade.shape))
}

/**
 * How much of a session's fresh look is still to settle `years` after it, 1 at the session and
 * 0 once settled: 95% of the settling is done by `settleDays`.
 */
export function unsettledAt(fade: FadeModel, years: number): number {
  if (years < 0) return 1
  if (fade.settleDays <= 0) return 0
  return Math.exp((-3 * years * DAYS_PER_YEAR) / fade.settleDays)
}

/**
 * How dark a layer looks `years` after its session, as a multiple of its healed look: fresh dots
 * and scabs look darker by 1 / (1 − settleLoss), which settles away over the first weeks, and
 * what is left decays. So the layer loses `settleLoss` of its fresh look while it settles.
 */
export function lookAt(fade: FadeModel, years: number, scarFactor = 1): number {
  const excess = fade.settleLoss / (1 - fade.settleLoss)
  return strengthAt(fade, years, scarFactor) * (1 + excess * unsettledAt(fade, years))
}

/** Years from a to b (negative when b is earlier); dates or date-times, wall clock. */
export function yearsBetween(a: string, b: string): number {
  return (wallClockMs(b) - wallClockMs(a)) / MS_PER_DAY / DAYS_PER_YEAR
}

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16)
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255]
}

const mix = (from: Rgb, to: Rgb, t: number): Rgb => [
  from[0] + (to[0] - from[0]) * t,
  from[1] + (to[1] - from[1]) * t,
  from[2] + (to[2] - from[2]) * t,
]

const WHITE: Rgb = [1, 1, 1]

/**
 * The colour of a dot, 0–1 per channel, when its layer has faded to `strength`. Carbon black
 * drifts toward its drift colour as it fades; temporary pigment holds no black and keeps its
 * colour. The drift acts on the ink and water then dilutes whatever the ink has become, so a light
 * grey drifts to a light blue-grey instead of darkening toward the neat drift colour.
 */
export function dotColour(pigment: Pigment, strength: number): Rgb {
  const drifted = pigment.carbonBlack
    ? mix(parseHex(pigment.shade), parseHex(pigment.driftColour), pigment.drift * (1 - clamp01(strength)))
    : parseHex(pigment.shade)
  return mix(drifted, WHITE, pigment.dilution)
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))
