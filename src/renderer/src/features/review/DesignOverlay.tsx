import { useMemo } from 'react'
import { Group, Label, Layer, Tag, Text } from 'react-konva'
import type { DesignDocument } from '../../../../shared/design/design-types'
import { assumedPxPerMm } from '../../../../shared/design/hairline-presets'
import { landmarkOf } from '../../../../shared/design/landmarks'
import { zoneReadout } from '../../../../shared/design/readouts'
import type { Point } from '../../../../shared/geometry/point'
import { formatQuantity } from '../../../../shared/photos/calibration'
import type { CanvasStore } from '../canvas/canvas-store'
import { OVERLAY } from '../canvas/overlay-style'
import { useCanvas } from '../canvas/use-canvas'
import { toScreen } from '../canvas/viewport'
import { DesignShape } from '../designer/DesignShape'

function centroid(points: readonly Point[]): Point {
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 })
  return { x: sum.x / points.length, y: sum.y / points.length }
}

/**
 * The saved design drawn read-only over a review canvas, in one Konva layer that listens to
 * nothing: its objects as the designer draws them (nothing selected), then each zone's name,
 * area and impressions at screen size. No editor is made, so nothing here can change it.
 */
export function DesignOverlay(props: {
  canvas: CanvasStore
  document: DesignDocument
  pxPerMm: number | null
  /** Zones filled with their colour; without it only outlines, so the pigment shows true. */
  tint: boolean
}) {
  const { document, pxPerMm, tint } = props
  const { viewport, image } = useCanvas(props.canvas, (s) => ({ viewport: s.viewport, image: s.image }))
  const zoom = viewport.scale
  const mm = pxPerMm ?? assumedPxPerMm(image)
  const visible = document.objects.filter((o) => !o.hidden)
  const midlineLandmark = landmarkOf(document, 'midline')
  const midline = useMemo(() => {
    const [a, b] = midlineLandmark?.points ?? []
    return a && b ? { a, b } : null
  }, [midlineLandmark])
  return (
    <Layer listening={false}>
      <Group x={viewport.x} y={viewport.y} scaleX={zoom} scaleY={zoom}>
        {visible.map((object) => (
          <DesignShape
            key={object.id}
            object={object}
            midline={midline}
            selected={false}
            pxPerMm={mm}
            zoom={zoom}
            image={image}
            tint={tint}
          />
        ))}
      </Group>
      {visible.map((object) => {
        if (object.kind !== 'zone') return null
        const readout = zoneReadout(object, pxPerMm)
        const text = `${object.name} · ${formatQuantity(readout.area)}${readout.impressions === null ? '' : ` · ${readout.impressions.toLocaleString('en')} imp.`}`
        const at = toScreen(viewport, centroid(object.points))
        return (
          <Label key={object.id} x={at.x} y={at.y} offsetX={text.length * 3.3} offsetY={12}>
            <Tag fill={OVERLAY.labelBackground} cornerRadius={4} stroke={object.colour} strokeWidth={1} />
            <Text text={text} fill={OVERLAY.labelText} fontSize={12} padding={5} fontFamily="system-ui, sans-serif" />
          </Label>
        )
      })}
    </Layer>
  )
}
