import { Group, Line } from 'react-konva'
import type { ZoneObject } from '../../../../shared/design/design-types'
import { alpha, type DrawingProps, flat, highlightOf, strokeOf } from '../drawing'

/** A zone's outline, tinted, with its soft edge previewed as a band its softness wide. */
export function ZoneDrawing({ object, selected, pxPerMm, tint }: DrawingProps<ZoneObject>) {
  return (
    <Group>
      {tint && object.softnessMm > 0 && (
        <Line
          points={flat(object.points)}
          closed
          stroke={object.colour}
          strokeWidth={object.softnessMm * pxPerMm}
          opacity={0.22}
          lineJoin="round"
        />
      )}
      <Line
        points={flat(object.points)}
        closed
        fill={tint ? alpha(object.colour, 0.2) : undefined}
        stroke={object.colour}
        {...strokeOf(selected)}
        {...highlightOf(selected)}
      />
    </Group>
  )
}
