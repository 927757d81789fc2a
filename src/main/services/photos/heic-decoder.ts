import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export interface DecodedHeic {
  width: number
  height: number
  /** RGBA, four bytes a pixel. */
  data: Uint8ClampedArray
}

/**
 * Runs in the worker: heic-decode (libheif's WebAssembly build), its RGBA handed back without a
 * copy. Plain CommonJS, evaluated as it is: nothing to build, and `decoder` is a resolved path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
require(workerData.decoder)({ buffer: workerData.bytes }).then(
  ({ width, height, data }) => parentPort.postMessage({ width, height, data }, [data.buffer]),
  (error) => parentPort.postMessage({ failed: String(error) }),
)
`

let decoderPath: string | null = null

/**
 * A HEIC decoded in a worker thread of its own, ended once it answers. libheif's WebAssembly heap
 * grows to hold a photo's planes and never shrinks: decoded in the decode process itself, a
 * 12 MP photo left 164 MB there and a 25 MP one about 260 MB, under every photo decoded after it.
 * A worker's heap goes with the worker. Rejects for a file libheif cannot decode.
 */
export function decodeHeic(bytes: Uint8Array): Promise<DecodedHeic> {
  decoderPath ??= createRequire(import.meta.url).resolve('heic-decode')
  // A copy of exactly the file, handed over: a view is cloned with the whole buffer under it (an
  // archive's original may lie in a buffer sized for a larger photo). Not `slice`: on a Node
  // Buffer that is a view, and handing its buffer over would take the caller's.
  const file = new Uint8Array(bytes)
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { decoder: decoderPath, bytes: file },
    transferList: [file.buffer],
  })
  return new Promise<DecodedHeic>((resolve, reject) => {
    worker.once('message', (answer: DecodedHeic | { failed: string }) =>
      'failed' in answer ? reject(new Error(answer.failed)) : resolve(answer),
    )
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`The HEIC decoder stopped (exit code ${code})`)))
  }).finally(() => worker.terminate())
}
