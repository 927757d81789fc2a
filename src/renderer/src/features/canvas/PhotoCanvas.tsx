import type Konva from 'konva'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import { Group, Layer, Line, Rect, Stage } from 'react-konva'
import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Point } from '../../../../shared/geometry/point'
import { formatQuantity, measure, pxPerMm } from '../../../../shared/photos/calibration'
import type { Calibration } from '../../../../shared/photos/photo'
import { toScreen } from '../../canvas/viewport'
import type { ViewportStore } from '../../canvas/viewport-store'
import type { PointerInfo } from '../../editor/click-manager'
import type { Editor } from '../../editor/editor'
import type { PhotoMeasurement } from '../../editor/measures'
import { Loading } from '../../ui/Loading'
import { useHeldFlag } from '../../ui/use-held-flag'
import { BakedPhoto } from './BakedPhoto'
import './canvas.css'
import { OVERLAY } from './overlay-style'
import { PhotoToolDrawing } from './PhotoToolDrawing'
import { panInput } from './pan-input'
import { ScreenLabel } from './ScreenLabel'
import { useHtmlImage } from './use-html-image'
import { useViewport } from './use-viewport'
import type { PigmentSource } from './view-cache'

interface PhotoCanvasProps {
  viewport: ViewportStore
  imageUrl: string
  calibration: Calibration | null
  measurements: readonly PhotoMeasurement[]
  label: string
  /** The editor the pointer input goes to; without one (the review) a drag pans. */
  editor?: Editor
  /** Konva layers drawn over the photo (the design), under the labels. */
  children?: ReactNode
  /** HTML placed over the stage (a prompt beside what was drawn). */
  overlay?: ReactNode
  /** Bitmaps multiplied into the photo itself, under the calibration and measurements: the session layers. */
  pigment?: PigmentSource | null
}

/** A wait this long or longer says what is being waited for; a shorter one shows nothing. */
const NOTICE_WAIT_MS = 400

type CursorSource = StoreApi<{ tool: string; spaceHeld: boolean }>
/** A canvas without an editor only pans. */
const PAN_ONLY: CursorSource = createStore(() => ({ tool: 'hand', spaceHeld: false }))

/**
 * The photo on a Konva stage: the working copy drawn at the original's pixel size (so every
 * point is in original pixels, the calibration's unit), with measurements on top. It turns
 * pointer events into plain input for the editor (stage point, button, modifiers, time) and
 * draws; which press is a click, a double-click or a drag the editor decides.
 */
export function PhotoCanvas(props: PhotoCanvasProps) {
  const { viewport: store, editor } = props
  const { image, stage, viewport } = useViewport(store, (s) => ({
    image: s.image,
    stage: s.stage,
    viewport: s.viewport,
  }))
  const holder = useRef<HTMLDivElement>(null)
  const panner = useMemo(() => panInput(store), [store])
  const input = editor ?? panner
  const loaded = useHtmlImage(props.imageUrl)
  const [drawing, setDrawing] = useState(true)
  const busy = loaded.status === 'loading' || (loaded.status === 'ready' && drawing)
  const slow = useHeldFlag(busy, NOTICE_WAIT_MS)
  const scale = pxPerMm(props.calibration)
  // What the pointer shows: the hand while a press would pan, else the tool.
  const cursorTool = useStore(editor?.store ?? PAN_ONLY, (s) => (s.tool === 'hand' || s.spaceHeld ? 'hand' : s.tool))

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

  const pointer = (event: Konva.KonvaEventObject<MouseEvent>): PointerInfo | null => {
    const screen: Point | null = event.target.getStage()?.getPointerPosition() ?? null
    if (!screen) return null
    const { button, shiftKey, altKey, timeStamp } = event.evt
    return { screen, button, shift: shiftKey, alt: altKey, time: timeStamp }
  }
  const send = (deliver: (info: PointerInfo) => void) => (event: Konva.KonvaEventObject<MouseEvent>) => {
    const info = pointer(event)
    if (info) deliver(info)
  }

  const flat = (points: readonly Point[]) => points.flatMap((p) => [p.x, p.y])
  const labels: ReactNode[] = props.measurements.map((m) => {
    const anchor = m.kind === 'distance' ? (m.points[1] as Point) : topmost(m.points)
    const text = `${m.label ? `${m.label}: ` : ''}${formatQuantity(measure(m, scale))}`
    return <ScreenLabel key={m.id} at={toScreen(viewport, anchor)} text={text} colour={OVERLAY[m.kind]} />
  })

  return (
    <div
      ref={holder}
      className="photo-canvas"
      data-tool={cursorTool}
      data-scale={viewport.scale.toFixed(4)}
      // The editing canvas takes the focus when pressed, so Enter finishes an outline there while
      // Enter on a focused button still presses the button; its keys are the workspace's own.
      role="application"
      tabIndex={editor ? 0 : undefined}
      onPointerDown={
        editor
          ? (event) => {
              // Only a press on the photo itself: a field placed over it keeps the focus it takes.
              if (event.target instanceof HTMLCanvasElement) event.currentTarget.focus({ preventScroll: true })
            }
          : undefined
      }
      aria-label={props.label}
      // Busy until the photo and every layer's dots are on screen: a reader (assistive technology,
      // a test, the bench) then knows the picture is the plan's, not a frame on its way to it.
      aria-busy={busy}
    >
      {stage.width > 0 && (
        <Stage
          width={stage.width}
          height={stage.height}
          onMouseDown={send((info) => input.pointerDown(info))}
          onMouseMove={send((info) => input.pointerMove(info))}
          onMouseUp={send((info) => input.pointerUp(info))}
          onMouseLeave={() => input.pointerLeave()}
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
                  onBusyChange={setDrawing}
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
            </Group>
          </Layer>
          {props.children}
          {editor && <PhotoToolDrawing editor={editor} />}
          <Layer listening={false}>
            {props.calibration && scale && (
              <ScreenLabel
                at={toScreen(viewport, props.calibration.b)}
                text={`${props.calibration.lengthMm} mm ruler`}
                colour={OVERLAY.calibration}
              />
            )}
            {labels}
          </Layer>
        </Stage>
      )}
      {props.overlay}
      {slow && (
        <Loading className="status-line photo-canvas__status">
          {loaded.status === 'loading' ? 'Loading the photo…' : 'Drawing the layers…'}
        </Loading>
      )}
      {loaded.status === 'error' && (
        <p className="photo-canvas__error" role="alert">
          The photo file could not be loaded.
        </p>
      )}
    </div>
  )
}

function topmost(points: readonly Point[]): Point {
  return points.reduce((best, p) => (p.y < best.y ? p : best), points[0] as Point)
}
