import type { Point } from '../../../shared/geometry/point'

/** How the photo sits on screen: screen = image × scale + offset, all in CSS pixels. */
export interface Viewport {
  scale: number
  x: number
  y: number
}

export interface Size {
  width: number
  height: number
}

export const MIN_SCALE = 0.01
/** 32× lets a 1 mm dot on a 24 MP photo fill a fingertip; beyond that nothing new is visible. */
export const MAX_SCALE = 32
/** The zoom steps `+` and `-` move through, as in photo editors. */
const STEPS = [
  0.01, 0.02, 0.03, 0.05, 0.0625, 0.083, 0.125, 0.167, 0.25, 0.333, 0.5, 0.667, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32,
]

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s))

/** The whole photo centred in the stage, with a margin so its edges are visible. */
export function fitViewport(image: Size, stage: Size, margin = 24): Viewport {
  const scale = clampScale(
    Math.min((stage.width - 2 * margin) / image.width, (stage.height - 2 * margin) / image.height),
  )
  return { scale, x: (stage.width - image.width * scale) / 2, y: (stage.height - image.height * scale) / 2 }
}

/** Zooms to `scale` keeping the image point under `anchor` (a screen point) where it is. */
export function zoomTo(viewport: Viewport, scale: number, anchor: Point): Viewport {
  const next = clampScale(scale)
  const image = toImage(viewport, anchor)
  return { scale: next, x: anchor.x - image.x * next, y: anchor.y - image.y * next }
}

export function zoomBy(viewport: Viewport, factor: number, anchor: Point): Viewport {
  return zoomTo(viewport, viewport.scale * factor, anchor)
}

/** The next step up or down from the current scale (`+` / `-`). */
export function stepScale(scale: number, direction: 1 | -1): number {
  if (direction > 0) return STEPS.find((s) => s > scale * 1.001) ?? MAX_SCALE
  return [...STEPS].reverse().find((s) => s < scale / 1.001) ?? MIN_SCALE
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { ...viewport, x: viewport.x + dx, y: viewport.y + dy }
}

export function toImage(viewport: Viewport, screen: Point): Point {
  return { x: (screen.x - viewport.x) / viewport.scale, y: (screen.y - viewport.y) / viewport.scale }
}

export function toScreen(viewport: Viewport, image: Point): Point {
  return { x: image.x * viewport.scale + viewport.x, y: image.y * viewport.scale + viewport.y }
}

/**
 * A wheel event is a pinch (ctrlKey, as browsers report trackpad pinches) or a mouse wheel
 * notch: both zoom. Anything else is a two-finger trackpad scroll, which pans.
 */
export function wheelIntent(event: {
  ctrlKey: boolean
  metaKey: boolean
  deltaX: number
  deltaY: number
  deltaMode: number
}): 'zoom' | 'pan' {
  if (event.ctrlKey || event.metaKey) return 'zoom'
  if (event.deltaMode !== 0) return 'zoom'
  const notch = event.deltaX === 0 && Number.isInteger(event.deltaY) && Math.abs(event.deltaY) >= 50
  return notch ? 'zoom' : 'pan'
}

/** Zoom factor for a wheel delta: smooth for pinches, about 1.25× per mouse notch. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaY
  return Math.exp(-pixels * 0.0045)
}
