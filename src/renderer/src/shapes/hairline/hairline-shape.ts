import type { DesignDocument, HairlineObject, LandmarkObject } from '../../../../shared/design/design-types'
import { hairlineControls, hairlineCurve, type PointSource } from '../../../../shared/design/hairline'
import { type HairlinePreset, presetFrame, presetHalf } from '../../../../shared/design/hairline-presets'
import { glabellaOf, midlineOf, upDirection } from '../../../../shared/design/landmarks'
import { isClosedOutline, minimumPoints } from '../../../../shared/design/point-rules'
import { type HairlineReadout, HEIGHT_EXPLANATION, hairlineReadout } from '../../../../shared/design/readouts'
import type { Point } from '../../../../shared/geometry/point'
import { boundsOf } from '../../../../shared/geometry/polygon'
import { formatQuantity } from '../../../../shared/photos/calibration'
import { CLINICAL_DEFAULTS } from '../../../../shared/settings/clinical-defaults'
import { newLandmark } from '../landmark/landmark-shape'
import { kindNames, type ObjectDefaults, objectBase } from '../object-base'
import type { Figure, ShapeDefinition } from '../shape'
import { nearLine } from '../shape-rules'

export const HAIRLINE_COLOUR = '#ff5c8a'

export function newHairline(
  document: DesignDocument,
  points: Point[],
  mirror: boolean,
  defaults: ObjectDefaults = CLINICAL_DEFAULTS,
): HairlineObject {
  return {
    ...objectBase(document, 'Hairline', HAIRLINE_COLOUR, points),
    kind: 'hairline',
    mirror,
    featherMm: defaults.hairlineFeatherMm,
    irregularity: defaults.hairlineIrregularity,
  }
}

/** A hairline's length and its height above the glabella, or why the height cannot be found yet. */
export function hairlineFigures(readout: HairlineReadout, lengthLabel: string): Figure[] {
  const height: Figure = readout.height
    ? readout.tapeHeight
      ? {
          label: 'Height above glabella',
          value: `${formatQuantity(readout.tapeHeight)} over the forehead (tape)`,
          detail: ` · ${formatQuantity(readout.height)} flat on the photo`,
        }
      : { label: 'Height above glabella', value: formatQuantity(readout.height) }
    : { label: 'Height above glabella', value: readout.heightHint ?? '', tone: 'muted' }
  return [
    { label: lengthLabel, value: formatQuantity(readout.length) },
    { ...height, explanation: HEIGHT_EXPLANATION },
    ...(readout.lowHint ? [{ label: null, value: readout.lowHint, tone: 'warning' } satisfies Figure] : []),
  ]
}

/** Where a preset goes: the photo, its calibration, the user's settings and the photo's edges. */
export interface PresetPlacement {
  image: { width: number; height: number }
  pxPerMm: number | null
  defaults: ObjectDefaults
  clamp(p: Point): Point
}

/**
 * A preset hairline's stored half, mirrored about the midline, sized by the calibration and the
 * user's settings (heights by the tape over their forehead radius) and placed from the glabella.
 * Without a midline it proposes one down the middle of the photo, to add first. `cut` says
 * whether points past the photo were held at its edge.
 */
export function presetHairline(
  document: DesignDocument,
  preset: HairlinePreset,
  { image, pxPerMm, defaults, clamp }: PresetPlacement,
): { midline: LandmarkObject | null; points: Point[]; cut: boolean } {
  const placed = midlineOf(document)
  const down = { a: { x: image.width / 2, y: image.height * 0.1 }, b: { x: image.width / 2, y: image.height * 0.9 } }
  const midline = placed ? null : newLandmark(document, [down.a, down.b], 'midline')
  const line = placed ?? down
  const frame = presetFrame(image, glabellaOf(document), line, upDirection(line), pxPerMm)
  const half = presetHalf(
    preset,
    frame,
    defaults.midFrontalHeightCm,
    defaults.frontoTemporalOffsetCm,
    defaults.foreheadRadiusCm,
  )
  // True size matters more than the shape's edge: the mid-frontal height is the clinical figure.
  const points = half.map(clamp)
  const cut = points.some((p, i) => p.x !== half[i]?.x || p.y !== half[i]?.y)
  return { midline, points, cut }
}

/**
 * The hairline: a smooth curve through its control points, one half mirrored about the facial
 * midline when `mirror` is on. It is hit, bounded and measured along the curve, not its points.
 */
export const hairlineShape: ShapeDefinition<HairlineObject> = {
  kind: 'hairline',
  ...kindNames('hairline'),
  pickedFirst: true,
  deletedWithPoint: false,
  isClosed: isClosedOutline,
  minimumPoints,
  pointsProblem: () => null,
  handles(hairline, document) {
    const { points, sources } = hairlineControls(hairline, midlineOf(document))
    return points.map((point, i) => ({ point, source: sources[i] as PointSource }))
  },
  outline: (hairline, document) => hairlineCurve(hairline, midlineOf(document)),
  hitTest: (hairline, document, p, tolerance) =>
    nearLine(p, hairlineCurve(hairline, midlineOf(document)), false, tolerance),
  bounds: (hairline, document) => boundsOf(hairlineCurve(hairline, midlineOf(document))),
  labelAnchor: () => null,
  figures: (hairline, { document, pxPerMm, settings }) =>
    hairlineFigures(hairlineReadout(hairline, document, pxPerMm, settings), 'Length'),
}
