import { Circle, Group, Layer, Line } from 'react-konva'
import type { Point } from '../../../../shared/geometry/point'
import { formatQuantity, lengthOf, measure } from '../../../../shared/photos/calibration'
import { toScreen } from '../../canvas/viewport'
import type { Editor } from '../../editor/editor'
import { useEditor } from '../designer/use-editor'
import { OVERLAY } from './overlay-style'
import { ScreenLabel } from './ScreenLabel'
import { useViewport } from './use-viewport'

const flat = (points: readonly Point[]) => points.flatMap((p) => [p.x, p.y])

/**
 * What the photo's own tools are drawing: a ruler line or a measurement following the pointer,
 * with its live readout, and a ruler line waiting for its length.
 */
export function PhotoToolDrawing({ editor }: { editor: Editor }) {
  const { viewport } = useViewport(editor.viewport, (s) => ({ viewport: s.viewport }))
  const { tool, toolState, pointer, pxPerMm } = useEditor(editor, (s) => ({
    tool: s.tool,
    toolState: s.toolState,
    pointer: s.pointer,
    pxPerMm: s.pxPerMm,
  }))
  if (tool !== 'distance' && tool !== 'area' && tool !== 'calibrate') return null
  const transform = { x: viewport.x, y: viewport.y, scaleX: viewport.scale, scaleY: viewport.scale }
  if (toolState.name === 'awaiting-length') {
    return (
      <Layer listening={false}>
        <Group {...transform}>
          <Line
            points={flat(toolState.points)}
            stroke={OVERLAY.calibration}
            strokeWidth={OVERLAY.stroke}
            strokeScaleEnabled={false}
          />
        </Group>
      </Layer>
    )
  }
  if (toolState.name !== 'drawing') return null
  const placed = toolState.points
  const live = pointer ? [...placed, pointer] : placed
  const liveText = (() => {
    if (live.length < 2) return null
    if (tool === 'area')
      return live.length < 3 ? null : formatQuantity(measure({ kind: 'area', points: live }, pxPerMm))
    if (tool === 'calibrate') return `${Math.round(lengthOf(live, null).value)} px ruler line`
    return formatQuantity(lengthOf(live, pxPerMm))
  })()
  const handleRadius = OVERLAY.handle / viewport.scale
  return (
    <Layer listening={false}>
      <Group {...transform}>
        <Line
          points={flat(live)}
          closed={tool === 'area' && live.length > 2}
          stroke={tool === 'calibrate' ? OVERLAY.calibration : OVERLAY.draft}
          fill={tool === 'area' ? OVERLAY.areaFill : undefined}
          strokeWidth={OVERLAY.stroke}
          strokeScaleEnabled={false}
          dash={[6, 4]}
          dashEnabled
        />
        {placed.map((p, i) => (
          <Circle
            // biome-ignore lint/suspicious/noArrayIndexKey: a drawing's corners have no identity but their order
            key={i}
            x={p.x}
            y={p.y}
            radius={handleRadius * (i === 0 && tool === 'area' ? 1.6 : 1)}
            fill={OVERLAY.draft}
            strokeScaleEnabled={false}
          />
        ))}
      </Group>
      {liveText && pointer && (
        <ScreenLabel at={toScreen(viewport, live.at(-1) as Point)} text={liveText} colour={OVERLAY.draft} />
      )}
    </Layer>
  )
}
