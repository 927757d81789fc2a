import type { DesignDocument, DesignObject } from '../../../shared/design/design-types'
import { hairlineControls, hairlineCurve } from '../../../shared/design/hairline'
import { midlineOf } from '../../../shared/design/landmarks'
import { closestOnPolyline } from '../../../shared/geometry/line'
import { distance, type Point } from '../../../shared/geometry/point'
import { type Bounds, boundsOf, pointInPolygon } from '../../../shared/geometry/polygon'

/**
 * Hit-testing in image pixels, in plain TypeScript, so the tools can be driven without a canvas.
 * `tolerance` is the image-pixel size of a few screen pixels at the current zoom.
 */

/** The points an object shows handles for, in drawn order (a mirrored hairline shows both halves). */
export function handlePoints(object: DesignObject, document: DesignDocument): Point[] {
  if (object.kind === 'hairline') return hairlineControls(object, midlineOf(document)).points
  return object.points
}

/** The outline an object is hit and drawn by. */
export function objectOutline(object: DesignObject, document: DesignDocument): Point[] {
  if (object.kind === 'hairline') return hairlineCurve(object, midlineOf(document))
  return object.points
}

function hitsObject(
  object: DesignObject,
  document: DesignDocument,
  p: Point,
  tolerance: number,
  pxPerMm: number | null,
) {
  const near = (points: readonly Point[], closed: boolean, within: number) =>
    (closestOnPolyline(p, points, closed)?.distance ?? Infinity) <= within
  switch (object.kind) {
    case 'zone':
      return pointInPolygon(p, object.points) || near(object.points, true, tolerance)
    case 'scar':
      if (object.shape === 'polygon') return pointInPolygon(p, object.points) || near(object.points, true, tolerance)
      if (object.shape === 'dots') return object.points.some((d) => distance(d, p) <= tolerance * 1.5)
      return near(object.points, false, Math.max(tolerance, pxPerMm ? (object.widthMm * pxPerMm) / 2 : 0))
    case 'hairline':
      return near(objectOutline(object, document), false, tolerance)
    case 'landmark':
      return object.role === 'midline'
        ? near(object.points, false, tolerance)
        : distance(object.points[0] as Point, p) <= tolerance * 1.5
    case 'pin':
      return distance(object.points[0] as Point, p) <= tolerance * 2
  }
}

/** Whether an object can be picked on the canvas: hidden and locked ones are left alone there. */
export const isEditable = (object: DesignObject): boolean => !object.hidden && !object.locked

/** The topmost editable object under the point. Points and lines win over the areas they sit in. */
export function objectAt(
  document: DesignDocument,
  p: Point,
  tolerance: number,
  pxPerMm: number | null,
): DesignObject | null {
  const candidates = [...document.objects].reverse().filter(isEditable)
  const small = candidates.find(
    (o) =>
      (o.kind === 'landmark' || o.kind === 'pin' || o.kind === 'hairline') &&
      hitsObject(o, document, p, tolerance, pxPerMm),
  )
  return small ?? candidates.find((o) => hitsObject(o, document, p, tolerance, pxPerMm)) ?? null
}

/** A handle (control point) of one of the given objects under the point, topmost first. */
export function handleAt(
  document: DesignDocument,
  ids: readonly string[],
  p: Point,
  tolerance: number,
): { id: string; index: number } | null {
  for (const object of [...document.objects].reverse()) {
    if (!ids.includes(object.id) || !isEditable(object)) continue
    const points = handlePoints(object, document)
    let best = -1
    let bestDistance = tolerance
    points.forEach((q, index) => {
      const d = distance(q, p)
      if (d <= bestDistance) {
        best = index
        bestDistance = d
      }
    })
    if (best >= 0) return { id: object.id, index: best }
  }
  return null
}

export function rectFrom(a: Point, b: Point): Bounds {
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) }
}

/** Editable objects lying wholly inside a marquee, as in every drawing tool. */
export function objectsInRect(document: DesignDocument, rect: Bounds): string[] {
  return document.objects
    .filter(isEditable)
    .filter((o) => {
      const b = boundsOf(objectOutline(o, document))
      return b !== null && b.minX >= rect.minX && b.maxX <= rect.maxX && b.minY >= rect.minY && b.maxY <= rect.maxY
    })
    .map((o) => o.id)
}
