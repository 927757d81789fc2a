import { type DesignDocument, OBJECT_KINDS } from '../../../shared/design/design-types'

export interface PointOutside {
  /** The field path of the point in a `designs.save` input, for the editor to highlight. */
  field: string
  message: string
}

/**
 * The first control point that lies off the photo, or null when all are on it. Points are in
 * the original's pixels, so the photo spans [0, width] × [0, height].
 */
export function pointOutsidePhoto(
  document: DesignDocument,
  photo: { width: number; height: number },
): PointOutside | null {
  for (const [objectIndex, object] of document.objects.entries()) {
    const pointIndex = object.points.findIndex((p) => p.x < 0 || p.y < 0 || p.x > photo.width || p.y > photo.height)
    if (pointIndex < 0) continue
    const label = object.name || OBJECT_KINDS.find((k) => k.kind === object.kind)?.label || object.kind
    return {
      field: `document.objects.${objectIndex}.points.${pointIndex}`,
      message: `${label}: point ${pointIndex + 1} lies outside the photo (${photo.width} × ${photo.height} px); move it back onto the photo.`,
    }
  }
  return null
}
