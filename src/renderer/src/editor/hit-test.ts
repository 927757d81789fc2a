import type { DesignDocument, DesignObject } from '../../../shared/design/design-types'
import { distance, type Point } from '../../../shared/geometry/point'
import type { Bounds } from '../../../shared/geometry/polygon'
import { shapeOf } from '../shapes/registry'

/**
 * Hit-testing in image pixels, in plain TypeScript, so the tools can be driven without a canvas.
 * `tolerance` is the image-pixel size of a few screen pixels at the current zoom.
 */

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
  const hits = (o: DesignObject) => shapeOf(o).hitTest(o, document, p, tolerance, pxPerMm)
  return candidates.find((o) => shapeOf(o).pickedFirst && hits(o)) ?? candidates.find(hits) ?? null
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
    const points = shapeOf(object)
      .handles(object, document)
      .map((handle) => handle.point)
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
      const b = shapeOf(o).bounds(o, document)
      return b !== null && b.minX >= rect.minX && b.maxX <= rect.maxX && b.minY >= rect.minY && b.maxY <= rect.maxY
    })
    .map((o) => o.id)
}
