import { useMemo } from 'react'
import { Group } from 'react-konva'
import type { DesignDocument } from '../../../../shared/design/design-types'
import { assumedPxPerMm } from '../../../../shared/design/hairline-presets'
import { landmarkOf } from '../../../../shared/design/landmarks'
import type { Size, Viewport } from '../../canvas/viewport'
import { DesignShape } from './DesignShape'

const NO_SELECTION: readonly string[] = []

/**
 * A design's visible objects drawn in image pixels by `DesignShape`, in one group scaled to the
 * view: the editor's canvas, the review's and the sheet's all draw a design through it.
 */
export function DesignObjects(props: {
  document: DesignDocument
  /** The calibration; without it, widths in mm use the assumed scale of an uncalibrated photo. */
  pxPerMm: number | null
  image: Size
  /** How the photo sits on the stage. */
  view: Viewport
  tint: boolean
  selection?: readonly string[]
  /** Note pins are the artist's working notes: drawn unless this is false. */
  pins?: boolean
}) {
  const { document, image, view, tint, selection = NO_SELECTION, pins = true } = props
  const mm = props.pxPerMm ?? assumedPxPerMm(image)
  const shown = document.objects.filter((o) => !o.hidden && (pins || o.kind !== 'pin'))
  const midlineLandmark = landmarkOf(document, 'midline')
  // One midline object per placed landmark, so unchanged shapes keep equal props and skip redrawing.
  const midline = useMemo(() => {
    const [a, b] = midlineLandmark?.points ?? []
    return a && b ? { a, b } : null
  }, [midlineLandmark])
  return (
    <Group x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
      {shown.map((object) => (
        <DesignShape
          key={object.id}
          object={object}
          midline={midline}
          selected={selection.includes(object.id)}
          pxPerMm={mm}
          zoom={view.scale}
          image={image}
          tint={tint}
        />
      ))}
    </Group>
  )
}
