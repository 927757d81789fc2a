import { Circle, Group, Layer, Line, Rect } from 'react-konva'
import { hairlineCurve } from '../../../../shared/design/hairline'
import { midlineOf } from '../../../../shared/design/landmarks'
import { isClosedOutline } from '../../../../shared/design/point-rules'
import type { Point } from '../../../../shared/geometry/point'
import type { Editor } from '../../editor/editor'
import { IDLE } from '../../editor/tools/tool'
import { isDesignTool } from '../../editor/tools/tool-ids'
import { isObjectKind, shapeOf } from '../../shapes/registry'
import { OVERLAY } from '../canvas/overlay-style'
import { useViewport } from '../canvas/use-viewport'
import { DesignObjects } from './DesignObjects'
import { useEditor } from './use-editor'
import { useZoneFigures } from './use-zone-figures'
import { ZoneReadoutLabels } from './ZoneReadoutLabels'

const flat = (points: readonly Point[]) => points.flatMap((p) => [p.x, p.y])

/** The committed objects; it redraws when they or the view change, never as a draft follows the pointer. */
function ObjectsLayer({ editor, tint }: { editor: Editor; tint: boolean }) {
  const { viewport, image } = useViewport(editor.viewport, (s) => ({ viewport: s.viewport, image: s.image }))
  const { document, selection, pxPerMm } = useEditor(editor, (s) => ({
    document: s.document,
    selection: s.selection,
    pxPerMm: s.pxPerMm,
  }))
  return (
    <Layer listening={false}>
      <DesignObjects
        document={document}
        pxPerMm={pxPerMm}
        image={image}
        view={viewport}
        tint={tint}
        selection={selection}
      />
    </Layer>
  )
}

/** What is being drawn, the selection's handles and the marquee: the part that follows the pointer. */
function InteractionLayer({ editor }: { editor: Editor }) {
  const { viewport } = useViewport(editor.viewport, (s) => ({ viewport: s.viewport }))
  const { tool, document, selection, toolState, pointer, mirror, scarShape, activePoint } = useEditor(editor, (s) => ({
    tool: s.tool,
    document: s.document,
    selection: s.selection,
    // The photo tools' drafts (a ruler line, a measurement) are the photo canvas's to draw.
    toolState: isDesignTool(s.tool) ? s.toolState : IDLE,
    pointer: s.pointer,
    mirror: s.options.mirror,
    scarShape: s.options.scarShape,
    activePoint: s.activePoint,
  }))
  const zoom = viewport.scale
  const transform = { x: viewport.x, y: viewport.y, scaleX: zoom, scaleY: zoom }
  const handleOwners = document.objects.filter(
    (o) => !o.hidden && !o.locked && (selection.includes(o.id) || (tool === 'hairline' && o.kind === 'hairline')),
  )
  const draft = toolState.name === 'drawing' ? [...toolState.points, ...(pointer ? [pointer] : [])] : []
  const midline = midlineOf(document)
  const draftCurve =
    tool === 'hairline' && draft.length > 1
      ? hairlineCurve({ points: draft, mirror: mirror && midline !== null }, midline)
      : draft
  const closedDraft = isObjectKind(tool) && isClosedOutline({ kind: tool, shape: scarShape })
  return (
    <Layer listening={false}>
      <Group {...transform}>
        {draft.length > 0 && (
          <Line
            points={flat(draftCurve)}
            closed={closedDraft && draft.length > 2}
            stroke={OVERLAY.draft}
            fill={closedDraft ? 'rgba(255, 255, 255, 0.12)' : undefined}
            strokeWidth={OVERLAY.stroke}
            strokeScaleEnabled={false}
            dash={[6, 4]}
          />
        )}
        {toolState.name === 'drawing' &&
          toolState.points.map((p, i) => (
            <Circle
              // biome-ignore lint/suspicious/noArrayIndexKey: draft points have no identity but their order
              key={i}
              x={p.x}
              y={p.y}
              radius={(OVERLAY.handle * (i === 0 && closedDraft ? 1.6 : 1)) / zoom}
              fill={OVERLAY.draft}
            />
          ))}
        {handleOwners.map((object) => {
          return shapeOf(object)
            .handles(object, document)
            .map(({ point: p, source }, i) => {
              const active = activePoint?.id === object.id && activePoint.index === i
              return (
                <Rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: a handle is the object's i-th point
                  key={`${object.id}:${i}`}
                  x={p.x}
                  y={p.y}
                  width={9 / zoom}
                  height={9 / zoom}
                  offsetX={4.5 / zoom}
                  offsetY={4.5 / zoom}
                  // A reflected point is hollow: dragging it moves its original on the other side.
                  fill={source.mirrored ? undefined : active ? object.colour : '#ffffff'}
                  stroke={active ? '#ffffff' : object.colour}
                  strokeWidth={1.5}
                  strokeScaleEnabled={false}
                />
              )
            })
        })}
        {toolState.name === 'marquee' && (
          <Rect
            x={Math.min(toolState.from.x, toolState.to.x)}
            y={Math.min(toolState.from.y, toolState.to.y)}
            width={Math.abs(toolState.to.x - toolState.from.x)}
            height={Math.abs(toolState.to.y - toolState.from.y)}
            stroke="#ffffff"
            strokeWidth={1}
            strokeScaleEnabled={false}
            dash={[4, 3]}
            fill="rgba(255, 255, 255, 0.08)"
          />
        )}
      </Group>
    </Layer>
  )
}

/** Each zone's readout at screen size: redrawn when the objects, their counted figures or the view change. */
function LabelsLayer({ editor }: { editor: Editor }) {
  const viewport = useViewport(editor.viewport, (s) => ({ viewport: s.viewport })).viewport
  const objects = useEditor(editor, (s) => s.document.objects)
  const { figures } = useZoneFigures()
  return (
    <Layer listening={false}>
      <ZoneReadoutLabels objects={objects} figures={figures} viewport={viewport} />
    </Layer>
  )
}

/**
 * The design over the photo, in three Konva layers as Konva advises: the committed objects,
 * then what is being drawn with the selection's handles, then readout labels at screen size.
 * Each reads only its own slice of state. Nothing here listens for events: the editor
 * hit-tests in plain TypeScript. Without `tint`, zones, scars and the hairline band are drawn as
 * outlines only, so the simulated pigment under them shows its true colour.
 */
export function DesignLayers({ editor, tint = true }: { editor: Editor; tint?: boolean }) {
  return (
    <>
      <ObjectsLayer editor={editor} tint={tint} />
      <InteractionLayer editor={editor} />
      <LabelsLayer editor={editor} />
    </>
  )
}
