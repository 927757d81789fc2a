import { Circle, Group, Line } from 'react-konva'
import type { LandmarkObject } from '../../../../shared/design/design-types'
import type { Point } from '../../../../shared/geometry/point'
import { type DrawingProps, highlightOf, strokeOf, Tag } from '../drawing'

/** The midline as a dashed line across the photo; any other landmark as a named cross-hair. */
export function LandmarkDrawing({ object, selected, zoom, image }: DrawingProps<LandmarkObject>) {
  const stroke = strokeOf(selected)
  const highlight = highlightOf(selected)
  if (object.role === 'midline') {
    const [a, b] = object.points as [Point, Point]
    // Drawn right across the photo and no further: the midline is a line, its two points only fix it.
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1
    const reach = Math.hypot(image.width, image.height)
    const ux = (b.x - a.x) / length
    const uy = (b.y - a.y) / length
    return (
      <Group clipX={0} clipY={0} clipWidth={image.width} clipHeight={image.height}>
        <Line
          points={[a.x - ux * reach, a.y - uy * reach, b.x + ux * reach, b.y + uy * reach]}
          stroke={object.colour}
          dash={[10, 6]}
          {...stroke}
          {...highlight}
        />
      </Group>
    )
  }
  const at = object.points[0] as Point
  const arm = 9 / zoom
  return (
    <Group {...highlight}>
      <Line points={[at.x - arm, at.y, at.x + arm, at.y]} stroke={object.colour} {...stroke} />
      <Line points={[at.x, at.y - arm, at.x, at.y + arm]} stroke={object.colour} {...stroke} />
      <Circle x={at.x} y={at.y} radius={5 / zoom} stroke={object.colour} {...stroke} />
      <Tag at={at} text={object.name} zoom={zoom} colour={object.colour} />
    </Group>
  )
}
