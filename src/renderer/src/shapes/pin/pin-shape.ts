import type { DesignDocument, PinObject } from '../../../../shared/design/design-types'
import { isClosedOutline, minimumPoints } from '../../../../shared/design/point-rules'
import { distance, type Point } from '../../../../shared/geometry/point'
import { boundsOf } from '../../../../shared/geometry/polygon'
import { kindNames, objectBase } from '../object-base'
import type { ShapeDefinition } from '../shape'
import { ownHandles } from '../shape-rules'

export const PIN_COLOUR = '#ffffff'

export function newPin(document: DesignDocument, point: Point): PinObject {
  return { ...objectBase(document, 'Note', PIN_COLOUR, [point]), kind: 'pin', note: '' }
}

/** The first line of the pin's note, or its name when the note is empty: what the canvas writes beside it. */
export const pinCaption = (pin: PinObject): string => pin.note.split('\n')[0] || pin.name

/** A note pin: one point with the artist's working note, hit a little more generously than a landmark. */
export const pinShape: ShapeDefinition<PinObject> = {
  kind: 'pin',
  ...kindNames('pin'),
  pickedFirst: true,
  deletedWithPoint: true,
  isClosed: isClosedOutline,
  minimumPoints,
  pointsProblem: () => null,
  handles: (pin) => ownHandles(pin.points),
  outline: (pin) => pin.points,
  hitTest: (pin, _document, p, tolerance) => distance(pin.points[0] as Point, p) <= tolerance * 2,
  bounds: (pin) => boundsOf(pin.points),
  labelAnchor: (pin) => pin.points[0] ?? null,
  figures: () => [],
}
