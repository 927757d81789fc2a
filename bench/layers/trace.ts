import type { WorkerReply } from '../../src/renderer/src/features/simulation/raster-protocol'

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
