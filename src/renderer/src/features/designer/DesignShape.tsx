import { memo } from 'react'
import { Circle, Group, Line, Text } from 'react-konva'
import type { DesignObject } from '../../../../shared/design/design-types'
import { hairlineBand, hairlineCurve, seedOf } from '../../../../shared/design/hairline'
import type { Line as MidLine } from '../../../../shared/geometry/line'
import type { Point } from '../../../../shared/geometry/point'
import { OVERLAY } from '../canvas/overlay-style'

const flat = (points: readonly Point[]) => points.flatMap((p) => [p.x, p.y])
const alpha = (colour: string, a: number) =>
  `${colour}${Math.round(a * 255)
    .toString(16)
    .padStart(2, '0')}`

interface ShapeProps {
  object: DesignObject
  /** The midline a mirrored hairline reflects about. */
  midline: MidLine | null
  selected: boolean
  /** px per mm for widths in mm: the calibration's, or the assumed one on an uncalibrated photo. */
  pxPerMm: number
  /** The viewport scale, to keep strokes and labels a constant size on screen. */
  zoom: number
  image: { width: number; height: number }
  /** Fill areas with their colour; off, only outlines are drawn. */
  tint: boolean
}

/** A name drawn beside a point at a constant screen size, whatever the zoom. */
function Tag({ at, text, zoom, colour }: { at: Point; text: string; zoom: number; colour: string }) {
  return (
    <Text
      x={at.x + 8 / zoom}
      y={at.y - 6 / zoom}
      scaleX={1 / zoom}
      scaleY={1 / zoom}
      text={text}
      fontSize={12}
      fontFamily="system-ui, sans-serif"
      fill={colour}
      shadowColor="#000"
      shadowBlur={3}
      shadowOpacity={0.9}
    />
  )
}

/**
 * One design object drawn in image pixels, with the preview of its soft edge or width in real mm.
 * Memoised: panning, or editing another object, does not recompute a hairline's curve and band.
 */
export const DesignShape = memo(function DesignShape({
  object,
  midline,
  selected,
  pxPerMm,
  zoom,
  image,
  tint,
}: ShapeProps) {
  const stroke = { strokeScaleEnabled: false, strokeWidth: selected ? 3 : 2, lineJoin: 'round' as const }
  const highlight = selected ? { shadowColor: '#ffffff', shadowBlur: 6, shadowOpacity: 0.9 } : {}
  switch (object.kind) {
    case 'zone':
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
            {...stroke}
            {...highlight}
          />
        </Group>
      )
    case 'scar':
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
    case 'hairline': {
      const curve = hairlineCurve(object, midline)
      const band = hairlineBand(curve, object.featherMm * pxPerMm, object.irregularity, seedOf(object.id))
      return (
        <Group>
          {tint && band.length > 0 && <Line points={flat(band)} closed fill={alpha(object.colour, 0.28)} />}
          <Line points={flat(curve)} stroke={object.colour} lineCap="round" {...stroke} {...highlight} />
        </Group>
      )
    }
    case 'landmark': {
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
      const p = object.points[0] as Point
      const arm = 9 / zoom
      return (
        <Group {...highlight}>
          <Line points={[p.x - arm, p.y, p.x + arm, p.y]} stroke={object.colour} {...stroke} />
          <Line points={[p.x, p.y - arm, p.x, p.y + arm]} stroke={object.colour} {...stroke} />
          <Circle x={p.x} y={p.y} radius={5 / zoom} stroke={object.colour} {...stroke} />
          <Tag at={p} text={object.name} zoom={zoom} colour={object.colour} />
        </Group>
      )
    }
    case 'pin': {
      const p = object.points[0] as Point
      const firstLine = object.note.split('\n')[0] ?? ''
      return (
        <Group {...highlight}>
          <Circle x={p.x} y={p.y} radius={6 / zoom} fill={object.colour} stroke={OVERLAY.labelBackground} {...stroke} />
          <Tag at={p} text={firstLine || object.name} zoom={zoom} colour={OVERLAY.labelText} />
        </Group>
      )
    }
  }
})
