import { MAX_PNG_SIDE } from '../../../../shared/sheets/png-resolution'
import { nextTask } from './next-task'
import { adler32Combine, PNG_SIGNATURE, type PngChannels, pngChunk, pngEnd, pngHeader, ZLIB_HEADER } from './png-format'
import type { PngWorkerReply, PngWorkerRequest } from './png-protocol'
import PngWorker from './png-worker?worker&inline'

/**
 * Rows are read from the picture about this many bytes at a time: each read is a few
 * milliseconds of the UI thread, and the workers compress one band while the next is read.
 * Each band is one deflate block, with a Huffman code of its own.
 */
const BAND_BYTES = 2 << 20

/** Rows in one band of a picture this wide: what a picture given as `PictureRows` is cut into. */
export function pngBandRows(width: number): number {
  return Math.max(1, Math.floor(BAND_BYTES / (width * 4)))
}

/**
 * A picture already cut into bands of `pngBandRows(width)` rows, RGBA as `getImageData` reads
 * them, top to bottom: each band goes to a worker as it is, the buffers handed over.
 */
export interface PictureRows {
  width: number
  height: number
  bands: ArrayBuffer[]
  /** No pixel has alpha below 255: the PNG is written without alpha. */
  opaque: boolean
}

/**
 * The picture is cut into this many horizontal parts at most, each filtered and deflated by
 * its own worker and joined on a byte boundary: two cores halve the time.
 */
const MAX_PARTS = 2

interface Band {
  part: number
  top: number
  rows: number
}

interface PartResult {
  idat: Blob
  adler: number
  length: number
}

/**
 * An export's workers are kept this long for the next one: a fresh worker runs its first bands
 * several times slower until V8 has optimised them.
 */
const KEEP_WORKERS_MS = 60_000

let kept: { workers: Worker[]; timer: ReturnType<typeof setTimeout> } | null = null
/** Numbers every part's job, so a kept worker's reply is never taken for a later export's. */
let lastJob = 0

function takeWorkers(count: number): Worker[] {
  const warm = kept
  kept = null
  if (warm) clearTimeout(warm.timer)
  const workers = warm?.workers.slice(0, count) ?? []
  for (const extra of warm?.workers.slice(count) ?? []) extra.terminate()
  while (workers.length < count) workers.push(new PngWorker() as Worker)
  return workers
}

function keepWorkers(workers: Worker[]): void {
  if (kept) {
    clearTimeout(kept.timer)
    for (const worker of kept.workers) worker.terminate()
  }
  const timer = setTimeout(() => {
    if (kept?.timer !== timer) return
    for (const worker of kept.workers) worker.terminate()
    kept = null
  }, KEEP_WORKERS_MS)
  kept = { workers, timer }
}

/** A worker found a pixel whose alpha is below 255: the picture is written again with its alpha. */
class Translucent extends Error {}

/**
 * A picture's pixels as a PNG file of only IHDR, IDAT and IEND: no text, time or colour chunks.
 * Read in bands, so no task of the UI thread is long; filtered and deflated in workers, as the
 * bands come. Opaque pictures are written without alpha; any translucent pixel writes alpha too,
 * its colour as the canvas gives it back (not premultiplied), as Chromium's own encoder does.
 */
export async function encodePng(picture: HTMLCanvasElement | OffscreenCanvas | PictureRows): Promise<Blob> {
  const { width, height } = picture
  const fits = (side: number) => Number.isInteger(side) && side >= 1 && side <= MAX_PNG_SIDE
  if (!fits(width) || !fits(height))
    throw new Error(`A PNG of ${width} × ${height} px cannot be written: each side must be 1 to ${MAX_PNG_SIDE} px.`)
  const readRows = rowReader(picture)
  const bandRows = pngBandRows(width)
  const parts = Math.max(1, Math.min(MAX_PARTS, navigator.hardwareConcurrency || 1, Math.ceil(height / bandRows)))
  const workers = takeWorkers(parts)
  let healthy = false
  try {
    const read = (channels: PngChannels) =>
      deflateParts(readRows, workers, { width, height, bandRows, channels, job: ++lastJob })
    // A canvas is read again with alpha once a translucent pixel is found; bands given are
    // handed over, so their alpha is known before.
    let channels: PngChannels = 'bands' in picture && !picture.opaque ? 4 : 3
    let results: PartResult[]
    try {
      results = await read(channels)
    } catch (error) {
      if (!(error instanceof Translucent) || 'bands' in picture) throw error
      channels = 4
      results = await read(channels)
    }
    healthy = true
    let adler = 1
    for (const r of results) adler = adler32Combine(adler, r.adler, r.length)
    const trailer = new Uint8Array(4)
    new DataView(trailer.buffer).setUint32(0, adler)
    return new Blob(
      [
        PNG_SIGNATURE,
        pngHeader(width, height, channels),
        pngChunk('IDAT', ZLIB_HEADER),
        ...results.map((r) => r.idat),
        pngChunk('IDAT', trailer),
        pngEnd(),
      ] as BlobPart[],
      { type: 'image/png' },
    )
  } finally {
    // A failed export's workers may still be busy with it: never handed to the next.
    if (healthy) keepWorkers(workers)
    else for (const worker of workers) worker.terminate()
  }
}

