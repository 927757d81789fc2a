import { formatDay, MS_PER_DAY, toDay } from '../../../../shared/plan/plan-dates'

export interface Tick {
  ms: number
  label: string
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24]
const AVERAGE_MONTH_DAYS = 30.44

/**
 * Ticks on the first of the month, every 1, 2, 3, 6, 12 or 24 months, whichever keeps them to
 * `most`; yearly ticks fall on 1 January and read as the year alone. Times are wall-clock
 * milliseconds (UTC fields), as the plan's dates are.
 */
export function monthTicks(fromMs: number, toMs: number, most = 8): Tick[] {
  const months = (toMs - fromMs) / MS_PER_DAY / AVERAGE_MONTH_DAYS
  const step = MONTH_STEPS.find((s) => months / s <= most) ?? 24
  const from = new Date(fromMs)
  let year = from.getUTCFullYear()
  let month = from.getUTCMonth() + 1
  month = Math.ceil(month / step) * step
  const ticks: Tick[] = []
  for (;;) {
    year += Math.floor(month / 12)
    month %= 12
    const ms = Date.UTC(year, month, 1)
    if (ms > toMs) return ticks
    const day = toDay(ms)
    ticks.push({ ms, label: step >= 12 ? day.slice(0, 4) : formatDay(day).replace(/^1 /, '') })
    month += step
  }
}

/** Whole percentages for the strength axis, every 25% up to the first at or above `max`. */
export function percentTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max * 4) / 4)
  return Array.from({ length: Math.round(top * 4) + 1 }, (_, i) => i / 4)
}
