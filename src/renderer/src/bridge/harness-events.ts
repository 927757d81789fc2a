import { isProgress, type Progress } from '../../../shared/bridge/desktop-events'
import {
  HARNESS_CALL_HEADER,
  HARNESS_EVENT,
  HARNESS_EVENTS_PATH,
  HARNESS_STREAM_HEADER,
  HARNESS_TOKEN_HEADER,
} from '../../../shared/bridge/harness-protocol'

/** One call's share of the page's event stream. */
export interface StreamedCall {
  /** Names the page's stream and this call on its request; empty while no stream is open. */
  headers: Record<string, string>
  /** Once the call is answered: a late event of it is dropped, as the desktop's listeners are gone by then. */
  end(): void
}

export interface HarnessEvents {
  begin(): StreamedCall
}

/** One Server-Sent Event block: its `event:` and its one `data:` line. */
function parseEvent(block: string): { event: string; data: unknown } | null {
  let event = 'message'
  let data: string | null = null
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice('event: '.length)
    else if (line.startsWith('data: ')) data = line.slice('data: '.length)
  }
  if (data === null) return null
  try {
    return { event, data: JSON.parse(data) }
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * The web harness's push channel, read as the preload reads main's IPC events: the page's one
 * stream of Server-Sent Events, opened with the token (a POST, so the browser sends its Origin;
 * EventSource could send neither), and each call's progress handed to `announce` while that
 * call is waiting. A stream that ends is opened again by the next call, which goes without it;
 * one the harness refuses is not asked for again, and calls go without progress.
 */
export function harnessEvents(token: string, announce: (progress: Progress) => void, fetchImpl = fetch): HarnessEvents {
  let stream: string | null = null
  let opening = false
  /** A stream the harness refused (too many tabs) is not asked for again on every call. */
  let refused = false
  let nextCall = 0
  const waiting = new Set<string>()

  const handle = (event: string, data: unknown) => {
    if (event === HARNESS_EVENT.opened && isRecord(data) && typeof data.stream === 'string') stream = data.stream
    if (event !== HARNESS_EVENT.progress || !isRecord(data)) return
    if (typeof data.call === 'string' && waiting.has(data.call) && isProgress(data.progress)) announce(data.progress)
  }

  const read = async () => {
    const response = await fetchImpl(HARNESS_EVENTS_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HARNESS_TOKEN_HEADER]: token },
      body: '{}',
    })
    if (!response.ok || !response.body) {
      refused = true
      return
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      text += value
      let end = text.indexOf('\n\n')
      while (end >= 0) {
        const parsed = parseEvent(text.slice(0, end))
        if (parsed) handle(parsed.event, parsed.data)
        text = text.slice(end + 2)
        end = text.indexOf('\n\n')
      }
    }
  }

  const open = () => {
    if (opening || refused) return
    opening = true
    read()
      .catch(() => {})
      .finally(() => {
        opening = false
        stream = null
      })
  }

  open()
  return {
    begin(): StreamedCall {
      if (stream === null) {
        open()
        return { headers: {}, end: () => {} }
      }
      const call = String(++nextCall)
      waiting.add(call)
      return {
        headers: { [HARNESS_STREAM_HEADER]: stream, [HARNESS_CALL_HEADER]: call },
        end: () => {
          waiting.delete(call)
        },
      }
    },
  }
}
