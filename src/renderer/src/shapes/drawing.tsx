import { Text } from 'react-konva'
import type { DesignObject } from '../../../shared/design/design-types'
import type { Line } from '../../../shared/geometry/line'
import type { Point } from '../../../shared/geometry/point'

/** What every kind's drawing component is given: one object, drawn in image pixels. */
export interface DrawingProps<O extends DesignObject> {
  object: O
  /** The midline a mirrored hairline reflects about. */
  midline: Line | null
  selected: boolean
  /** px per mm for widths in mm: the calibration's, or the assumed one on an uncalibrated photo. */
  pxPerMm: number
  /** The viewport scale, to keep strokes and labels a constant size on screen. */
  zoom: number
  image: { width: number; height: number }
  /** Fill areas with their colour; off, only outlines are drawn. */
  tint: boolean
}

export const flat = (points: readonly Point[]): number[] => points.flatMap((p) => [p.x, p.y])

/** `#rrggbb` with an alpha channel. */
export const alpha = (colour: string, a: number): string =>
  `${colour}${Math.round(a * 255)
    .toString(16)
    .padStart(2, '0')}`

/** A line at a constant screen width, thicker when its object is selected. */
export const strokeOf = (selected: boolean) => ({
  strokeScaleEnabled: false,
  strokeWidth: selected ? 3 : 2,
  lineJoin: 'round' as const,
})

/** The glow a selected object gets. */
export const highlightOf = (selected: boolean) =>
  selected ? { shadowColor: '#ffffff', shadowBlur: 6, shadowOpacity: 0.9 } : {}

/** A name drawn beside a point at a constant screen size, whatever the zoom. */
export function Tag({ at, text, zoom, colour }: { at: Point; text: string; zoom: number; colour: string }) {
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
