import {
  type DesignDocument,
  SCAR_SHAPES,
  type ScarObject,
  type ScarShape,
} from '../../../../shared/design/design-types'
import { isClosedOutline, minimumPoints } from '../../../../shared/design/point-rules'
import { scarReadout } from '../../../../shared/design/readouts'
import { distance, type Point } from '../../../../shared/geometry/point'
import { boundsOf, pointInPolygon } from '../../../../shared/geometry/polygon'
import { formatQuantity } from '../../../../shared/photos/calibration'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { kindNames, labelOf, type ObjectDefaults, objectBase } from '../object-base'
import type { Figure, ShapeDefinition } from '../shape'
import { nearLine, outlineProblem, ownHandles } from '../shape-rules'

export const SCAR_COLOUR = '#eb5757'

export function newScar(
  document: DesignDocument,
  points: Point[],
  shape: ScarShape,
  defaults: ObjectDefaults = CLINICAL_DEFAULTS,
): ScarObject {
  return {
    ...objectBase(document, labelOf(SCAR_SHAPES, shape), SCAR_COLOUR, points),
    kind: 'scar',
    shape,
    widthMm: defaults.futStripWidthMm,
    dotMm: defaults.fueScarDiameterMm,
    note: '',
  }
}

export const scarShapeLabel = (scar: ScarObject): string => labelOf(SCAR_SHAPES, scar.shape)

/**
 * A scar: a FUT strip (a line with a width in mm), an outline, or a cluster of FUE dots.
 * A strip is hit across its width on a calibrated photo, a dot within a little more than the
 * click tolerance.
 */
export const scarShape: ShapeDefinition<ScarObject> = {
  kind: 'scar',
  ...kindNames('scar'),
  pickedFirst: false,
  deletedWithPoint: false,
  isClosed: isClosedOutline,
  minimumPoints,
  pointsProblem: (scar) => (isClosedOutline(scar) ? outlineProblem(scar.points) : null),
  handles: (scar) => ownHandles(scar.points),
  outline: (scar) => scar.points,
  hitTest(scar, _document, p, tolerance, pxPerMm) {
    if (scar.shape === 'polygon') return pointInPolygon(p, scar.points) || nearLine(p, scar.points, true, tolerance)
    if (scar.shape === 'dots') return scar.points.some((d) => distance(d, p) <= tolerance * 1.5)
    return nearLine(p, scar.points, false, Math.max(tolerance, pxPerMm ? (scar.widthMm * pxPerMm) / 2 : 0))
  },
  bounds: (scar) => boundsOf(scar.points),
  labelAnchor: () => null,
  figures(scar, { pxPerMm }) {
    const readout = scarReadout(scar, pxPerMm)
    const figures: Figure[] = []
    if (readout.area) figures.push({ label: 'Area', value: formatQuantity(readout.area) })
    if (readout.length) figures.push({ label: 'Length', value: formatQuantity(readout.length) })
    if (readout.dots !== null) figures.push({ label: 'Dot scars', value: readout.dots.toLocaleString('en') })
    return figures
  },
}
