import type Konva from 'konva'
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { Shape } from 'react-konva'
import type { Size, Viewport } from '../../canvas/viewport'
import {
  advance,
  bakePhoto,
  type ComposedView,
  composeView,
  covers,
  type PigmentSource,
  recompose,
  visiblePart,
} from './view-cache'

/** A zoom has settled once the scale has not changed for this long; then the view is redrawn sharp. */
const SETTLE_MS = 60
/**
 * New pigment over an unchanged photo is multiplied in a few bands a frame, the rest on the
 * frames after: two 128-row bands of a 1600 px view (a band's raster, its rows of the photo and
 * the tiles they cross, is a few milliseconds) where a regeneration's every tile in one frame
 * made a UI-thread task over 50 ms. An edit's few changed tiles fit in one frame.
 */
const PIGMENT_PIXELS_PER_FRAME = 400_000

const NO_PIGMENT = {
  frame: () => 0,
  drawing: () => false,
  subscribe: () => () => {},
}

/**
 * The photo, with any pigment multiplied in, as one cached bitmap at the current zoom (see
 * `bakeView`). While a zoom is under way the cached bitmap is drawn scaled; once it settles, or
 * when new pigment arrives or a pan leaves the cache, it is drawn afresh.
 *
 * `onBusyChange` hears whether what is shown is still on its way (the dot worker drawing, or new
 * pigment not yet taken in to its last band), so whoever reads the picture knows it is whole.
 */
export function BakedPhoto(props: {
  photo: HTMLImageElement
  image: Size
  viewport: Viewport
  stage: Size
  pigment: PigmentSource | null
  onBusyChange?: (busy: boolean) => void
}) {
  const { photo, image, viewport, stage, pigment, onBusyChange } = props
  const source = pigment ?? NO_PIGMENT
  const frame = useSyncExternalStore(source.subscribe, source.frame)
  const pigmentDrawing = useSyncExternalStore(source.subscribe, source.drawing)
  const baked = useRef<ComposedView | null>(null)
  const zoomedAt = useRef(0)
  const [, settle] = useState(0)
  const pixelRatio = window.devicePixelRatio || 1
  const reported = useRef<boolean | null>(null)
  const report = () => {
    const view = baked.current
    const busy =
      view === null || view.pending !== null || (pigment !== null && (view.frame !== frame || pigmentDrawing))
    if (busy === reported.current) return
    reported.current = busy
    onBusyChange?.(busy)
  }

  useEffect(() => {
    pigment?.setView(viewport, stage, pixelRatio)
  }, [pigment, viewport, stage, pixelRatio])

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new photo or pigment source starts a new cache
  useLayoutEffect(() => {
    baked.current = null
  }, [photo, pigment])
  // Before the paint: new pigment is reported busy before a reader could see the old as whole.
  useLayoutEffect(report)

  const scale = viewport.scale
  // biome-ignore lint/correctness/useExhaustiveDependencies: each change of scale restarts the settle timer
  useEffect(() => {
    zoomedAt.current = performance.now()
    const timer = setTimeout(() => settle((n) => n + 1), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [scale])

  return (
    <Shape
      listening={false}
      name={`photo-${frame}`}
      sceneFunc={(context: Konva.Context) => {
        const seen = visiblePart(viewport, stage, image)
        if (seen.width <= 0 || seen.height <= 0) return
        const native = context._context
        const matrix = native.getTransform()
        const pixels = matrix.a
        const current = baked.current
        const zooming = performance.now() - zoomedAt.current < SETTLE_MS
        const photoUsable = current !== null && covers(current.rect, seen) && (current.scale === pixels || zooming)
        const view = !photoUsable
          ? composeView(
              bakePhoto({ photo, image, seen, device: { scale: pixels, x: matrix.e, y: matrix.f } }),
              pigment,
              frame,
            )
          : current.frame === frame || !pigment
            ? current
            : recompose(current, pigment, frame)
        baked.current = view
        if (advance(view, PIGMENT_PIXELS_PER_FRAME)) requestAnimationFrame(() => settle((n) => n + 1))
        report()
        const { bitmap, rect } = view
        if (view.scale !== pixels) {
          context.imageSmoothingEnabled = true
          context.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height)
          return
        }
        // At its own scale the bitmap goes on whole device pixels: a fractional offset would
        // resample every pixel, several times the cost of a copy.
        native.setTransform(1, 0, 0, 1, 0, 0)
        native.drawImage(bitmap, Math.round(matrix.a * rect.x + matrix.e), Math.round(matrix.d * rect.y + matrix.f))
        native.setTransform(matrix)
      }}
    />
  )
}
