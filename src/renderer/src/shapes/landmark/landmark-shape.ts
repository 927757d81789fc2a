import {
  type DesignDocument,
  LANDMARK_ROLES,
  type LandmarkObject,
  type LandmarkRole,
} from '../../../../shared/design/design-types'
import { isClosedOutline, minimumPoints } from '../../../../shared/design/point-rules'
import { distance, type Point } from '../../../../shared/geometry/point'
import { boundsOf } from '../../../../shared/geometry/polygon'
import { kindNames, labelOf, objectBase } from '../object-base'
import type { ShapeDefinition } from '../shape'
import { nearLine, ownHandles } from '../shape-rules'

export const LANDMARK_COLOUR = '#ffe066'

export function newLandmark(document: DesignDocument, points: Point[], role: LandmarkRole): LandmarkObject {
  return { ...objectBase(document, labelOf(LANDMARK_ROLES, role), LANDMARK_COLOUR, points), kind: 'landmark', role }
}

/**
 * A landmark: the facial midline (two points fixing a line) or one point (glabella, temple
 * points, vertex). It is its points, so deleting one deletes the landmark.
 */
export const landmarkShape: ShapeDefinition<LandmarkObject> = {
  kind: 'landmark',
  ...kindNames('landmark'),
  pickedFirst: true,
  deletedWithPoint: true,
  isClosed: isClosedOutline,
  minimumPoints,
  pointsProblem: ({ role, points: [a, b] }) =>
    role === 'midline' && a && b && a.x === b.x && a.y === b.y
      ? 'The midline needs two different points, so the point went back.'
      : null,
  handles: (landmark) => ownHandles(landmark.points),
  outline: (landmark) => landmark.points,
  hitTest: (landmark, _document, p, tolerance) =>
    landmark.role === 'midline'
      ? nearLine(p, landmark.points, false, tolerance)
      : distance(landmark.points[0] as Point, p) <= tolerance * 1.5,
  bounds: (landmark) => boundsOf(landmark.points),
  labelAnchor: (landmark) => (landmark.role === 'midline' ? null : (landmark.points[0] ?? null)),
  figures: () => [],
}
