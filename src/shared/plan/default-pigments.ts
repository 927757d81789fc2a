import type { Pigment } from './plan-types'

/**
 * Temporary (trico) pigment. Settling: seed 000 expects it to "fade 30%–50% after procedure days
 * 1–2", between Day 2 and the finishing session six weeks later: 40% over 42 days. Decay: it
 * "commonly lasts 1–2 years" with a yearly touch-up and is "designed to fade completely over the
 * course of 24 months" (seed 000): held at first, then clearing, τ 1.25 years and shape 2.5 leave
 * 90% of a settled layer after six months, 56% after one year, 21% after eighteen months and 4%
 * after two years.
 */
export const TEMPORARY_FADE = {
  settleLoss: 0.4,
  settleDays: 42,
  tauYears: 1.25,
  shape: 2.5,
  floor: 0,
  sources:
    'Seed 000: fades 30–50% between Day 2 and the finishing session; lasts 1–2 years with a yearly touch-up; gone within 6–24 months.',
} as const

/**
 * Permanent carbon black. Settling: scabs are larger and darker than the healed dot (teammicro)
 * and a settling fade softens the dots over 3–6 months (vinci) (research.md §4); no sourced figure,
 * so 10% over 90 days, which with the decay matches the measured drop of visual density from 8.7
 * to 7.7 of 10 six months after the last session (PMC12406178). Decay: lasts 2–5 years and "may
 * never fade completely" (seed 000): a floor of 30%, τ 3.83 years and shape 1.82 keep 82% after
 * two years, fall below 60% at three and a half and leave 44% at five.
 */
export const PERMANENT_FADE = {
  settleLoss: 0.1,
  settleDays: 90,
  tauYears: 3.83,
  shape: 1.82,
  floor: 0.3,
  sources:
    'Seed 000: lasts 2–5 years and may never fade completely; research.md §4: visual density 8.7 → 7.7 of 10 at six months.',
} as const

/** A faded carbon-black dot looks blue-grey-green (seed 000: black "can eventually fade into a blue or green tone"). */
const CARBON_DRIFT = '#2f5a63'

/** The most common permanent pigment; a new catalogue entry starts from it too. */
export const CARBON_MEDIUM_GREY: Pigment = {
  id: 'smp-carbon-medium',
  name: 'SMP carbon black, medium grey',
  shade: '#161616',
  dilution: 0.4,
  family: 'permanent',
  carbonBlack: true,
  fade: PERMANENT_FADE,
  drift: 0.55,
  driftColour: CARBON_DRIFT,
  retired: false,
}

/**
 * The catalogue a new database starts with. Temporary pigment holds no black; permanent SMP ink
 * is one carbon black diluted into greys ("Pigment shade").
 */
export const DEFAULT_PIGMENTS: readonly Pigment[] = [
  {
    id: 'trico-dark-brown',
    name: 'Trico dark brown (temporary)',
    shade: '#3b302b',
    dilution: 0.2,
    family: 'temporary',
    carbonBlack: false,
    fade: TEMPORARY_FADE,
    drift: 0,
    driftColour: '#3b302b',
    retired: false,
  },
  {
    id: 'trico-soft-grey',
    name: 'Trico soft grey (temporary)',
    shade: '#3b3835',
    dilution: 0.45,
    family: 'temporary',
    carbonBlack: false,
    fade: TEMPORARY_FADE,
    drift: 0,
    driftColour: '#3b3835',
    retired: false,
  },
  {
    id: 'smp-carbon-dark',
    name: 'SMP carbon black, dark',
    shade: '#161616',
    dilution: 0.2,
    family: 'permanent',
    carbonBlack: true,
    fade: PERMANENT_FADE,
    drift: 0.55,
    driftColour: CARBON_DRIFT,
    retired: false,
  },
  CARBON_MEDIUM_GREY,
  {
    id: 'smp-carbon-light',
    name: 'SMP carbon black, light grey',
    shade: '#161616',
    dilution: 0.6,
    family: 'permanent',
    carbonBlack: true,
    fade: PERMANENT_FADE,
    drift: 0.55,
    driftColour: CARBON_DRIFT,
    retired: false,
  },
]