/** Rows [top, top + rows) of a picture, RGBA as `getImageData` reads them, in a buffer of their own. */
type RowReader = (top: number, rows: number) => Uint8ClampedArray

function rowReader(picture: HTMLCanvasElement | OffscreenCanvas | PictureRows): RowReader {
  if ('bands' in picture) {
    const bandRows = pngBandRows(picture.width)
    return (top, rows) => {
      const band = picture.bands[top / bandRows]
      if (!band || band.byteLength !== rows * picture.width * 4)
        throw new Error(`The picture's rows from ${top} are not one band of ${rows} rows.`)
      return new Uint8ClampedArray(band)
    }
  }
  const context = picture.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
  if (!context) throw new Error('The picture cannot be read to write its PNG.')
  return (top, rows) => context.getImageData(0, top, picture.width, rows).data
}

/** Reads the picture band by band into its parts' workers; resolves to each part's deflated bytes, top first. */
async function deflateParts(
  readRows: RowReader,
  workers: Worker[],
  picture: { width: number; height: number; bandRows: number; channels: PngChannels; job: number },
): Promise<PartResult[]> {
  const { width, height, bandRows, channels, job } = picture
  const bands = interleavedBands(height, bandRows, workers.length)
  const ends = workers.map((_, part) => Math.max(...bands.filter((b) => b.part === part).map((b) => b.top + b.rows)))
  const state: { failed: Error | null } = { failed: null }
  const stop = (error: Error, reject: (error: Error) => void) => {
    state.failed = error
    reject(error)
  }
  const results = workers.map(
    (worker, part) =>
      new Promise<PartResult>((resolve, reject) => {
        const fail = (message: string) => stop(new Error(`The PNG could not be written: ${message}`), reject)
        worker.onmessage = (event: MessageEvent<PngWorkerReply>) => {
          const reply = event.data
          if (reply.job !== job) return
          if (reply.type === 'failed') fail(reply.message)
          else if (reply.type === 'translucent') stop(new Translucent(), reject)
          else resolve(reply)
        }
        worker.onerror = (event) => fail(event.message || 'its worker stopped.')
        const request: PngWorkerRequest = {
          type: 'start',
          job,
          width,
          channels,
          last: part === workers.length - 1,
        }
        worker.postMessage(request)
      }),
  )
  // A failure is thrown from the reads below or from the awaited results, never left unhandled.
  for (const result of results) result.catch(() => undefined)
  for (const band of bands) {
    if (state.failed) throw state.failed
    const rgba = readRows(band.top, band.rows)
    const worker = workers[band.part] as Worker
    const request: PngWorkerRequest = { type: 'rows', job, rgba: rgba.buffer as ArrayBuffer, rows: band.rows }
    worker.postMessage(request, [rgba.buffer])
    if (band.top + band.rows === ends[band.part]) worker.postMessage({ type: 'end', job } as PngWorkerRequest)
    await nextTask()
  }
  return Promise.all(results)
}

/**
 * The picture's bands, cut into `parts` runs of whole bands top to bottom, in the order they
 * are read: the first band of each part, then the second of each, so every worker starts early.
 */
function interleavedBands(height: number, bandRows: number, parts: number): Band[] {
  const count = Math.ceil(height / bandRows)
  const perPart = Math.ceil(count / parts)
  const bands: Band[] = []
  for (let k = 0; k < perPart; k++)
    for (let part = 0; part < parts; part++) {
      const index = part * perPart + k
      const top = index * bandRows
      if (index >= (part + 1) * perPart || top >= height) continue
      bands.push({ part, top, rows: Math.min(bandRows, height - top) })
    }
  return bands
}
