import { Label, Tag, Text } from 'react-konva'
import type { DesignObject } from '../../../../shared/design/design-types'
import { zoneReadout } from '../../../../shared/design/readouts'
import { formatQuantity } from '../../../../shared/photos/calibration'
import { toScreen, type Viewport } from '../../canvas/viewport'
import { OVERLAY } from '../canvas/overlay-style'
import { labelAnchor } from './label-anchor'

/** Each visible zone's name, area and impressions at screen size over its middle, for a Konva layer. */
export function ZoneReadoutLabels(props: {
  objects: readonly DesignObject[]
  pxPerMm: number | null
  viewport: Viewport
}) {
  return props.objects.map((object) => {
    if (object.hidden || object.kind !== 'zone') return null
    const readout = zoneReadout(object, props.pxPerMm)
    const text = `${object.name} · ${formatQuantity(readout.area)}${readout.impressions === null ? '' : ` · ${readout.impressions.toLocaleString('en')} imp.`}`
    const at = toScreen(props.viewport, labelAnchor(object.points))
    return (
      // Centred on the zone, at roughly half its text's width (12 px system font).
      <Label key={object.id} x={at.x} y={at.y} offsetX={text.length * 3.3} offsetY={12} listening={false}>
        <Tag fill={OVERLAY.labelBackground} cornerRadius={4} stroke={object.colour} strokeWidth={1} />
        <Text text={text} fill={OVERLAY.labelText} fontSize={12} padding={5} fontFamily="system-ui, sans-serif" />
      </Label>
    )
  })
}
