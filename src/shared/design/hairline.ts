import { distanceToLine, type Line, mirrorPoint, sideOfLine } from '../geometry/line'
import type { Point } from '../geometry/point'
import { sampleSpline } from '../geometry/spline'
import type { HairlineObject } from './design-types'

/** A mirrored half that ends this close to the midline (px) meets its reflection there, not twice. */
const ON_MIDLINE_PX = 0.5

/** Where a point of the drawn hairline comes from: one of the stored points, as is or reflected. */
export interface PointSource {
  index: number
  mirrored: boolean
}

/**
 * The hairline's control points as drawn. With mirror on and a midline placed, the stored half
 * is followed by its reflection in reverse order, so the curve runs from one temple to the other.
 */
export function hairlineControls(
  hairline: Pick<HairlineObject, 'points' | 'mirror'>,
  midline: Line | null,
): { points: Point[]; sources: PointSource[] } {
  const half = hairline.points
  const points = half.map((p) => ({ ...p }))
  const sources: PointSource[] = half.map((_, index) => ({ index, mirrored: false }))
  if (!hairline.mirror || !midline || half.length === 0) return { points, sources }
  const last = half.length - 1
  const meets = distanceToLine(half[last] as Point, midline) <= ON_MIDLINE_PX
  for (let index = meets ? last - 1 : last; index >= 0; index--) {
    points.push(mirrorPoint(half[index] as Point, midline))
    sources.push({ index, mirrored: true })
  }
  return { points, sources }
}

/** The hairline as a smooth polyline in image pixels. */
export function hairlineCurve(hairline: Pick<HairlineObject, 'points' | 'mirror'>, midline: Line | null): Point[] {
  return sampleSpline(hairlineControls(hairline, midline).points)
}

/**
 * Moves one drawn point. A reflected point moves its stored original to the reflection of where
 * it was dragged, so dragging either side of a mirrored hairline moves both.
 */
export function moveHairlinePoint(
  hairline: HairlineObject,
  midline: Line | null,
  drawnIndex: number,
  to: Point,
): Point[] {
  const source = hairlineControls(hairline, midline).sources[drawnIndex]
  if (!source) return hairline.points
  const stored = source.mirrored && midline ? mirrorPoint(to, midline) : to
  return hairline.points.map((p, i) => (i === source.index ? stored : p))
}

/** Seeded value noise in [-1, 1]: the same hairline draws the same broken edge every time. */
function hash(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n, 0x27d4eb2d)) >>> 0
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return ((h ^ (h >>> 16)) >>> 0) / 0xffffffff
}

function noise(seed: number, x: number): number {
  const i = Math.floor(x)
  const f = x - i
  const smooth = f * f * (3 - 2 * f)
  return (hash(seed, i) * (1 - smooth) + hash(seed, i + 1) * smooth) * 2 - 1
}

export function seedOf(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0
  return h
}

/**
 * The preview band of a hairline's soft edge: from the line down toward the face by the feather
 * width, its lower edge broken by large- and small-scale irregularity (a sharp edge-up at 0).
 * Returned as a closed outline in image pixels: the curve, then the lower edge back.
 */
export function hairlineBand(curve: readonly Point[], featherPx: number, irregularity: number, seed: number): Point[] {
  if (curve.length < 2 || featherPx <= 0) return []
  const lower: Point[] = []
  let along = 0
  for (let i = 0; i < curve.length; i++) {
    const previous = curve[Math.max(0, i - 1)] as Point
    const next = curve[Math.min(curve.length - 1, i + 1)] as Point
    const p = curve[i] as Point
    if (i > 0) along += Math.hypot(p.x - previous.x, p.y - previous.y)
    const tx = next.x - previous.x
    const ty = next.y - previous.y
    const length = Math.hypot(tx, ty) || 1
    // The normal that points down the photo, toward the face.
    let nx = -ty / length
    let ny = tx / length
    if (ny < 0 || (ny === 0 && nx < 0)) {
      nx = -nx
      ny = -ny
    }
    const large = noise(seed, along / (featherPx * 4))
    const small = noise(seed + 1, along / featherPx)
    const depth = featherPx * Math.max(0.15, 1 + irregularity * (0.45 * large + 0.35 * small))
    lower.push({ x: p.x + nx * depth, y: p.y + ny * depth })
  }
  return [...curve.map((p) => ({ ...p })), ...lower.reverse()]
}

/** Where a dragged drawn point puts its stored original. */
export function storedPosition(source: PointSource, to: Point, midline: Line | null): Point {
  return source.mirrored && midline ? mirrorPoint(to, midline) : to
}

/**
 * Inserts a control point on the span after drawn point `span` (as found by a click on the
 * curve). Returns the new stored points and the inserted point's source, so a drag can follow.
 */
export function insertHairlinePoint(
  hairline: HairlineObject,
  midline: Line | null,
  span: number,
  at: Point,
): { points: Point[]; source: PointSource } {
  const { sources } = hairlineControls(hairline, midline)
  const from = sources[span]
  const to = sources[span + 1]
  const insert = (index: number, mirrored: boolean) => {
    const points = [...hairline.points]
    points.splice(index, 0, storedPosition({ index, mirrored }, at, midline))
    return { points, source: { index, mirrored } }
  }
  if (!from || !to) return insert(hairline.points.length, false)
  if (!from.mirrored && !to.mirrored) return insert(to.index, false)
  if (from.mirrored && to.mirrored) return insert(from.index, true)
  // The span across the midline, from the stored half's last point to the first reflected one:
  // the new point joins the stored half on the stored side, whichever side was clicked.
  if (from.index === to.index) {
    const first = hairline.points[0] as Point
    const across = midline !== null && sideOfLine(at, midline) === -sideOfLine(first, midline)
    return insert(hairline.points.length, across)
  }
  return insert(from.index, true)
}

/**
 * Mirror on keeps the points on the side the hairline starts from, so the artist's first side
 * wins; mirror off writes out both halves, so nothing moves on screen either way.
 */
export function setHairlineMirror(hairline: HairlineObject, midline: Line | null, mirror: boolean): Point[] {
  if (!midline || mirror === hairline.mirror) return hairline.points
  if (!mirror) return hairlineControls(hairline, midline).points
  const first = hairline.points[0]
  if (!first) return hairline.points
  const side = sideOfLine(first, midline)
  const kept = hairline.points.filter((p) => sideOfLine(p, midline) !== -side)
  return kept.length >= 1 ? kept : hairline.points
}
