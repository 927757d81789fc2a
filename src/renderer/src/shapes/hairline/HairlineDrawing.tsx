import { Group, Line } from 'react-konva'
import type { HairlineObject } from '../../../../shared/design/design-types'
import { hairlineBand, hairlineCurve, seedOf } from '../../../../shared/design/hairline'
import { alpha, type DrawingProps, flat, highlightOf, strokeOf } from '../drawing'

/** The hairline's curve, with its soft, broken edge previewed as a band its feather width deep. */
export function HairlineDrawing({ object, midline, selected, pxPerMm, tint }: DrawingProps<HairlineObject>) {
  const curve = hairlineCurve(object, midline)
  const band = hairlineBand(curve, object.featherMm * pxPerMm, object.irregularity, seedOf(object.id))
  return (
    <Group>
      {tint && band.length > 0 && <Line points={flat(band)} closed fill={alpha(object.colour, 0.28)} />}
      <Line
        points={flat(curve)}
        stroke={object.colour}
        lineCap="round"
        {...strokeOf(selected)}
        {...highlightOf(selected)}
      />
    </Group>
  )
}
