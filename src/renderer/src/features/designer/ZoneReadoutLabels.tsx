import { Label, Tag, Text } from 'react-konva'
import type { DesignObject } from '../../../../shared/design/design-types'
import type { DesignZoneFigures } from '../../../../shared/plan/zone-figures'
import { toScreen, type Viewport } from '../../canvas/viewport'
import { ofKind } from '../../shapes/registry'
import { zoneCaption, zoneShape } from '../../shapes/zone/zone-shape'
import { OVERLAY } from '../canvas/overlay-style'

/** Each visible zone's name, area and impressions as the plan counts them, at screen size over its middle, for a Konva layer. */
export function ZoneReadoutLabels(props: {
  objects: readonly DesignObject[]
  /** The zones' figures as last counted; null until counted (names only meanwhile). */
  figures: DesignZoneFigures | null
  viewport: Viewport
}) {
  return ofKind(props.objects, 'zone').map((zone) => {
    const anchor = zoneShape.labelAnchor(zone)
    if (zone.hidden || !anchor) return null
    const text = zoneCaption(zone, props.figures?.zones.get(zone.id))
    const at = toScreen(props.viewport, anchor)
    return (
      // Centred on the zone, at roughly half its text's width (12 px system font).
      <Label key={zone.id} x={at.x} y={at.y} offsetX={text.length * 3.3} offsetY={12} listening={false}>
        <Tag fill={OVERLAY.labelBackground} cornerRadius={4} stroke={zone.colour} strokeWidth={1} />
        <Text text={text} fill={OVERLAY.labelText} fontSize={12} padding={5} fontFamily="system-ui, sans-serif" />
      </Label>
    )
  })
}
