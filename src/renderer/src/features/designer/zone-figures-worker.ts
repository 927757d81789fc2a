/// <reference lib="webworker" />
import { designZoneFigures } from '../../../../shared/plan/zone-figures'
import type { FiguresReply, FiguresRequest } from './zone-figures-counter'

/**
 * Counts a design's zone figures off the UI thread: on a large photo the zones' density fields
 * take tens of ms to build, more than a frame.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<FiguresRequest>) => {
  const { id, document, designId, pxPerMm } = event.data
  try {
    scope.postMessage({ id, figures: designZoneFigures(document, designId, pxPerMm) } satisfies FiguresReply)
  } catch (error) {
    scope.postMessage({
      id,
      error: error instanceof Error ? error.message : 'The zones could not be counted.',
    } satisfies FiguresReply)
  }
}
