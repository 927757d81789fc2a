/// <reference lib="webworker" />
import { HuffmanDeflater } from './png-deflate'
import { adler32, filterRows, pngChunk } from './png-format'
import type { PngWorkerReply, PngWorkerRequest } from './png-protocol'

/**
 * A PNG worker: filters the rows of its part of the picture and deflates them as they come, so
 * the page only reads pixels and compression never holds the UI thread. Each band becomes one
 * deflate block and one IDAT chunk.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope

interface Part {
  job: number
  width: number
  channels: 3 | 4
  last: boolean
  deflater: HuffmanDeflater
  chunks: Uint8Array[]
  adler: number
  length: number
}

let part: Part | null = null

const post = (reply: PngWorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer)

function start(request: Extract<PngWorkerRequest, { type: 'start' }>): Part {
  return { ...request, deflater: new HuffmanDeflater(), chunks: [], adler: 1, length: 0 }
}

function keep(part: Part, deflated: Uint8Array): void {
  if (deflated.length > 0) part.chunks.push(pngChunk('IDAT', deflated))
}

scope.onmessage = (event: MessageEvent<PngWorkerRequest>) => {
  const request = event.data
  try {
    if (request.type === 'start') {
      part = start(request)
      return
    }
    if (!part || part.job !== request.job) return
    if (request.type === 'rows') {
      const lines = filterRows(new Uint8Array(request.rgba), part.width, request.rows, part.channels)
      if (!lines) {
        post({ type: 'translucent', job: part.job })
        part = null
        return
      }
      part.adler = adler32(lines, part.adler)
      part.length += lines.length
      keep(part, part.deflater.write(lines))
      return
    }
    keep(part, part.deflater.end(part.last))
    const { job, chunks, adler, length } = part
    part = null
    // Joined into a Blob here: the page's own Blob of a 300 dpi view's chunks copied them for
    // 50–60 ms in one task. A Blob crosses to the page as a handle, its bytes not copied.
    post({ type: 'done', job, idat: new Blob(chunks as BlobPart[]), adler, length })
  } catch (error) {
    part = null
    post({ type: 'failed', job: request.job, message: error instanceof Error ? error.message : String(error) })
  }
}
