import type Konva from 'konva'
import { type ReactNode, useEffect, useRef } from 'react'
import { Circle, Group, Label, Layer, Line, Rect, Stage, Tag, Text } from 'react-konva'
import type { Point } from '../../../../shared/geometry/point'
import { formatQuantity, lengthOf, measure, pxPerMm } from '../../../../shared/photos/calibration'
import type { Calibration, Measurement } from '../../../../shared/photos/photo'
import { BakedPhoto } from './BakedPhoto'
import type { CanvasStore } from './canvas-store'
import './canvas.css'
import type { Editor } from '../../editor/editor'
import type { PointerInput } from '../../editor/tools/tool'
import { draftWithPointer, isDrawingTool } from './measure-tool'
import { OVERLAY } from './overlay-style'
import { useCanvas } from './use-canvas'
import { useHtmlImage } from './use-html-image'
import type { PigmentSource } from './view-cache'
import { toImage, toScreen } from './viewport'

/** A pointer that moves less than this between press and release clicked rather than dragged. */
const CLICK_SLOP_PX = 4
/** Screen pixels around a point or line that count as on it, whatever the zoom. */
const HIT_PX = 8
/** Two clicks this close in time, and within the click slop of each other, are a double-click. */
const DOUBLE_CLICK_MS = 400

interface PhotoCanvasProps {
  store: CanvasStore
  imageUrl: string
  calibration: Calibration | null
  measurements: readonly Measurement[]
  /** A ruler line waiting for its real length. */
  pendingCalibration: readonly Point[] | null
  onDrawn(tool: 'calibrate' | 'distance' | 'area', points: Point[]): void
  label: string
  /** The design editor the design tools' input goes to. */
  editor?: Editor
  /** Konva layers drawn over the photo (the design), under the labels. */
  children?: ReactNode
  /** Bitmaps multiplied into the photo itself, under the calibration and measurements: the session layers. */
  pigment?: PigmentSource | null
}

function ScreenLabel({ at, text, colour }: { at: Point; text: string; colour: string }) {
  return (
    <Label x={at.x + 10} y={at.y - 28} listening={false}>
      <Tag fill={OVERLAY.labelBackground} cornerRadius={4} stroke={colour} strokeWidth={1} />
      <Text text={text} fill={OVERLAY.labelText} fontSize={12} padding={5} fontFamily="system-ui, sans-serif" />
    </Label>
  )
}

/**
 * The photo on a Konva stage: the working copy drawn at the original's pixel size (so every
 * point is in original pixels, the calibration's unit), with measurements on top. Pan, zoom
 * and tools come from the canvas store; this component only renders it and forwards input.
 */
