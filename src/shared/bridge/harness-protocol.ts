import type { Progress } from './desktop-events'

/** How the renderer reaches main over HTTP in the web harness; the server and client both read these. */
export const HARNESS_TOKEN_META = 'stipple-harness-token'
export const HARNESS_TOKEN_HEADER = 'x-stipple-token'
export const HARNESS_API_PREFIX = '/api/'
/**
 * The page's event stream: a POST (so the browser sends its Origin) under the same checks as a
 * call, answered as Server-Sent Events for as long as the page keeps it open.
 */
export const HARNESS_EVENTS_PATH = '/events'
/** Names the page's open event stream on each call, so the call's events go to that page alone. */
export const HARNESS_STREAM_HEADER = 'x-stipple-stream'
/** The page's own number for a call, carried back on each of its events. */
export const HARNESS_CALL_HEADER = 'x-stipple-call'

/** The first event of a stream: the id the page then names on its calls. */
export interface HarnessStreamOpened {
  stream: string
}

/** How far one call has got, as main reports it over IPC on the desktop, with the call it belongs to. */
export interface HarnessCallProgress {
  call: string
  progress: Progress
}
/** The kinds of event on the page's stream. */
export const HARNESS_EVENT = { opened: 'opened', progress: 'progress' } as const
