import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DesignDocument } from '../../../../shared/design/design-types'
import type { DesignZoneFigures } from '../../../../shared/plan/zone-figures'
import FiguresWorker from './zone-figures-worker?worker&inline'

/** What the figures are counted from. */
export interface FiguresSubject {
  document: DesignDocument
  /** Seeds the hairline's scatter as the sampler seeds it. */
  designId: string
  pxPerMm: number | null
}

export interface FiguresRequest extends FiguresSubject {
  id: number
}

export type FiguresReply = { id: number; figures: DesignZoneFigures } | { id: number; error: string }

export interface ZoneFiguresState {
  /** The zones' figures as last counted; null until the first count comes back. */
  figures: DesignZoneFigures | null
  /** The design has changed since they were counted: a newer count is on its way. */
  pending: boolean
  /**
   * Counted before the plan knows the design (no id yet): the hairline's scatter is then seeded
   * otherwise than the plan will seed it, so the figures may shift by a hair once it is saved.
   */
  provisional: boolean
}

export interface ZoneFiguresCounter {
  readonly store: StoreApi<ZoneFiguresState>
  /** Counts the subject's figures once no newer subject has come for `FIGURES_DELAY_MS` (at once with `now`). */
  ask(subject: FiguresSubject, now?: boolean): void
  dispose(): void
}

/**
 * Long enough that a drag or a run of typing is counted once it pauses, never per pointer move;
 * short enough that the figures follow the edit as it settles.
 */
export const FIGURES_DELAY_MS = 150

/**
 * The designer's zone figures (the plan's treated areas and impressions), counted in a worker
 * after edits pause. Only the latest count is kept: a reply for an older subject is dropped.
 */
export function createZoneFiguresCounter(): ZoneFiguresCounter {
  const store = createStore<ZoneFiguresState>(() => ({ figures: null, pending: false, provisional: false }))
  const worker = new FiguresWorker()
  let asked = 0
  let provisional = false
  let timer: ReturnType<typeof setTimeout> | undefined
  worker.onmessage = (event: MessageEvent<FiguresReply>) => {
    const reply = event.data
    if (reply.id !== asked) return
    if ('figures' in reply) store.setState({ figures: reply.figures, pending: false, provisional })
    else store.setState({ pending: false })
  }
  const send = (subject: FiguresSubject) => {
    timer = undefined
    asked += 1
    provisional = subject.designId === ''
    worker.postMessage({ id: asked, ...subject } satisfies FiguresRequest)
  }
  return {
    store,
    ask(subject, now = false) {
      clearTimeout(timer)
      // A reply still on its way is for an older subject now.
      asked += 1
      if (!store.getState().pending) store.setState({ pending: true })
      if (now) send(subject)
      else timer = setTimeout(() => send(subject), FIGURES_DELAY_MS)
    },
    dispose() {
      clearTimeout(timer)
      worker.terminate()
    },
  }
}
