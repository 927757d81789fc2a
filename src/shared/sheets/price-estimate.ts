import type { PriceBand, PriceTable } from '../settings/clinical-defaults'

/** What an estimate is made from: what the sheet's plan treats. */
export interface PriceBasis {
  /** Sum of the treated zones' areas that are known (on calibrated photos), cm². */
  treatedAreaCm2: number
  /** Treated zones whose area is unknown because their photo is not calibrated. */
  unmeasuredZones: number
  scars: number
}

export interface PriceEstimate {
  low: number
  high: number
  currency: string
  /** The band the area fell in. */
  band: PriceBand
  /** The sum was held to the table's minimum or maximum. */
  held: boolean
  limits: { minimum: number; maximum: number }
  basis: PriceBasis
}

/** The band the area falls in: the first whose largest area it does not exceed, else the last. */
export function bandFor(bands: readonly PriceBand[], areaCm2: number): PriceBand {
  const band = bands.find((b) => b.upToCm2 === null || areaCm2 <= b.upToCm2) ?? bands.at(-1)
  if (!band) throw new Error('A price table has at least one band')
  return band
}

const within = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/**
 * The cost range of a plan: the area band's range plus each scar's, then held inside the
 * clinic's usual minimum and maximum. Seed 000 quotes the whole course as normally $800–2,400
 * "depending on the thinning pattern, the area covered and whether scars are present", so the
 * sum is a position inside that range rather than an open-ended total. Nothing treated is still
 * a consultation for the smallest band.
 */
export function estimatePrice(table: PriceTable, basis: PriceBasis): PriceEstimate {
  const band = bandFor(table.bands, basis.treatedAreaCm2)
  const sumLow = band.low + basis.scars * table.perScar.low
  const sumHigh = band.high + basis.scars * table.perScar.high
  const low = within(sumLow, table.minimum, table.maximum)
  const high = within(sumHigh, table.minimum, table.maximum)
  return {
    low,
    high: Math.max(low, high),
    currency: table.currency,
    band,
    held: low !== sumLow || high !== sumHigh,
    limits: { minimum: table.minimum, maximum: table.maximum },
    basis,
  }
}

/** "$1,200" in the table's currency, whole units: an estimate is never quoted to the cent. */
export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(value)
  } catch {
    return `${currency} ${Math.round(value).toLocaleString('en')}`
  }
}

/** "$1,200 – $1,800", or one figure when the range has closed to it. */
export function formatRange(estimate: Pick<PriceEstimate, 'low' | 'high' | 'currency'>): string {
  const low = formatMoney(estimate.low, estimate.currency)
  return estimate.low === estimate.high ? low : `${low} – ${formatMoney(estimate.high, estimate.currency)}`
}
