import { Circle, Group, Line } from 'react-konva'
import type { ScarObject } from '../../../../shared/design/design-types'
import { alpha, type DrawingProps, flat, highlightOf, strokeOf } from '../drawing'

/** A strip as a dashed centre line over a band its width in mm, FUE dots at their diameter, or a dashed outline. */
export function ScarDrawing({ object, selected, pxPerMm, zoom, tint }: DrawingProps<ScarObject>) {
  const stroke = strokeOf(selected)
  const highlight = highlightOf(selected)
  if (object.shape === 'dots')
    return (
      <Group {...highlight}>
        {object.points.map((p, i) => (
          <Circle
            // biome-ignore lint/suspicious/noArrayIndexKey: dots have no identity but their order
            key={i}
            x={p.x}
            y={p.y}
            radius={Math.max((object.dotMm / 2) * pxPerMm, 3 / zoom)}
            fill={alpha(object.colour, 0.75)}
            stroke={selected ? '#ffffff' : object.colour}
            strokeWidth={1}
            strokeScaleEnabled={false}
          />
        ))}
      </Group>
    )
  if (object.shape === 'strip')
    return (
      <Group>
        <Line
          points={flat(object.points)}
          stroke={object.colour}
          strokeWidth={object.widthMm * pxPerMm}
          opacity={0.35}
          lineCap="round"
          lineJoin="round"
        />
        <Line points={flat(object.points)} stroke={object.colour} dash={[6, 4]} {...stroke} {...highlight} />
      </Group>
    )
  return (
    <Line
      points={flat(object.points)}
      closed
      fill={tint ? alpha(object.colour, 0.3) : undefined}
      stroke={object.colour}
      dash={[6, 4]}
      {...stroke}
      {...highlight}
    />
  )
}
