import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DesignDocument, LandmarkRole, ScarShape, ZoneRole } from '../../../shared/design/design-types'
import { setHairlineMirror } from '../../../shared/design/hairline'
import type { HairlinePreset } from '../../../shared/design/hairline-presets'
import { midlineOf } from '../../../shared/design/landmarks'
import type { Point } from '../../../shared/geometry/point'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import type { CanvasStore } from '../features/canvas/canvas-store'
import { newHairline, presetHairline } from '../shapes/hairline/hairline-shape'
import type { ObjectDefaults } from '../shapes/object-base'
import { pointRemovalProblem, shapeOf } from '../shapes/registry'
import {
  addObject,
  clampDelta,
  clampPoint,
  moveObjects,
  type ObjectPatch,
  removeObjects,
  setPoints,
  updateObject,
} from './commands'
import { type ExternalChange, emptyHistory, type History, record, redo, undo } from './history'
import { TOOLS } from './tools/registry'
import { type DesignToolId, IDLE, type PointerInput, type Tool, type ToolState } from './tools/tool'

export interface ToolOptions {
  zoneRole: ZoneRole
  scarShape: ScarShape
  landmarkRole: LandmarkRole
  /** Draw new hairlines as one half mirrored about the midline. */
  mirror: boolean
}

export interface EditorState {
  document: DesignDocument
  history: History
  /** Selected object ids; selection never enters the undo history. */
  selection: string[]
  /** The control point last clicked, which Delete removes. */
  activePoint: { id: string; index: number } | null
  toolState: ToolState
  /** Where the pointer is while a draft follows it. */
  pointer: Point | null
  options: ToolOptions
  /** A short message about the last thing refused, shown until the next action. */
  notice: string | null
  pxPerMm: number | null
}

const DEFAULT_OPTIONS: ToolOptions = { zoneRole: 'frontal', scarShape: 'strip', landmarkRole: 'midline', mirror: true }

/**
 * The design editor: the document, the active tool's state machine, commands and their undo
 * history. Plain TypeScript with no React: components render its state and call its methods,
 * and tests drive it directly.
 */
export class Editor {
  readonly store: StoreApi<EditorState>
  readonly canvas: CanvasStore
  readonly image: { width: number; height: number }
  /** The last pointer's tolerance, for steps that finish from a key rather than a click. */
  tolerance = 1
  /**
   * Zones the treatment plan's sessions treat, by id, with the sessions named: deleting one would
   * leave the plan pointing at nothing, so the editor refuses and says which sessions to change.
   */
  private treatedZones: ReadonlyMap<string, string> = new Map()
  /** What new objects start from; the workspace sets the user's own settings once they load. */
  defaults: ObjectDefaults = CLINICAL_DEFAULTS

  constructor(options: { document: DesignDocument; canvas: CanvasStore; pxPerMm: number | null }) {
    this.canvas = options.canvas
    this.image = options.canvas.getState().image
    this.store = createStore<EditorState>(() => ({
      document: options.document,
      history: emptyHistory(),
      selection: [],
      activePoint: null,
      toolState: IDLE,
      pointer: null,
      options: DEFAULT_OPTIONS,
      notice: null,
      pxPerMm: options.pxPerMm,
    }))
    // A tool change from anywhere (toolbar, key, panel) leaves the old tool's gesture behind.
    this.canvas.subscribe((next, previous) => {
      if (next.tool !== previous.tool) this.cancelGesture()
    })
  }

  getState = (): EditorState => this.store.getState()
  subscribe = (listener: (state: EditorState, previous: EditorState) => void) => this.store.subscribe(listener)

  /** The active design tool, or null while a photo tool (hand, calibrate, measure) is active. */
  activeTool(): DesignToolId | null {
    const tool = this.canvas.getState().tool
    return tool in TOOLS ? (tool as DesignToolId) : null
  }

  private tool(): Tool | null {
    const id = this.activeTool()
    return id ? TOOLS[id] : null
  }

  // Plumbing the tools use.

  setToolState(toolState: ToolState): void {
    this.store.setState({ toolState, ...(toolState.name === 'idle' && { pointer: null }) })
  }

  setActivePoint(activePoint: EditorState['activePoint']): void {
    this.store.setState({ activePoint })
  }

  setNotice(notice: string | null): void {
    this.store.setState({ notice })
  }

  clampToImage(p: Point): Point {
    return clampPoint(p, this.image)
  }

  /** Shows a document mid-gesture without an undo step; `commit` makes the step when it ends. */
  preview(document: DesignDocument): void {
    this.store.setState({ document })
  }

