import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DesignDocument } from '../../../shared/design/design-types'
import type { HairlinePreset } from '../../../shared/design/hairline-presets'
import type { Point } from '../../../shared/geometry/point'
import { pxPerMm } from '../../../shared/photos/calibration'
import type { Calibration, MeasurementKind } from '../../../shared/photos/photo'
import { CLINICAL_DEFAULTS } from '../../../shared/settings/clinical-defaults'
import type { ViewportStore } from '../canvas/viewport-store'
import type { ObjectDefaults } from '../shapes/object-base'
import type { PointerInfo } from './click-manager'
import { clampPoint, type ObjectPatch, updateObject } from './commands'
import { EditorHistory } from './editor-history'
import { DEFAULT_OPTIONS, type EditorState, HIT_PX, type Snapshot, type ToolOptions } from './editor-state'
import { hairlineCommands } from './hairline-commands'
import { emptyHistory } from './history'
import { measureCommands } from './measure-commands'
import { NO_MEASURES, type PhotoMeasures } from './measures'
import { PointerRouting } from './pointer-routing'
import { selectionCommands } from './selection-commands'
import { DEFAULT_TOOLS } from './tools/registry'
import { IDLE, type Tool, type ToolState } from './tools/tool'
import type { ToolId } from './tools/tool-ids'

/**
 * The design editor: the document and the photo's measures, the tools and the one whose state
 * machine is running, the pointer's clicks and drags, commands and their undo history. Plain
 * TypeScript with no React: components render its state and feed it plain input, and tests
 * drive it the same way. This class is the one face of the editor; the work is done by the
 * pointer routing, the undo history and the command modules it hands each call to.
 */
export class Editor {
  readonly store: StoreApi<EditorState>
  /** The pan and zoom: the editor pans it, the canvas draws through it. */
  readonly viewport: ViewportStore
  readonly image: { width: number; height: number }
  private readonly tools: Readonly<Record<ToolId, Tool>>
  private readonly history: EditorHistory
  private readonly routing: PointerRouting
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
    this.history = new EditorHistory(this.store)
    this.routing = new PointerRouting(this, this.history, () => this.tools[this.getState().tool])
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

  /** A change in the middle of a gesture: recorded since the gesture's mark, squashed when it ends. */
  preview(document: DesignDocument): void {
    this.history.preview(document)
  }

  /** Ends the gesture as one undo step named `label`, or as none when it changed nothing. */
  endGesture(label: string): void {
    this.history.endGesture(label)
  }

  /** Takes the gesture back to its mark: the document and history as they were before it began. */
  bailGesture(): void {
    this.history.bailGesture()
  }

  /** Runs a command on the document as one undo step. */
  run(label: string, change: (document: DesignDocument) => DesignDocument, coalesceKey?: string): void {
    this.history.run(label, change, coalesceKey)
  }

  // Pointer input, in stage pixels as the canvas reports it.

  /** Pans from `screen` as the pointer moves, until it is released. */
  beginPan(screen: Point): void {
    this.routing.beginPan(screen)
  }

  setSpaceHeld(spaceHeld: boolean): void {
    if (spaceHeld !== this.getState().spaceHeld) this.store.setState({ spaceHeld })
  }

  /**
   * A press. Returns true when the tool took it (as the start of a drag, or by acting on it at
   * once), so that its release is not also taken as a click.
   */
  pointerDown(info: PointerInfo): boolean {
    return this.routing.down(info)
  }

  pointerMove(info: PointerInfo): void {
    this.routing.move(info)
  }

  pointerUp(info: PointerInfo): void {
    this.routing.up(info)
  }

  /** The pointer left the canvas: a drag ends where it last was, as if released there. */
  pointerLeave(): void {
    this.routing.leave()
  }

  // Keys.

  /**
   * A click where the pointer rests over the canvas, given from the keyboard: the pointer aims
   * and a key places the point, for outlines placed without pressing the button. False when
   * the pointer is not over the canvas or a press is held.
   */
  placeAtPointer(): boolean {
    return this.routing.placeAtPointer()
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
    this.routing.release()
    this.history.bailGesture()
    this.setToolState(IDLE)
    this.store.setState({ notice: null })
  }

  // Commands: every change goes through the history, so every one can be undone.

  /** Takes back the last step; in the middle of a gesture (a drawing, a drag) it takes back only that. */
  undo(): void {
    if (this.getState().toolState.name !== 'idle') {
      this.cancelGesture()
      return
    }
    this.history.undo()
  }

  redo(): void {
    this.cancelGesture()
    this.history.redo()
  }

  // The photo's measures: undone and redone with the design; main hears of them through a sync.

  addMeasurement(kind: MeasurementKind, points: Point[]): void {
    measureCommands.add(this.history, kind, points)
  }

  renameMeasurement(id: string, label: string): void {
    measureCommands.rename(this.history, id, label)
  }

  deleteMeasurement(id: string): void {
    measureCommands.delete(this.history, id)
  }

  /** Sets or removes the photo's calibration, as one undo step. */
  setCalibration(calibration: Calibration | null): void {
    measureCommands.calibrate(this.history, calibration)
  }

  /** The ruler line waiting for its length gets it: the photo is calibrated and the tool goes back to Select. */
  confirmRuler(lengthMm: number): void {
    measureCommands.confirmRuler(this, lengthMm)
  }

  // The selection.

  select(ids: readonly string[]): void {
    selectionCommands.select(this, ids)
  }

  selectAll(): void {
    selectionCommands.selectAll(this)
  }

  setTreatedZones(zones: ReadonlyMap<string, string>): void {
    this.treatedZones = zones
  }

  /** Delete: the active point when one is picked, else the selected objects that are not locked. */
  deleteSelection(): void {
    selectionCommands.deleteSelection(this, this.treatedZones)
  }

  /** Removes one control point, as long as what is left is still a valid shape. */
  deletePoint(id: string, drawnIndex: number): void {
    selectionCommands.deletePoint(this, id, drawnIndex)
  }

  /** Moves the selection by a distance in image pixels (the arrow keys). */
  nudge(dx: number, dy: number): void {
    selectionCommands.nudge(this, dx, dy)
  }

  /** Changes an object's properties; `coalesceKey` merges a run of edits to one field into one step. */
  updateObject(id: string, patch: ObjectPatch, label: string, coalesceKey?: string): void {
    this.run(label, (d) => updateObject(d, id, patch), coalesceKey)
  }

  setHairlineMirror(id: string, mirror: boolean): void {
    hairlineCommands.setMirror(this, id, mirror)
  }

  setOption<K extends keyof ToolOptions>(key: K, value: ToolOptions[K]): void {
    this.store.setState({ options: { ...this.getState().options, [key]: value } })
  }

  /** Places a preset hairline: it replaces the selected hairline's points, or else adds one (see `hairlineCommands`). */
  applyPreset(preset: HairlinePreset): void {
    hairlineCommands.applyPreset(this, preset)
  }

  /** Replaces the document wholesale (a reload after a conflict); history starts afresh. */
  load(document: DesignDocument): void {
    this.cancelGesture()
    this.store.setState({ document, history: emptyHistory<Snapshot>(), selection: [], activePoint: null, notice: null })
  }
}
