import { randomBytes } from 'node:crypto'
import type http from 'node:http'
import {
  HARNESS_CALL_HEADER,
  HARNESS_EVENT,
  HARNESS_STREAM_HEADER,
  type HarnessCallProgress,
  type HarnessStreamOpened,
} from '../../shared/bridge/harness-protocol'
import type { CallContext } from '../bridge/dispatch'

/** A page holds one stream (a reload drops its old one); this many at once is room for tabs, not for a flood. */
const MAX_OPEN_STREAMS = 16
/** What a page's number for its call may be: it is echoed on the call's events. */
const CALL_ID = /^[\w-]{1,64}$/

function writeEvent(res: http.ServerResponse, event: string, data: HarnessStreamOpened | HarnessCallProgress) {
  // JSON has no raw line breaks, so the data is one `data:` line as Server-Sent Events require.
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

function headerOf(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  return typeof value === 'string' ? value : null
}

/**
 * The harness's push channel, what the desktop's IPC events are to its window: each page opens
 * one stream of Server-Sent Events, and a call that names that stream and its own number has its
 * progress sent there, tagged with the number, so only the page that asked hears it.
 */
export function createEventStreams() {
  const open = new Map<string, http.ServerResponse>()
  return {
    /** Whether another stream may open now. */
    hasRoom: () => open.size < MAX_OPEN_STREAMS,
    /** Keeps the response open as a stream and sends its id first; it ends when the page goes. */
    open(res: http.ServerResponse, headers: http.OutgoingHttpHeaders) {
      const stream = randomBytes(24).toString('base64url')
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      open.set(stream, res)
      res.on('close', () => open.delete(stream))
      writeEvent(res, HARNESS_EVENT.opened, { stream })
    },
    /** What a call may tell its page: its progress on the stream it names, or nothing when it names none. */
    contextOf(req: http.IncomingMessage): CallContext | undefined {
      const stream = headerOf(req, HARNESS_STREAM_HEADER)
      const call = headerOf(req, HARNESS_CALL_HEADER)
      if (stream === null || call === null || !CALL_ID.test(call)) return undefined
      return {
        showProgress(progress) {
          const res = open.get(stream)
          if (res && !res.writableEnded) writeEvent(res, HARNESS_EVENT.progress, { call, progress })
        },
      }
    },
  }
}