  commit(label: string, before: DesignDocument, after: DesignDocument, coalesceKey?: string): void {
    const { history, selection } = this.getState()
    const ids = new Set(after.objects.map((o) => o.id))
    this.store.setState({
      document: after,
      history: record(history, { label, before, after, ...(coalesceKey && { coalesceKey }) }),
      selection: selection.filter((id) => ids.has(id)),
    })
  }

  /** Runs a command on the document as one undo step. */
  run(label: string, change: (document: DesignDocument) => DesignDocument, coalesceKey?: string): void {
    const before = this.getState().document
    const after = change(before)
    if (after !== before) this.commit(label, before, after, coalesceKey)
  }

  // Pointer and keys, already in image pixels.

  /**
   * Returns true when the tool took the press: as the start of a drag, or by acting on it at once
   * (an Alt-click delete), so that its release is not also taken as a click.
   */
  pointerDown(input: PointerInput): boolean {
    this.tolerance = input.tolerance
    this.store.setState({ notice: null })
    const before = this.getState().toolState
    const took = this.tool()?.onPointerDown?.(this, input) === true
    const after = this.getState().toolState
    return took || (after !== before && after.name !== 'idle' && after.name !== 'drawing')
  }

  pointerMove(input: PointerInput): void {
    this.tool()?.onPointerMove?.(this, input)
  }

  pointerUp(input: PointerInput): void {
    this.tool()?.onPointerUp?.(this, input)
  }

  click(input: PointerInput): void {
    this.tolerance = input.tolerance
    this.store.setState({ notice: null })
    this.tool()?.onClick?.(this, input)
  }

  doubleClick(input: PointerInput): void {
    this.tool()?.onDoubleClick?.(this, input)
  }

  /** The pointer over the canvas; only a draft follows it, so nothing else redraws on a move. */
  hover(point: Point | null): void {
    const { toolState, pointer } = this.getState()
    if (toolState.name === 'drawing') this.store.setState({ pointer: point && this.clampToImage(point) })
    else if (pointer) this.store.setState({ pointer: null })
  }

  enter(): void {
    this.store.setState({ notice: null })
    this.tool()?.onEnter?.(this)
  }

  backspace(): boolean {
    this.store.setState({ notice: null })
    return this.tool()?.onBackspace?.(this) ?? false
  }

  /** Escape: drops the gesture under way, or else the selection. */
  escape(): void {
    if (this.getState().toolState.name !== 'idle') this.cancelGesture()
    else this.store.setState({ selection: [], activePoint: null, notice: null })
  }

  private cancelGesture(): void {
    const state = this.getState().toolState
    if (state.name === 'dragging' || state.name === 'dragging-point') this.preview(state.before)
    this.setToolState(IDLE)
    this.store.setState({ notice: null })
  }

  // Commands: every document change goes through `run` or `commit`, so every one can be undone.

  /** Takes back the last step; in the middle of a gesture (a draft, a drag) it takes back only that. */
  undo(): void {
    if (this.getState().toolState.name !== 'idle') {
      this.cancelGesture()
      return
    }
    const step = undo(this.getState().history)
    if (!step) return
    this.restore(step.document, step.history)
    if (step.external) this.settle(step.external.undo(), `undo ${step.label.toLowerCase()}`)
  }

  redo(): void {
    this.cancelGesture()
    const step = redo(this.getState().history)
    if (!step) return
    this.restore(step.document, step.history)
    if (step.external) this.settle(step.external.redo(), `redo ${step.label.toLowerCase()}`)
  }

  /** Records a change made outside the document, so the same undo takes it back in turn. */
  recordExternal(label: string, change: ExternalChange): void {
    const { document, history } = this.getState()
    this.store.setState({ history: record(history, { label, before: document, after: document, external: change }) })
  }

  private settle(pending: Promise<void>, what: string): void {
    pending.catch((error: unknown) =>
      this.setNotice(`Could not ${what}: ${error instanceof Error ? error.message : 'something went wrong'}`),
    )
  }

  private restore(document: DesignDocument, history: History): void {
    const ids = new Set(document.objects.map((o) => o.id))
    const { selection, activePoint } = this.getState()
    this.store.setState({
      document,
      history,
      selection: selection.filter((id) => ids.has(id)),
      activePoint: activePoint && ids.has(activePoint.id) ? activePoint : null,
      notice: null,
    })
  }

  select(ids: readonly string[]): void {
    const { activePoint } = this.getState()
    this.store.setState({
      selection: [...ids],
      activePoint: activePoint && ids.includes(activePoint.id) ? activePoint : null,
    })
  }

  selectAll(): void {
    this.select(
      this.getState()
        .document.objects.filter((o) => !o.hidden && !o.locked)
        .map((o) => o.id),
    )
  }

  setTreatedZones(zones: ReadonlyMap<string, string>): void {
    this.treatedZones = zones
  }

