import { type FrameTime, median, percentile } from './frames'

/** The benchmark's printout: one table of figures against their targets, then the breakdowns. */

export interface Row {
  figure: string
  measured: string
  target: string
  pass: boolean | null
}
export const rows: Row[] = []
/** Facts about the run, printed above the table. */
export const notes: string[] = []
/** Lines printed under the table: where the time went. */
export const breakdown: string[] = []
let printed = false

export const ms = (value: number) => `${value.toFixed(1)} ms`
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export function row(figure: string, measured: string, target: string, pass: boolean | null): void {
  rows.push({ figure, measured, target, pass })
}

/** Keeps a breakdown line for a run of frames; returns its median and p95 frame work. */
export function frameRows(label: string, times: FrameTime[]): { median: number; p95: number } {
  const totals = times.map((t) => t.total)
  const part = (key: keyof FrameTime) => ms(median(times.map((t) => t[key])))
  breakdown.push(
    `${label.padEnd(38)} react ${part('react').padStart(8)}  draw ${part('draw').padStart(8)}  raster ${part('raster').padStart(8)}  total ${part('total').padStart(8)}  max ${ms(Math.max(...totals)).padStart(9)}  (${times.length} frames)`,
  )
  return { median: median(totals), p95: percentile(totals, 95) }
}

/** Prints everything once, whichever of the last test or the clean-up gets there first. */
export function printTable(): void {
  if (printed) return
  printed = true
  const widths = [52, 22, 12]
  const line = (cells: string[], result: string) =>
    `${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} | ${result}`
  const out = [
    '',
    `Session layers benchmark: ${notes.join('; ')}`,
    line(['figure', 'measured', 'target'], 'result'),
    line(['-'.repeat(52), '-'.repeat(22), '-'.repeat(12)], '------'),
    ...rows.map((r) => line([r.figure, r.measured, r.target], r.pass === null ? 'info' : r.pass ? 'PASS' : 'MISS')),
    '',
    'Frame work by part (medians):',
    ...breakdown,
    '',
  ]
  console.log(out.join('\n'))
}
