import { Label, Tag, Text } from 'react-konva'
import type { Point } from '../../../../shared/geometry/point'
import { OVERLAY } from './overlay-style'

/** A readout at screen size beside a point on the stage, whatever the zoom. */
export function ScreenLabel({ at, text, colour }: { at: Point; text: string; colour: string }) {
  return (
    <Label x={at.x + 10} y={at.y - 28} listening={false}>
      <Tag fill={OVERLAY.labelBackground} cornerRadius={4} stroke={colour} strokeWidth={1} />
      <Text text={text} fill={OVERLAY.labelText} fontSize={12} padding={5} fontFamily="system-ui, sans-serif" />
    </Label>
  )
}