export function PhotoCanvas(props: PhotoCanvasProps) {
  const { store } = props
  const { image, stage, viewport, tool, spaceHeld, draft, pointer } = useCanvas(store, (s) => ({
    image: s.image,
    stage: s.stage,
    viewport: s.viewport,
    tool: s.tool,
    spaceHeld: s.spaceHeld,
    draft: s.draft,
    pointer: s.pointer,
  }))
  const holder = useRef<HTMLDivElement>(null)
  const press = useRef<{ screen: Point; last: Point; panning: boolean; captured: boolean } | null>(null)
  const lastClick = useRef<{ at: Point; time: number } | null>(null)
  const loaded = useHtmlImage(props.imageUrl)
  const scale = pxPerMm(props.calibration)
  const panMode = tool === 'hand' || spaceHeld
  const editor = props.editor && !isDrawingTool(tool) && tool !== 'hand' ? props.editor : null

  useEffect(() => {
    const element = holder.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) store.getState().setStage({ width: entry.contentRect.width, height: entry.contentRect.height })
    })
    observer.observe(element)
    // Wheel must be non-passive to keep the page from scrolling or the browser from zooming.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const box = element.getBoundingClientRect()
      store.getState().wheel(event, { x: event.clientX - box.left, y: event.clientY - box.top })
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      observer.disconnect()
      element.removeEventListener('wheel', onWheel)
    }
  }, [store])

  const screenPoint = (event: Konva.KonvaEventObject<MouseEvent>): Point | null =>
    event.target.getStage()?.getPointerPosition() ?? null

  const input = (at: Point, event: MouseEvent): PointerInput => {
    const { viewport: current } = store.getState()
    return {
      point: toImage(current, at),
      shift: event.shiftKey,
      alt: event.altKey,
      tolerance: HIT_PX / current.scale,
    }
  }

  const onMouseDown = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const at = screenPoint(event)
    if (!at) return
    const panning = panMode || event.evt.button === 1
    const captured = !panning && event.evt.button === 0 && (editor?.pointerDown(input(at, event.evt)) ?? false)
    press.current = { screen: at, last: at, panning, captured }
  }

  const onMouseMove = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const at = screenPoint(event)
    if (!at) return
    const state = store.getState()
    const held = press.current
    if (held?.panning) {
      state.pan(at.x - held.last.x, at.y - held.last.y)
      held.last = at
      return
    }
    if (editor) {
      if (held?.captured) {
        held.last = at
        editor.pointerMove(input(at, event.evt))
      } else editor.hover(toImage(state.viewport, at))
      return
    }
    // Only a draft follows the pointer; tracking it otherwise would redraw the photo on every move.
    if (state.draft) state.setPointer(toImage(state.viewport, at))
  }

  const onMouseUp = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const held = press.current
    press.current = null
    const at = screenPoint(event)
    if (!held || !at || held.panning || event.evt.button !== 0) return
    if (editor && held.captured) {
      editor.pointerUp(input(at, event.evt))
      return
    }
    if (Math.hypot(at.x - held.screen.x, at.y - held.screen.y) > CLICK_SLOP_PX) return
    // Konva reports any two clicks within 400 ms as a double-click, wherever they were; quick
    // corner-by-corner clicking must not finish an outline, so only a second click on the same
    // spot counts.
    const previous = lastClick.current
    const double =
      previous !== null &&
      event.evt.timeStamp - previous.time < DOUBLE_CLICK_MS &&
      Math.hypot(at.x - previous.at.x, at.y - previous.at.y) <= CLICK_SLOP_PX
    lastClick.current = double ? null : { at, time: event.evt.timeStamp }
    if (editor) {
      if (double) editor.doubleClick(input(at, event.evt))
      else editor.click(input(at, event.evt))
      return
    }
    const state = store.getState()
    const done = double
      ? state.toolEvent({ type: 'close' })
      : state.toolEvent({ type: 'click', point: clampToImage(toImage(state.viewport, at), image) })
    if (done) props.onDrawn(done.tool, done.points)
  }

  const flat = (points: readonly Point[]) => points.flatMap((p) => [p.x, p.y])
  const handleRadius = OVERLAY.handle / viewport.scale
  const live = draftWithPointer(draft, pointer && clampToImage(pointer, image))
  const liveText = (() => {
    if (!draft || live.length < 2) return null
    if (draft.tool === 'area') {
      if (live.length < 3) return null
      return formatQuantity(measure({ kind: 'area', points: live }, scale))
    }
    if (draft.tool === 'calibrate') return `${Math.round(lengthOf(live, null).value)} px ruler line`
    return formatQuantity(lengthOf(live, scale))
  })()

  const labels: ReactNode[] = props.measurements.map((m) => {
    const anchor = m.kind === 'distance' ? (m.points[1] as Point) : topmost(m.points)
    const text = `${m.label ? `${m.label}: ` : ''}${formatQuantity(measure(m, scale))}`
    return <ScreenLabel key={m.id} at={toScreen(viewport, anchor)} text={text} colour={OVERLAY[m.kind]} />
  })

  return (
    <div
      ref={holder}
      className="photo-canvas"
      data-tool={panMode ? 'hand' : tool}
      data-scale={viewport.scale.toFixed(4)}
      // The editing canvas takes the focus when pressed, so Enter finishes an outline there while
      // Enter on a focused button still presses the button; its keys are the workspace's own.
      role="application"
      tabIndex={props.editor ? 0 : undefined}
      onPointerDown={props.editor ? (event) => event.currentTarget.focus({ preventScroll: true }) : undefined}
      aria-label={props.label}
    >
      {stage.width > 0 && (
        <Stage
          width={stage.width}
          height={stage.height}
          onMouseDown={onMouseDown}
          onMouseMove={onMouseMove}
          onMouseUp={onMouseUp}
          onMouseLeave={(event) => {
            // A drag that leaves the photo ends where the pointer last was, as if released there.
            const held = press.current
            if (held?.captured && editor) editor.pointerUp(input(held.last, event.evt))
            press.current = null
            store.getState().setPointer(null)
            props.editor?.hover(null)
          }}
        >
          <Layer listening={false}>
            <Group x={viewport.x} y={viewport.y} scaleX={viewport.scale} scaleY={viewport.scale}>
              {loaded.status === 'ready' && (
                <BakedPhoto
                  photo={loaded.image}
                  image={image}
                  viewport={viewport}
                  stage={stage}
                  pigment={props.pigment ?? null}
                />
              )}
              {loaded.status !== 'ready' && <Rect width={image.width} height={image.height} fill="#2a2a2d" />}
              {props.calibration && (
                <Line
                  points={flat([props.calibration.a, props.calibration.b])}
                  stroke={OVERLAY.calibration}
                  strokeWidth={OVERLAY.stroke}
                  strokeScaleEnabled={false}
                  dash={[8, 5]}
                  dashEnabled
                />
              )}
              {props.measurements.map((m) => (
                <Line
                  key={m.id}
                  points={flat(m.points)}
                  closed={m.kind === 'area'}
                  stroke={OVERLAY[m.kind]}
                  fill={m.kind === 'area' ? OVERLAY.areaFill : undefined}
                  strokeWidth={OVERLAY.stroke}
                  strokeScaleEnabled={false}
                />
              ))}
              {props.pendingCalibration && (
                <Line
                  points={flat(props.pendingCalibration)}
                  stroke={OVERLAY.calibration}
                  strokeWidth={OVERLAY.stroke}
                  strokeScaleEnabled={false}
                />
              )}
              {live.length > 0 && (
                <Line
                  points={flat(live)}
                  closed={draft?.tool === 'area' && live.length > 2}
                  stroke={draft?.tool === 'calibrate' ? OVERLAY.calibration : OVERLAY.draft}
                  fill={draft?.tool === 'area' ? OVERLAY.areaFill : undefined}
                  strokeWidth={OVERLAY.stroke}
                  strokeScaleEnabled={false}
                  dash={[6, 4]}
                  dashEnabled
                />
              )}
              {draft?.points.map((p, i) => (
                <Circle
                  // biome-ignore lint/suspicious/noArrayIndexKey: a draft's corners have no identity but their order
                  key={i}
                  x={p.x}
                  y={p.y}
                  radius={handleRadius * (i === 0 && draft.tool === 'area' ? 1.6 : 1)}
                  fill={OVERLAY.draft}
                  strokeScaleEnabled={false}
                />
              ))}
            </Group>
          </Layer>
          {props.children}
          <Layer listening={false}>
            {props.calibration && scale && (
              <ScreenLabel
                at={toScreen(viewport, props.calibration.b)}
                text={`${props.calibration.lengthMm} mm ruler`}
                colour={OVERLAY.calibration}
              />
            )}
            {labels}
            {liveText && pointer && (
              <ScreenLabel at={toScreen(viewport, live.at(-1) as Point)} text={liveText} colour={OVERLAY.draft} />
            )}
          </Layer>
        </Stage>
      )}
      {loaded.status === 'error' && (
        <p className="photo-canvas__error" role="alert">
          The photo file could not be loaded.
        </p>
      )}
    </div>
  )
}

function clampToImage(p: Point, image: { width: number; height: number }): Point {
  return { x: Math.min(image.width, Math.max(0, p.x)), y: Math.min(image.height, Math.max(0, p.y)) }
}

function topmost(points: readonly Point[]): Point {
  return points.reduce((best, p) => (p.y < best.y ? p : best), points[0] as Point)
}
