import { dotColour, type Rgb, strengthAt } from '../../../../shared/plan/fade'
import type { FadeModel, Pigment } from '../../../../shared/plan/plan-types'

/** The span the catalogue charts: permanent SMP lasts 2–5 years, temporary is gone well before. */
export const CHART_YEARS = 5

/** Whether the numbers make a curve at all; while one is being typed (or is out of range) they may not. */
export function isDrawable(fade: FadeModel): boolean {
  return (
    Number.isFinite(fade.tauYears) &&
    fade.tauYears > 0 &&
    Number.isFinite(fade.shape) &&
    fade.shape > 0 &&
    Number.isFinite(fade.floor) &&
    fade.floor >= 0 &&
    fade.floor < 1
  )
}

/** Strength (0–1) at evenly spaced times over the chart's span, dense enough for a smooth line. */
export function fadeSamples(fade: FadeModel, count = 60): { years: number; strength: number }[] {
  return Array.from({ length: count + 1 }, (_, i) => {
    const years = (CHART_YEARS * i) / count
    return { years, strength: strengthAt(fade, years) }
  })
}

const percent = (x: number) => `${Math.round(x * 100)}%`

/** The curve in words, for a screen reader and a tooltip: what is left at a few telling times. */
export function fadeSummary(fade: FadeModel): string {
  const at = (years: number, label: string) => `${percent(strengthAt(fade, years))} after ${label}`
  return [at(0.5, '6 months'), at(1, '1 year'), at(2, '2 years'), at(CHART_YEARS, `${CHART_YEARS} years`)].join(', ')
}

/** A pigment as the catalogue draws it: a saved one, or one being edited that has no id yet. */
export type PigmentLook = Omit<Pigment, 'id'>

/** A dot's colour when fresh (strength 1). */
export const freshColour = (pigment: PigmentLook): Rgb => dotColour({ ...pigment, id: '' }, 1)

/** A dot's colour at the end of the chart: carbon black shows the blue-green it drifts into. */
export const fadedColour = (pigment: PigmentLook): Rgb =>
  dotColour({ ...pigment, id: '' }, strengthAt(pigment.fade, CHART_YEARS))

/** A colour of 0–1 channels as CSS; 'none' while a number it is made from is still being typed. */
export const rgbCss = (rgb: Rgb) =>
  rgb.every(Number.isFinite) ? `rgb(${rgb.map((c) => Math.round(c * 255)).join(' ')})` : 'none'
