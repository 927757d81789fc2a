import type Konva from 'konva'
import { useRef } from 'react'
import { Circle, Group, Layer, Rect, Text } from 'react-konva'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { isResolved } from '../../../../shared/comments/comment'
import type { Point } from '../../../../shared/geometry/point'
import { toImage, toScreen } from '../../canvas/viewport'
import type { ViewportStore } from '../../canvas/viewport-store'
import { ClickManager, type PointerInfo } from '../../editor/click-manager'
import { useViewport } from '../canvas/use-viewport'
import { type CommentsStore, pinNumbers } from './comments-store'

/**
 * Pin colours: an amber no skin or pigment has for an open comment, a quiet grey once resolved.
 * Konva needs values, not CSS variables.
 */
export const PIN = {
  open: '#ffb020',
  resolved: '#8e8e96',
  pending: '#ffffff',
  text: '#141416',
  ring: '#ffffff',
  /** Screen pixels, whatever the zoom. */
  radius: 11,
} as const

function Pin(props: {
  at: Point
  label: string
  fill: string
  selected: boolean
  dashed?: boolean
  onSelect?(): void
}) {
  const { at, label, fill, selected } = props
  return (
    <Group x={at.x} y={at.y} onClick={props.onSelect} listening={Boolean(props.onSelect)}>
      <Circle
        radius={PIN.radius}
        fill={fill}
        stroke={selected ? PIN.ring : 'rgba(0, 0, 0, 0.55)'}
        strokeWidth={selected ? 3 : 1.5}
        dash={props.dashed ? [4, 3] : undefined}
        shadowColor="#000000"
        shadowBlur={4}
        shadowOpacity={0.5}
      />
      <Text
        text={label}
        width={PIN.radius * 2}
        height={PIN.radius * 2}
        offsetX={PIN.radius}
        offsetY={PIN.radius}
        align="center"
        verticalAlign="middle"
        fontSize={12}
        fontStyle="bold"
        fontFamily="system-ui, sans-serif"
        fill={PIN.text}
        listening={false}
      />
    </Group>
  )
}

/**
 * The comment pins over a review canvas, numbered as the list numbers them and kept at their
 * photo point through pan and zoom. While placing, a click on the photo pins a new comment
 * there; a drag still pans.
 */
export function CommentPins({ canvas, comments }: { canvas: ViewportStore; comments: CommentsStore }) {
  const { viewport, stage, image } = useViewport(canvas, (s) => ({
    viewport: s.viewport,
    stage: s.stage,
    image: s.image,
  }))
  const { list, selectedId, placing, pending } = useStore(
    comments,
    useShallow((s) => ({ list: s.comments, selectedId: s.selectedId, placing: s.placing, pending: s.pending })),
  )
  // A press and release within the click slop places a pin; more is a drag, which pans.
  const clicks = useRef(new ClickManager()).current
  const numbers = pinNumbers(list)
  const pointer = (event: Konva.KonvaEventObject<MouseEvent>): PointerInfo | null => {
    const screen = event.target.getStage()?.getPointerPosition()
    if (!screen) return null
    const { button, shiftKey, altKey, timeStamp } = event.evt
    return { screen, button, shift: shiftKey, alt: altKey, time: timeStamp }
  }

  const onUp = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const info = pointer(event)
    if (!info) return
    const released = clicks.up(info)
    if (info.button !== 0 || (released !== 'click' && released !== 'double-click')) return
    const at = info.screen
    const point = toImage(canvas.getState().viewport, at)
    if (point.x < 0 || point.y < 0 || point.x > image.width || point.y > image.height) return
    comments.getState().place(point)
  }

  return (
    <Layer>
      {placing && (
        <Rect
          width={stage.width}
          height={stage.height}
          fill="transparent"
          onMouseDown={(event) => {
            const info = pointer(event)
            if (info) clicks.down(info)
          }}
          onMouseUp={onUp}
        />
      )}
      {list.map((comment) => (
        <Pin
          key={comment.id}
          at={toScreen(viewport, comment.at)}
          label={String(numbers.get(comment.id))}
          fill={isResolved(comment) ? PIN.resolved : PIN.open}
          selected={comment.id === selectedId}
          onSelect={() => comments.getState().select(comment.id)}
        />
      ))}
      {pending && <Pin at={toScreen(viewport, pending)} label="+" fill={PIN.pending} selected dashed />}
    </Layer>
  )
}
