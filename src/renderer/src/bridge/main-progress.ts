import type { Progress } from '../../../shared/bridge/desktop-events'

type Listener = (progress: Progress) => void

/** The page's listeners when no preload holds them: the web harness's event stream announces to these. */
const listeners = new Set<Listener>()

/**
 * How far main's long work for this page has got (exporting, checking, on the desktop reading
 * a chosen file), from the preload's IPC events on the desktop or the harness's event stream in
 * the browser; returns the unsubscribe function.
 */
export function onMainProgress(listener: Listener): () => void {
  const desktop = window.stipple
  if (desktop) return desktop.onProgress(listener)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Hands progress that reached the page some other way than the preload to the same listeners. */
export function announceProgress(progress: Progress): void {
  for (const listener of [...listeners]) listener(progress)
}
