import type { Line } from '../geometry/line'
import type { Point } from '../geometry/point'
import type { DesignDocument, LandmarkObject, LandmarkRole } from './design-types'

export function landmarkOf(document: DesignDocument, role: LandmarkRole): LandmarkObject | undefined {
  return document.objects.find((o): o is LandmarkObject => o.kind === 'landmark' && o.role === role)
}

/** The facial midline the hairline is mirrored about, when the artist has placed it. */
export function midlineOf(document: DesignDocument): Line | null {
  const [a, b] = landmarkOf(document, 'midline')?.points ?? []
  return a && b ? { a, b } : null
}

export function glabellaOf(document: DesignDocument): Point | null {
  return landmarkOf(document, 'glabella')?.points[0] ?? null
}

/**
 * The unit vector "up the forehead": along the midline when there is one, pointing toward the
 * top of the photo, else straight up the photo.
 */
export function upDirection(midline: Line | null): Point {
  if (!midline) return { x: 0, y: -1 }
  const dx = midline.b.x - midline.a.x
  const dy = midline.b.y - midline.a.y
  const length = Math.hypot(dx, dy)
  const sign = dy > 0 ? -1 : 1
  return { x: (sign * dx) / length, y: (sign * dy) / length }
}
