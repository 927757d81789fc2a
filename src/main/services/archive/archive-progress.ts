/** Told how far long work has got, in whole percent. */
export type ReportPercent = (percent: number) => void

/** How far one part of the work has got, as a fraction of that part (0 to 1). */
export type ReportFraction = (fraction: number) => void

/**
 * Whole percents to `report`, each at most once and never going back, from work measured as a
 * fraction done: a bar fed from it moves only forward, and a large file sends ≤ 101 messages.
 */
export function percentReporter(report: ReportPercent): ReportFraction {
  let reported = -1
  return (fraction) => {
    const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100)
    if (percent <= reported) return
    reported = percent
    report(percent)
  }
}

/** One part of the whole, from `from` to `to` of it (fractions), reported as a fraction of its own. */
export const partOf =
  (whole: ReportFraction, from: number, to: number): ReportFraction =>
  (fraction) =>
    whole(from + (to - from) * fraction)

/** Counts units of work (bytes, photos) done of `total`, as a fraction to `report`. */
export function unitCounter(total: number, report: ReportFraction) {
  let done = 0
  return (units: number) => {
    done += units
    report(total > 0 ? done / total : 1)
  }
}
