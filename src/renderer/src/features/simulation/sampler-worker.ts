/// <reference lib="webworker" />
import { simulateZone } from '../../../../shared/simulation/simulate'
import { type SampleReply, type SampleRequest, zoneTransfer } from './sampler-protocol'

/**
 * A sampling worker of the dot worker's pool: samples the zones it is sent, reusing what it can
 * of the previous result that comes with each, and sends the results back. It keeps nothing, so
 * which worker samples a zone never changes the result.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<SampleRequest>) => {
  const { id, zone, sessions, seedKey, jitter, previous } = event.data
  try {
    // The previous result was given up to this job: its arrays take the new dots.
    const result = simulateZone(zone, sessions, seedKey, jitter, previous, previous)
    scope.postMessage({ id, result } satisfies SampleReply, zoneTransfer(result))
  } catch (error) {
    const message = error instanceof Error ? error.message : 'A zone could not be sampled.'
    scope.postMessage({ id, error: message } satisfies SampleReply)
  }
}
