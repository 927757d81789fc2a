import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DesignDocument, LandmarkRole, ScarShape, ZoneRole } from '../../../shared/design/design-types'
import { setHairlineMirror } from '../../../shared/design/hairline'
import type { HairlinePreset } from '../../../shared/design/hairline-presets'
import { midlineOf } from '../../../shared/design/landmarks'
import type { Point } from '../../../shared/geometry/point'
import { pxPerMm } from '../../../shared/photos/calibration'
import type { Calibration, MeasurementKind } from '../../../shared/photos/photo'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import { toImage } from '../canvas/viewport'
import type { ViewportStore } from '../canvas/viewport-store'
import { newHairline, presetHairline } from '../shapes/hairline/hairline-shape'
import type { ObjectDefaults } from '../shapes/object-base'
import { pointRemovalProblem, shapeOf } from '../shapes/registry'
import { ClickManager, type PointerInfo } from './click-manager'
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
import { bailToMark, emptyHistory, type History, type Mark, mark, record, redo, squashToMark, undo } from './history'
import {
  addMeasurement,
  deleteMeasurement,
  NO_MEASURES,
  type PhotoMeasures,
  renameMeasurement,
  setCalibration,
} from './measures'
import { DEFAULT_TOOLS } from './tools/registry'
import { IDLE, type PointerInput, type Tool, type ToolState } from './tools/tool'
import type { ToolId } from './tools/tool-ids'

/** Screen pixels around a point or line that count as on it, whatever the zoom. */
export const HIT_PX = 8

export interface ToolOptions {
  zoneRole: ZoneRole
  scarShape: ScarShape
  landmarkRole: LandmarkRole
  /** Draw new hairlines as one half mirrored about the midline. */
  mirror: boolean
}

/** What one undo step takes back: the design and the photo's measures together. */
export interface Snapshot {
  document: DesignDocument
  measures: PhotoMeasures
}

export interface EditorState {
  document: DesignDocument
  measures: PhotoMeasures
  history: History<Snapshot>
  /** Selected object ids; selection never enters the undo history. */
  selection: string[]
  /** The control point last clicked, which Delete removes. */
  activePoint: { id: string; index: number } | null
  tool: ToolId
  toolState: ToolState
  /** Space held: the hand for as long as it is down, whatever the tool, as in every image editor. */
  spaceHeld: boolean
  /** Where the pointer is while the points being drawn follow it. */
  pointer: Point | null
  options: ToolOptions
  /** A short message about the last thing refused, shown until the next action. */
  notice: string | null
  /** The calibration's scale, kept beside it since most readouts need only this. */
  pxPerMm: number | null
}

const DEFAULT_OPTIONS: ToolOptions = { zoneRole: 'frontal', scarShape: 'strip', landmarkRole: 'midline', mirror: true }

/**
 * The design editor: the document and the photo's measures, the tools and the one whose state
 * machine is running, the pointer's clicks and drags, commands and their undo history. Plain
 * TypeScript with no React: components render its state and feed it plain input, and tests
 * drive it the same way.
 */
export class Editor {
  readonly store: StoreApi<EditorState>
  /** The pan and zoom: the editor pans it, the canvas draws through it. */
  readonly viewport: ViewportStore
  readonly image: { width: number; height: number }
  private readonly tools: Readonly<Record<ToolId, Tool>>
  private readonly clicks = new ClickManager()
  /** Where the running gesture began in the history, or null between gestures. */
  private gesture: Mark<Snapshot> | null = null
  /** A press the active tool took: its moves and release go to the tool, not to click detection. */
  private captured = false
  private panning: { last: Point } | null = null
  private lastPointer: PointerInfo | null = null
  private lastSnapshot: Snapshot | null = null
  private readonly disposables = new Set<() => void>()
  /** The last pointer's tolerance, for steps that finish from a key rather than a click. */
  tolerance = HIT_PX
  /**
   * Zones the treatment plan's sessions treat, by id, with the sessions named: deleting one would
   * leave the plan pointing at nothing, so the editor refuses and says which sessions to change.
   */
  private treatedZones: ReadonlyMap<string, string> = new Map()
  /** What new objects start from; the workspace sets the user's own settings once they load. */
  defaults: ObjectDefaults = CLINICAL_DEFAULTS

  constructor(options: {
    document: DesignDocument
    viewport: ViewportStore
    measures?: PhotoMeasures
    tool?: ToolId
    /** The tools by id; every id has one, so `setTool` never finds a gap. */
    tools?: Readonly<Record<ToolId, Tool>>
  }) {
    this.viewport = options.viewport
    this.image = options.viewport.getState().image
    this.tools = options.tools ?? DEFAULT_TOOLS
    const measures = options.measures ?? NO_MEASURES
    this.store = createStore<EditorState>(() => ({
      document: options.document,
      measures,
      history: emptyHistory<Snapshot>(),
      selection: [],
      activePoint: null,
      tool: options.tool ?? 'select',
      toolState: IDLE,
      spaceHeld: false,
      pointer: null,
      options: DEFAULT_OPTIONS,
      notice: null,
      pxPerMm: pxPerMm(measures.calibration),
    }))
  }

