import { parentPort } from 'node:worker_threads'
import { HEAVY_JOBS, type HeavyJobName } from './heavy-jobs'
import { carryError } from './worker-errors'

/** A worker thread running whole-file checks too long for main's event loop, one job at a time, each answered by its id. */
const port = parentPort
if (!port) throw new Error('heavy-worker runs only as a worker thread')

port.on('message', async (message: { id: number; name: HeavyJobName; input: unknown }) => {
  try {
    const run = HEAVY_JOBS[message.name] as (input: unknown) => unknown
    port.postMessage({ id: message.id, ok: true, value: await run(message.input) })
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: carryError(error) })
  }
})

// Jobs are timed from here: loading the modules is not the job's time.
port.postMessage({ ready: true })
