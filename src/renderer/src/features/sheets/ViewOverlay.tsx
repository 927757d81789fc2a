import type Konva from 'konva'
import { useLayoutEffect, useRef } from 'react'
import { Group, Label, Layer, Line, Rect, Stage, Tag, Text } from 'react-konva'
import { type DesignDocument, ZONE_ROLES } from '../../../../shared/design/design-types'
import type { ScaleBar } from '../../../../shared/sheets/scale-bar'
import type { Size } from '../../canvas/viewport'
import { ofKind } from '../../shapes/registry'
import { zoneShape } from '../../shapes/zone/zone-shape'
import { DesignObjects } from '../designer/DesignObjects'

const INK = '#1c1c1e'
const PAPER = 'rgba(255, 255, 255, 0.88)'
const FONT = 'system-ui, "Segoe UI", Helvetica, Arial, sans-serif'

/** A ruler of the calibrated length in the photo's lower left corner, on a light card so it reads over any scalp. */
function ScaleBarMark({ bar, zoom, stage }: { bar: ScaleBar; zoom: number; stage: Size }) {
  const length = bar.px * zoom
  const pad = 8
  const x = 14
  const y = stage.height - 14 - 34
  return (
    <Group x={x} y={y}>
      <Rect width={length + 2 * pad} height={34} fill={PAPER} cornerRadius={4} />
      <Text x={pad} y={5} text={bar.label} fontSize={11} fontFamily={FONT} fontStyle="bold" fill={INK} />
      <Rect x={pad} y={21} width={length} height={5} fill={INK} />
      <Line points={[pad, 17, pad, 29]} stroke={INK} strokeWidth={1.5} />
      <Line points={[pad + length, 17, pad + length, 29]} stroke={INK} strokeWidth={1.5} />
    </Group>
  )
}

export interface ViewOverlayProps {
  image: Size
  /** The drawing's size in overlay units: strokes and labels are sized for it, the output is a multiple of it. */
  stage: Size
  document: DesignDocument
  pxPerMm: number | null
  scaleBar: ScaleBar | null
  /** Fill zones and scars with their colour; off over simulated pigment, whose true colour must show. */
  tint: boolean
  onReady(stage: Konva.Stage): void
}

/**
 * What a view's picture shows over its baked photo, on a clear stage: the design drawn as the
 * canvas draws it, each zone's name, and the scale bar. Note pins are the artist's working
 * notes and are left off; hidden objects stay hidden.
 */
export function ViewOverlay(props: ViewOverlayProps) {
  const { image, stage, document, pxPerMm, scaleBar, tint, onReady } = props
  const ref = useRef<Konva.Stage>(null)
  // Layout effects run in the commit that ends the render, after the Stage's own has built its
  // nodes: the caller draws from them once told. Drawn, then unmounted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useLayoutEffect(() => {
    if (ref.current) onReady(ref.current)
  }, [])
  const zoom = stage.width / image.width
  // The drawing is only ever exported a box at a time (`toCanvas`): a stage-sized layer canvas
  // would only cost its allocation, tens of milliseconds of the UI thread.
  return (
    <Stage ref={ref} width={1} height={1} listening={false}>
      <Layer listening={false}>
        <DesignObjects
          document={document}
          pxPerMm={pxPerMm}
          image={image}
          view={{ scale: zoom, x: 0, y: 0 }}
          tint={tint}
          pins={false}
        />
        {ofKind(document.objects, 'zone').map((object) => {
          const at = zoneShape.labelAnchor(object)
          if (object.hidden || object.points.length < 3 || !at) return null
          const name = object.name.trim() || (ZONE_ROLES.find((r) => r.value === object.role)?.label ?? '')
          return (
            <Label key={`label-${object.id}`} x={at.x * zoom} y={at.y * zoom} offsetX={name.length * 3} offsetY={10}>
              <Tag fill={PAPER} cornerRadius={3} stroke={object.colour} strokeWidth={1.5} />
              <Text text={name} fontSize={11} fontFamily={FONT} fill={INK} padding={4} />
            </Label>
          )
        })}
        {scaleBar && <ScaleBarMark bar={scaleBar} zoom={zoom} stage={stage} />}
      </Layer>
    </Stage>
  )
}
