/**
 * A number as a form shows it: at most `decimals` places and no float noise
 * (0.15 × 100 reads 15, not 15.000000000000002).
 */
export function formatNumber(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return ''
  return String(Number(value.toFixed(decimals)))
}

/** How a stored value is shown: a share (0.6) as a percentage (60), everything else as it is. */
export interface Scale {
  /** Shown = stored × factor. */
  factor: number
}

export const AS_IS: Scale = { factor: 1 }
export const PERCENT: Scale = { factor: 100 }

export const toShown = (stored: number, scale: Scale) => stored * scale.factor
// Dividing (not multiplying by 0.01) keeps 15 → 0.15 exact to the last digit.
export const toStored = (shown: number, scale: Scale) => shown / scale.factor
