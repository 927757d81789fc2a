import { Circle, Group } from 'react-konva'
import type { PinObject } from '../../../../shared/design/design-types'
import type { Point } from '../../../../shared/geometry/point'
import { OVERLAY } from '../../features/canvas/overlay-style'
import { type DrawingProps, highlightOf, strokeOf, Tag } from '../drawing'
import { pinCaption } from './pin-shape'

/** A dot with the first line of its note beside it. */
export function PinDrawing({ object, selected, zoom }: DrawingProps<PinObject>) {
  const p = object.points[0] as Point
  return (
    <Group {...highlightOf(selected)}>
      <Circle
        x={p.x}
        y={p.y}
        radius={6 / zoom}
        fill={object.colour}
        stroke={OVERLAY.labelBackground}
        {...strokeOf(selected)}
      />
      <Tag at={p} text={pinCaption(object)} zoom={zoom} colour={OVERLAY.labelText} />
    </Group>
  )
}
