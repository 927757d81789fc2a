import type { WorkerReply } from '../../src/renderer/src/features/simulation/raster-protocol'
import { ms } from './report'

/** What the dot worker reported: its own time for each reply, and when the reply reached the page. */
export interface WorkerTrace {
  kind: 'dots' | 'base' | 'detail' | 'preview' | 'error'
  /** The worker's own time for the work behind this reply. */
  millis: number
  tiles: number
  /** Zones read from the dot cache (a 'dots' reply). */
  cached: number
  /** When the page received it. */
  at: number
}

/** Records every reply the dot worker sends, before DotRenderer sees it (its `onReply`). */
export function traceReplies(trace: WorkerTrace[]): (reply: WorkerReply) => void {
  return (reply) => {
    const at = performance.now()
    if (reply.type === 'dots') trace.push({ kind: 'dots', millis: reply.millis, tiles: 0, cached: reply.cached, at })
    else if (reply.type === 'tiles')
      trace.push({ kind: reply.target, millis: reply.millis, tiles: reply.tiles.length, cached: 0, at })
    else trace.push({ kind: 'error', millis: 0, tiles: 0, cached: 0, at })
  }
}

/** The replies received in [from, to]: the worker's sampling and raster time and the tiles sent. */
export function workerWork(trace: readonly WorkerTrace[], from: number, to: number) {
  const seen = trace.filter((t) => t.at >= from && t.at <= to)
  const sum = (kind: WorkerTrace['kind']) => seen.filter((t) => t.kind === kind).reduce((s, t) => s + t.millis, 0)
  return {
    sample: sum('dots'),
    base: sum('base'),
    detail: sum('detail'),
    tiles: seen.filter((t) => t.kind === 'base').reduce((s, t) => s + t.tiles, 0),
  }
}

/** A fixed amount of arithmetic: its time says how much of a core this page is getting. */
export function referenceLoop(): number {
  const start = performance.now()
  let sum = 0
  for (let i = 1; i < 20_000_000; i++) sum += Math.sqrt(i) * (i & 1 ? 1 : -1)
  if (sum === 42) console.log(sum)
  return performance.now() - start
}

/**
 * What each UI-thread task over 50 ms in the runs `spans` held: the stage's draws (`watchDraws`)
 * and the worker's replies received that began in it. A task with neither is none of the
 * pipeline's steps: a garbage collection, or another task of the page. Only tasks over by a
 * span's end count, as for the longest task: the task a span ends in goes on to build the next
 * run's scene.
 */
export function longTaskParts(
  tasks: readonly { start: number; duration: number }[],
  spans: readonly [number, number][],
  draws: readonly { at: number; ms: number }[],
  trace: readonly WorkerTrace[],
): string[] {
  const lines: string[] = []
  for (const task of tasks) {
    const end = task.start + task.duration
    const run = spans.findIndex(([from, to]) => task.start < to && end > from && end <= to)
    if (run < 0) continue
    const inside = (at: number) => at >= task.start && at <= end
    const parts = [
      ...draws.filter((d) => inside(d.at)).map((d) => `a draw of the stage (${ms(d.ms)})`),
      ...trace.filter((t) => inside(t.at)).map((t) => `a ${t.kind} reply${t.tiles ? ` of ${t.tiles} tiles` : ''}`),
    ]
    const from = (spans[run] as [number, number])[0]
    lines.push(
      `run ${run + 1}: ${ms(task.duration)} from +${ms(task.start - from)}: ${parts.join(', ') || 'no draw and no reply (a collection, or another task)'}`,
    )
  }
  return lines
}
