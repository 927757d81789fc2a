import type { SimSession, SimZone, ZoneSimulation } from '../../../../shared/simulation/simulate'

/** What the dot worker asks of a sampling worker: one zone, with its previous result to reuse (transferred). */
export interface SampleRequest {
  id: number
  zone: SimZone
  sessions: SimSession[]
  seedKey: string
  jitter: number
  previous?: ZoneSimulation
}

export type SampleReply = { id: number; result: ZoneSimulation } | { id: number; error: string }

/** The buffers of a zone's result, each once, to transfer it rather than copy it. */
export function zoneTransfer(result: ZoneSimulation): ArrayBuffer[] {
  const { x, y, r, stageEnds, stageTargets, units } = result
  const arrays = [x, y, r, stageEnds, stageTargets, units.rects, units.starts, units.counts, units.targets]
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]
}
