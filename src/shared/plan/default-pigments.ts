import type { Pigment } from './plan-types'

/**
 * Fade models fitted to the domain notes ("Fading", "Two pigment families"):
 * - temporary: 30–50% lighter six weeks after the second session and gone within 6–24 months,
 *   fastest at first: τ 0.305 years, shape 0.69 gives 60% at six weeks, 5% at 18 months, 2.6%
 *   at two years;
 * - permanent carbon black: the visual density score fell 8.7 → 7.7 of 10 in six months and the
 *   look lasts 2–5 years without ever fully clearing: floor 0.3, τ 3.15 years, shape 0.934 gives
 *   about 89% at six months and 50% at four years.
 */
export const TEMPORARY_FADE = { tauYears: 0.305, shape: 0.69, floor: 0 } as const
export const PERMANENT_FADE = { tauYears: 3.15, shape: 0.934, floor: 0.3 } as const

/** A faded carbon-black dot looks blue-grey-green (domain notes, "Fading": blue/green shift). */
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