  getState = (): EditorState => this.store.getState()

  /** Listens to every change; `dispose` removes the listener, so a closed editor leaves nothing behind. */
  subscribe = (listener: (state: EditorState, previous: EditorState) => void): (() => void) => {
    const unsubscribe = this.store.subscribe(listener)
    const stop = () => {
      unsubscribe()
      this.disposables.delete(stop)
    }
    this.disposables.add(stop)
    return stop
  }

  /** Ends the editor: drops the gesture under way and every listener added through `subscribe`. */
  dispose(): void {
    this.cancelGesture()
    for (const stop of [...this.disposables]) stop()
  }

  /** Picks a tool; the old tool's gesture is left behind. */
  setTool(tool: ToolId): void {
    if (tool === this.getState().tool) return
    this.cancelGesture()
    this.store.setState({ tool })
  }

  private tool(): Tool {
    return this.tools[this.getState().tool]
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

  /** What undo would restore now; the same object while nothing has changed, since history compares by identity. */
  private snapshot(): Snapshot {
    const { document, measures } = this.getState()
    const last = this.lastSnapshot
    if (last?.document === document && last.measures === measures) return last
    this.lastSnapshot = { document, measures }
    return this.lastSnapshot
  }

  /** A change in the middle of a gesture: recorded since the gesture's mark, squashed when it ends. */
  preview(document: DesignDocument): void {
    const before = this.snapshot()
    const after = { ...before, document }
    const history = this.gesture
      ? record(this.getState().history, { label: 'Gesture', before, after })
      : this.getState().history
    this.store.setState({ document, history })
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

  private apply(label: string, after: Snapshot, coalesceKey?: string): void {
    const before = this.snapshot()
    if (after.document === before.document && after.measures === before.measures) return
    const ids = new Set(after.document.objects.map((o) => o.id))
    this.store.setState({
      document: after.document,
      measures: after.measures,
      pxPerMm: pxPerMm(after.measures.calibration),
      history: record(this.getState().history, { label, before, after, ...(coalesceKey && { coalesceKey }) }),
      selection: this.getState().selection.filter((id) => ids.has(id)),
    })
    this.lastSnapshot = after
  }

  /** Runs a command on the document as one undo step. */
  run(label: string, change: (document: DesignDocument) => DesignDocument, coalesceKey?: string): void {
    const before = this.snapshot()
    this.apply(label, { ...before, document: change(before.document) }, coalesceKey)
  }

  // Pointer input, in stage pixels as the canvas reports it.

  private input(info: PointerInfo): PointerInput {
    const { viewport } = this.viewport.getState()
    return {
      point: toImage(viewport, info.screen),
      screen: info.screen,
      shift: info.shift,
      alt: info.alt,
      tolerance: HIT_PX / viewport.scale,
    }
  }

  /** Pans from `screen` as the pointer moves, until it is released. */
  beginPan(screen: Point): void {
    this.panning = { last: screen }
  }

  setSpaceHeld(spaceHeld: boolean): void {
    if (spaceHeld !== this.getState().spaceHeld) this.store.setState({ spaceHeld })
  }

  /**
   * A press. Returns true when the tool took it (as the start of a drag, or by acting on it at
   * once), so that its release is not also taken as a click.
   */
  pointerDown(info: PointerInfo): boolean {
    this.lastPointer = info
    this.clicks.down(info)
    this.captured = false
    if (info.button === 1 || (info.button === 0 && this.getState().spaceHeld)) {
      this.beginPan(info.screen)
      return true
    }
    if (info.button !== 0) return false
    const input = this.input(info)
    this.tolerance = input.tolerance
    this.store.setState({ notice: null })
    const before = this.getState().toolState
    this.gesture = mark(this.getState().history, this.snapshot())
    const took = this.tool().onPointerDown?.(this, input) === true
    const after = this.getState().toolState
    const started = after !== before && after.name !== 'idle' && after.name !== 'drawing'
    if (!started) this.gesture = null
    this.captured = took || started
    return this.captured
  }

  pointerMove(info: PointerInfo): void {
    this.lastPointer = info
    const kind = this.clicks.move(info)
    if (this.panning) {
      this.viewport.getState().pan(info.screen.x - this.panning.last.x, info.screen.y - this.panning.last.y)
      this.panning.last = info.screen
      return
    }
    const input = this.input(info)
    if (this.captured) {
      this.tool().onPointerMove?.(this, input)
      return
    }
    const from = this.clicks.pressedAt()
    if (kind === 'drag-start' && from) this.tool().onDragStart?.(this, this.input({ ...info, screen: from }))
    this.follow(input.point)
  }

  pointerUp(info: PointerInfo): void {
    this.lastPointer = info
    const kind = this.clicks.up(info)
    if (this.panning) {
      this.panning = null
      this.captured = false
      return
    }
    if (info.button !== 0) return
    const input = this.input(info)
    if (this.captured) {
      this.captured = false
      this.tool().onPointerUp?.(this, input)
      return
    }
    if (kind === 'drag-end') this.tool().onDragEnd?.(this, input)
    else if (kind === 'double-click') this.tool().onDoubleClick?.(this, input)
    else if (kind === 'click') {
      this.tolerance = input.tolerance
      this.store.setState({ notice: null })
      this.tool().onClick?.(this, input)
    }
  }

  /** The pointer left the canvas: a drag ends where it last was, as if released there. */
  pointerLeave(): void {
    const last = this.lastPointer
    if (this.captured && last) this.pointerUp({ ...last, button: 0 })
    this.lastPointer = null
    this.captured = false
    this.panning = null
    this.clicks.cancel()
    this.follow(null)
  }

  /** The pointer over the canvas; only a drawing follows it, so nothing else redraws on a move. */
  private follow(point: Point | null): void {
    const { toolState, pointer } = this.getState()
    if (toolState.name === 'drawing') this.store.setState({ pointer: point && this.clampToImage(point) })
    else if (pointer) this.store.setState({ pointer: null })
  }

  // Keys.

  /**
   * A click where the pointer rests over the canvas, given from the keyboard: the pointer aims
   * and a key places the point, for outlines placed without pressing the button. False when
   * the pointer is not over the canvas or a press is held.
   */
  placeAtPointer(): boolean {
    const at = this.lastPointer
    if (!at || this.captured || this.panning || this.clicks.pressedAt()) return false
    const input = this.input(at)
    this.tolerance = input.tolerance
    this.store.setState({ notice: null })
    this.tool().onClick?.(this, input)
    return true
  }

  enter(): void {
    this.store.setState({ notice: null })
    this.tool().onEnter?.(this)
  }

  backspace(): boolean {
    this.store.setState({ notice: null })
    return this.tool().onBackspace?.(this) ?? false
  }

  /** Escape: drops the gesture under way, or else the selection. */
  escape(): void {
    if (this.getState().toolState.name !== 'idle') this.cancelGesture()
    else this.store.setState({ selection: [], activePoint: null, notice: null })
  }

  private cancelGesture(): void {
    this.captured = false
    this.clicks.cancel()
    this.bailGesture()
    this.setToolState(IDLE)
    this.store.setState({ notice: null })
  }

  // Commands: every change goes through `run` or `apply`, so every one can be undone.

  /** Takes back the last step; in the middle of a gesture (a drawing, a drag) it takes back only that. */
  undo(): void {
    if (this.getState().toolState.name !== 'idle') {
      this.cancelGesture()
      return
    }
    const step = undo(this.getState().history)
    if (step) this.restore(step.document, step.history)
  }

  redo(): void {
    this.cancelGesture()
    const step = redo(this.getState().history)
    if (step) this.restore(step.document, step.history)
  }

  private restore(snapshot: Snapshot, history: History<Snapshot>): void {
    this.lastSnapshot = snapshot
    const { document, measures } = snapshot
    const ids = new Set(document.objects.map((o) => o.id))
    const { selection, activePoint } = this.getState()
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

  // The photo's measures: undone and redone with the design; main hears of them through a sync.

  private changeMeasures(label: string, change: (measures: PhotoMeasures) => PhotoMeasures): void {
    const before = this.snapshot()
    this.apply(label, { ...before, measures: change(before.measures) })
  }

  addMeasurement(kind: MeasurementKind, points: Point[]): void {
    this.changeMeasures(kind === 'distance' ? 'Measure distance' : 'Measure area', (m) =>
      addMeasurement(m, { id: crypto.randomUUID(), kind, label: '', points }),
    )
  }

  renameMeasurement(id: string, label: string): void {
    this.changeMeasures('Rename measurement', (m) => renameMeasurement(m, id, label))
  }

  deleteMeasurement(id: string): void {
    this.changeMeasures('Delete measurement', (m) => deleteMeasurement(m, id))
  }

  /** Sets or removes the photo's calibration, as one undo step. */
  setCalibration(calibration: Calibration | null): void {
    this.changeMeasures(calibration ? 'Calibrate' : 'Remove calibration', (m) => setCalibration(m, calibration))
  }

  /** The ruler line waiting for its length gets it: the photo is calibrated and the tool goes back to Select. */
  confirmRuler(lengthMm: number): void {
    const state = this.getState().toolState
    if (state.name !== 'awaiting-length') return
    const [a, b] = state.points
    this.setToolState(IDLE)
    this.setCalibration({ a, b, lengthMm })
    this.setTool('select')
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
    this.cancelGesture()
    this.store.setState({ document, history: emptyHistory<Snapshot>(), selection: [], activePoint: null, notice: null })
  }
}