  /** Delete: the active point when one is picked, else the selected objects that are not locked. */
  deleteSelection(): void {
    this.store.setState({ notice: null })
    const { activePoint, selection, document } = this.getState()
    if (activePoint && selection.includes(activePoint.id)) {
      this.deletePoint(activePoint.id, activePoint.index)
      return
    }
    const ids = document.objects.filter((o) => selection.includes(o.id) && !o.locked).map((o) => o.id)
    if (ids.length === 0) return
    const treated = document.objects.find((o) => ids.includes(o.id) && this.treatedZones.has(o.id))
    if (treated) {
      this.setNotice(
        `${treated.name} is treated in ${this.treatedZones.get(treated.id)}; take it out of those sessions in the plan before deleting it.`,
      )
      return
    }
    this.run(ids.length === 1 ? 'Delete object' : `Delete ${ids.length} objects`, (d) => removeObjects(d, ids))
  }

  /** Removes one control point, as long as what is left is still a valid shape. */
  deletePoint(id: string, drawnIndex: number): void {
    const { document } = this.getState()
    const object = document.objects.find((o) => o.id === id)
    if (!object || object.locked) return
    this.store.setState({ activePoint: null })
    const shape = shapeOf(object)
    if (shape.deletedWithPoint) {
      this.run(`Delete ${object.name}`, (d) => removeObjects(d, [id]))
      return
    }
    const index = shape.handles(object, document)[drawnIndex]?.source.index ?? -1
    if (index < 0) return
    const points = object.points.filter((_, i) => i !== index)
    const problem = pointRemovalProblem(object, points)
    if (problem) {
      this.setNotice(problem)
      return
    }
    this.run('Delete point', (d) => setPoints(d, id, points))
  }

  /** Moves the selection by a distance in image pixels (the arrow keys). */
  nudge(dx: number, dy: number): void {
    const { selection, document } = this.getState()
    if (selection.length === 0) return
    const clamped = clampDelta(document, selection, dx, dy, this.image)
    this.run(
      'Nudge',
      (d) => moveObjects(d, selection, clamped.dx, clamped.dy, this.image),
      `nudge:${selection.join(',')}`,
    )
  }

  /** Changes an object's properties; `coalesceKey` merges a run of edits to one field into one step. */
  updateObject(id: string, patch: ObjectPatch, label: string, coalesceKey?: string): void {
    this.run(label, (d) => updateObject(d, id, patch), coalesceKey)
  }

  setHairlineMirror(id: string, mirror: boolean): void {
    const { document } = this.getState()
    const hairline = document.objects.find((o) => o.id === id)
    if (hairline?.kind !== 'hairline') return
    const points = setHairlineMirror(hairline, midlineOf(document), mirror)
    this.run(mirror ? 'Mirror hairline' : 'Unmirror hairline', (d) => updateObject(d, id, { mirror, points }))
  }

  setOption<K extends keyof ToolOptions>(key: K, value: ToolOptions[K]): void {
    this.store.setState({ options: { ...this.getState().options, [key]: value } })
  }

  setPxPerMm(pxPerMm: number | null): void {
    this.store.setState({ pxPerMm })
  }

  /**
   * Places a preset hairline, mirrored, sized by the calibration and the user's settings and
   * placed from the glabella. With a hairline selected the preset replaces its points (trying
   * presets in turn leaves one hairline); otherwise it adds one. Without a midline it places one
   * down the middle of the photo first, in the same undo step.
   */
  applyPreset(preset: HairlinePreset): void {
    const { document, selection, pxPerMm } = this.getState()
    const selected = document.objects.find((o) => selection.length === 1 && o.id === selection[0])
    const replacing = selected?.kind === 'hairline' ? selected : null
    if (replacing?.locked) {
      this.setNotice(`${replacing.name} is locked; unlock it to replace it with a preset.`)
      return
    }
    const placement = { image: this.image, pxPerMm, defaults: this.defaults, clamp: (p: Point) => this.clampToImage(p) }
    this.run(replacing ? 'Replace hairline with preset' : 'Add hairline preset', (before) => {
      const placed = presetHairline(before, preset, placement)
      const next = placed.midline ? addObject(before, placed.midline) : before
      const hairline = replacing ?? newHairline(next, placed.points, true, this.defaults)
      this.store.setState({
        selection: [hairline.id],
        notice: placed.cut
          ? 'Part of the preset lies beyond the photo and is held at its edge; drag the points to adjust.'
          : null,
      })
      return replacing
        ? updateObject(next, replacing.id, { points: placed.points, mirror: true })
        : addObject(next, hairline)
    })
  }

  /** Replaces the document wholesale (a reload after a conflict); history starts afresh. */
  load(document: DesignDocument): void {
    this.setToolState(IDLE)
    this.store.setState({ document, history: emptyHistory(), selection: [], activePoint: null, notice: null })
  }
}
