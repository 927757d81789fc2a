import type { Point } from '../../../shared/geometry/point'
import { toImage } from '../canvas/viewport'
import { ClickManager, type PointerInfo } from './click-manager'
import type { Editor } from './editor'
import type { EditorHistory } from './editor-history'
import { HIT_PX } from './editor-state'
import type { PointerInput, Tool } from './tools/tool'

/**
 * Where each pointer event goes: a pan (middle button, or Space held), the active tool when its
 * press took the pointer (capture), or click detection, which turns presses into clicks,
 * double-clicks and drags for the tool. A press marks the history, so a gesture it starts ends
 * as one undo step. Input is in stage pixels, as the canvas reports it.
 */
export class PointerRouting {
  private readonly clicks = new ClickManager()
  /** A press the active tool took: its moves and release go to the tool, not to click detection. */
  private captured = false
  private panning: { last: Point } | null = null
  private lastPointer: PointerInfo | null = null

  constructor(
    private readonly editor: Editor,
    private readonly history: EditorHistory,
    private readonly tool: () => Tool,
  ) {}

  private input(info: PointerInfo): PointerInput {
    const { viewport } = this.editor.viewport.getState()
    return {
      point: toImage(viewport, info.screen),
      screen: info.screen,
      shift: info.shift,
      alt: info.alt,
      tolerance: HIT_PX / viewport.scale,
    }
  }

  /** A step the tool acts on at once: its tolerance kept for later keys, the last notice cleared. */
  private act(input: PointerInput): void {
    this.editor.tolerance = input.tolerance
    this.editor.setNotice(null)
  }

  beginPan(screen: Point): void {
    this.panning = { last: screen }
  }

  down(info: PointerInfo): boolean {
    this.lastPointer = info
    this.clicks.down(info)
    this.captured = false
    if (info.button === 1 || (info.button === 0 && this.editor.getState().spaceHeld)) {
      this.beginPan(info.screen)
      return true
    }
    if (info.button !== 0) return false
    const input = this.input(info)
    this.act(input)
    const before = this.editor.getState().toolState
    this.history.beginGesture()
    const took = this.tool().onPointerDown?.(this.editor, input) === true
    const after = this.editor.getState().toolState
    const started = after !== before && after.name !== 'idle' && after.name !== 'drawing'
    if (!started) this.history.forgetGesture()
    this.captured = took || started
    return this.captured
  }

  move(info: PointerInfo): void {
    this.lastPointer = info
    const kind = this.clicks.move(info)
    if (this.panning) {
      this.editor.viewport.getState().pan(info.screen.x - this.panning.last.x, info.screen.y - this.panning.last.y)
      this.panning.last = info.screen
      return
    }
    const input = this.input(info)
    if (this.captured) {
      this.tool().onPointerMove?.(this.editor, input)
      return
    }
    const from = this.clicks.pressedAt()
    if (kind === 'drag-start' && from) this.tool().onDragStart?.(this.editor, this.input({ ...info, screen: from }))
    this.follow(input.point)
  }

  up(info: PointerInfo): void {
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
      this.tool().onPointerUp?.(this.editor, input)
      return
    }
    if (kind === 'drag-end') this.tool().onDragEnd?.(this.editor, input)
    else if (kind === 'double-click') this.tool().onDoubleClick?.(this.editor, input)
    else if (kind === 'click') {
      this.act(input)
      this.tool().onClick?.(this.editor, input)
    }
  }

  leave(): void {
    const last = this.lastPointer
    if (this.captured && last) this.up({ ...last, button: 0 })
    this.lastPointer = null
    this.captured = false
    this.panning = null
    this.clicks.cancel()
    this.follow(null)
  }

  placeAtPointer(): boolean {
    const at = this.lastPointer
    if (!at || this.captured || this.panning || this.clicks.pressedAt()) return false
    const input = this.input(at)
    this.act(input)
    this.tool().onClick?.(this.editor, input)
    return true
  }

  /** Lets go of the press under way, so nothing of it reaches the tool. */
  release(): void {
    this.captured = false
    this.clicks.cancel()
  }

  /** The pointer over the canvas; only a drawing follows it, so nothing else redraws on a move. */
  private follow(point: Point | null): void {
    const { toolState, pointer } = this.editor.getState()
    if (toolState.name === 'drawing') this.editor.store.setState({ pointer: point && this.editor.clampToImage(point) })
    else if (pointer) this.editor.store.setState({ pointer: null })
  }
}
