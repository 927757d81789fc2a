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

/** After a job this large the worker ends, so what it grew (decoder buffers, arenas) goes back to the system. */
const LARGE_INPUT_BYTES = 16 * 1024 * 1024

const largest = (input: unknown): number =>
  input instanceof Uint8Array
    ? input.byteLength
    : typeof input === 'object' && input !== null
      ? Math.max(0, ...Object.values(input).map(largest))
      : 0

port.on('message', async (message: { id: number; name: HeavyJobName; input: unknown }) => {
  const recycle = () => grewWasmMemory() || largest(message.input) > LARGE_INPUT_BYTES
  try {
    const run = HEAVY_JOBS[message.name] as (input: unknown, report: (percent: number) => void) => unknown
    const value = await run(message.input, (percent) => port.postMessage({ id: message.id, progress: percent }))
    port.postMessage({ id: message.id, recycle: recycle(), ok: true, value })
  } catch (error) {
    port.postMessage({ id: message.id, recycle: recycle(), ok: false, error: carryError(error) })
  }
})

// Jobs are timed from here: loading the decoders is not the job's time.
port.postMessage({ ready: true })
