import { parentPort } from 'node:worker_threads'
import { grewWasmMemory } from '../services/photos/image-pipeline'
import { HEAVY_JOBS, type HeavyJobName } from './heavy-jobs'
import { carryError } from './worker-errors'

/**
 * A worker thread running the work too heavy for main's event loop (decoding, inflating,
 * hashing, validating, whole-file checks), one job at a time, each answered by its id.
 */
const port = parentPort
if (!port) throw new Error('heavy-worker runs only as a worker thread')

port.on('message', async (message: { id: number; name: HeavyJobName; input: unknown }) => {
  try {
    const run = HEAVY_JOBS[message.name] as (input: unknown) => unknown
    const value = await run(message.input)
    port.postMessage({ id: message.id, recycle: grewWasmMemory(), ok: true, value })
  } catch (error) {
    port.postMessage({ id: message.id, recycle: grewWasmMemory(), ok: false, error: carryError(error) })
  }
})

// Jobs are timed from here: loading the decoders is not the job's time.
port.postMessage({ ready: true })
