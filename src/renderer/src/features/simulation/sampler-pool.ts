import { polygonArea } from '../../../../shared/geometry/polygon'
import { type SimInput, type SimZone, simulateZone, type ZoneSimulation } from '../../../../shared/simulation/simulate'
import type { SampleReply, SampleRequest } from './sampler-protocol'
import { zoneTransfer } from './sampler-protocol'
import SamplerWorker from './sampler-worker?worker&inline'

/**
 * The dot worker's sampling workers: zones to sample are shared out between them, the largest
 * first, each to the one with the least work so far, and the results come back in zone order.
 * A zone's dots are a function of the plan alone (its seed, outline and sessions, and the
 * previous result only to skip work), so the split never changes them.
 */

/** Two: the machines the app runs on have two cores at least, and the page needs little while sampling. */
const POOL_SIZE = 2

export interface ZoneJob {
  zone: SimZone
  /** The zone's previous result, given up to the job (its buffers are transferred). */
  previous?: ZoneSimulation
}

export class SamplerPool {
  private workers: Worker[] | null = null
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (r: ZoneSimulation) => void; reject: (e: Error) => void }>()

  /** The results of `jobs`, in their order. */
  sample(input: SimInput, jobs: readonly ZoneJob[]): Promise<ZoneSimulation[]> {
    // Every zone read from the dot cache: no worker is started to compete with the raster.
    if (jobs.length === 0) return Promise.resolve([])
    const workers = this.start()
    if (!workers || (jobs.length <= 1 && !workers.length))
      return Promise.resolve(
        jobs.map((job) =>
          simulateZone(job.zone, input.sessions, input.seedKey, input.jitter, job.previous, job.previous),
        ),
      )
    // About the zone's dot count: its area times all the density its sessions add.
    const cost = (job: ZoneJob) =>
      Math.abs(polygonArea(job.zone.polygon)) *
      input.sessions.reduce(
        (sum, s) => sum + s.treatments.reduce((d, t) => d + (t.zoneId === job.zone.id ? t.densityPerPx2 : 0), 0),
        0,
      )
    const order = jobs.map((_, i) => i).sort((a, b) => cost(jobs[b] as ZoneJob) - cost(jobs[a] as ZoneJob) || a - b)
    const load = workers.map(() => 0)
    const results: Promise<ZoneSimulation>[] = new Array(jobs.length)
    for (const i of order) {
      const job = jobs[i] as ZoneJob
      const w = load.indexOf(Math.min(...load))
      load[w] = (load[w] as number) + cost(job)
      results[i] = this.send(workers[w] as Worker, input, job)
    }
    return Promise.all(results)
  }

  dispose(message = 'The sampling workers were stopped.'): void {
    for (const worker of this.workers ?? []) worker.terminate()
    this.workers = null
    for (const { reject } of this.pending.values()) reject(new Error(message))
    this.pending.clear()
  }

  /** The workers, started on first use; null where a worker cannot start workers, which then samples itself. */
  private start(): Worker[] | null {
    if (this.workers) return this.workers
    if (typeof Worker === 'undefined') return null
    this.workers = Array.from({ length: POOL_SIZE }, () => {
      const worker = new SamplerWorker()
      worker.onmessage = (event: MessageEvent<SampleReply>) => this.receive(event.data)
      // A worker that fails outside a job leaves the pool unusable: every waiting job fails and
      // the next sampling starts new workers.
      worker.onerror = (event) => this.dispose(event.message || 'A sampling worker failed.')
      return worker
    })
    return this.workers
  }

  private send(worker: Worker, input: SimInput, job: ZoneJob): Promise<ZoneSimulation> {
    const id = this.nextId++
    const request: SampleRequest = {
      id,
      zone: job.zone,
      sessions: input.sessions,
      seedKey: input.seedKey,
      jitter: input.jitter,
      ...(job.previous && { previous: job.previous }),
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage(request, job.previous ? zoneTransfer(job.previous) : [])
    })
  }

  private receive(reply: SampleReply): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    this.pending.delete(reply.id)
    if ('error' in reply) waiting.reject(new Error(reply.error))
    else waiting.resolve(reply.result)
  }
}
