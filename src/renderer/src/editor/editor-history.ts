import type { StoreApi } from 'zustand/vanilla'
import type { DesignDocument } from '../../../shared/design/design-types'
import { pxPerMm } from '../../../shared/photos/calibration'
import type { EditorState, Snapshot } from './editor-state'
import { bailToMark, type History, type Mark, mark, record, redo, squashToMark, undo } from './history'
import type { PhotoMeasures } from './measures'

/**
 * The editor's undo: every change to the document or the photo's measures enters the history
 * here as a snapshot of both, and a gesture (a drag, a drawing) is a mark that its end squashes
 * to one step or Escape bails back to.
 */
export class EditorHistory {
  /** Where the running gesture began in the history, or null between gestures. */
  private gesture: Mark<Snapshot> | null = null
  private lastSnapshot: Snapshot | null = null

  constructor(private readonly store: StoreApi<EditorState>) {}

  /** What undo would restore now; the same object while nothing has changed, since history compares by identity. */
  snapshot(): Snapshot {
    const { document, measures } = this.store.getState()
    const last = this.lastSnapshot
    if (last?.document === document && last.measures === measures) return last
    this.lastSnapshot = { document, measures }
    return this.lastSnapshot
  }

  /** Marks where a gesture begins, so what it changes can become one step. */
  beginGesture(): void {
    this.gesture = mark(this.store.getState().history, this.snapshot())
  }

  /** Forgets the mark of a press that started no gesture. */
  forgetGesture(): void {
    this.gesture = null
  }

  /** A change in the middle of a gesture: recorded since the gesture's mark, squashed when it ends. */
  preview(document: DesignDocument): void {
    const before = this.snapshot()
    const after = { ...before, document }
    const { history } = this.store.getState()
    this.store.setState({
      document,
      history: this.gesture ? record(history, { label: 'Gesture', before, after }) : history,
    })
    this.lastSnapshot = after
  }

  /** Ends the gesture as one undo step named `label`, or as none when it changed nothing. */
  endGesture(label: string): void {
    const at = this.gesture
    this.gesture = null
    if (!at) return
    const now = this.snapshot()
    const unchanged = now.document === at.at.document && now.measures === at.at.measures
    this.store.setState({ history: squashToMark(at, unchanged ? at.at : now, label) })
  }

  /** Takes the gesture back to its mark: the document and history as they were before it began. */
  bailGesture(): void {
    const at = this.gesture
    this.gesture = null
    if (!at) return
    const back = bailToMark(at)
    this.restore(back.document, back.history)
  }

  /** Records a change of the document and measures as one undo step, unless it changes nothing. */
  apply(label: string, after: Snapshot, coalesceKey?: string): void {
    const before = this.snapshot()
    if (after.document === before.document && after.measures === before.measures) return
    const ids = new Set(after.document.objects.map((o) => o.id))
    const state = this.store.getState()
    this.store.setState({
      document: after.document,
      measures: after.measures,
      pxPerMm: pxPerMm(after.measures.calibration),
      history: record(state.history, { label, before, after, ...(coalesceKey && { coalesceKey }) }),
      selection: state.selection.filter((id) => ids.has(id)),
    })
    this.lastSnapshot = after
  }

  /** A command on the document as one undo step. */
  run(label: string, change: (document: DesignDocument) => DesignDocument, coalesceKey?: string): void {
    const before = this.snapshot()
    this.apply(label, { ...before, document: change(before.document) }, coalesceKey)
  }

  /** A change of the photo's measures as one undo step. */
  changeMeasures(label: string, change: (measures: PhotoMeasures) => PhotoMeasures): void {
    const before = this.snapshot()
    this.apply(label, { ...before, measures: change(before.measures) })
  }

  undo(): void {
    const step = undo(this.store.getState().history)
    if (step) this.restore(step.document, step.history)
  }

  redo(): void {
    const step = redo(this.store.getState().history)
    if (step) this.restore(step.document, step.history)
  }

  private restore(snapshot: Snapshot, history: History<Snapshot>): void {
    this.lastSnapshot = snapshot
    const { document, measures } = snapshot
    const ids = new Set(document.objects.map((o) => o.id))
    const { selection, activePoint } = this.store.getState()
    this.store.setState({
      document,
      measures,
      pxPerMm: pxPerMm(measures.calibration),
      history,
      selection: selection.filter((id) => ids.has(id)),
      activePoint: activePoint && ids.has(activePoint.id) ? activePoint : null,
      notice: null,
    })
  }
}
