import { useMemo } from 'react'
import { Circle, Group, Layer } from 'react-konva'
import type { ViewportStore } from '../../src/renderer/src/canvas/viewport-store'
import { useViewport } from '../../src/renderer/src/features/canvas/use-viewport'
import type { LayerStyle } from '../../src/shared/simulation/rasterize'
import type { DotLayer } from '../../src/shared/simulation/simulate'

/**
 * The approach the dot worker replaces: every impression a react-konva `<Circle>` with a multiply
 * blend, one Konva `<Layer>` per session. Given its best chance: the circles are memoised, so a
 * pan re-renders only the five groups' transforms, and no layer listens for events (no hit
 * canvas). What is left is Konva drawing every circle on every frame.
 */
export function NaiveLayers({
  canvas,
  layers,
  styles,
}: {
  canvas: ViewportStore
  layers: readonly DotLayer[]
  styles: readonly LayerStyle[]
}) {
  const { viewport } = useViewport(canvas, (s) => ({ viewport: s.viewport }))
  const circles = useMemo(
    () =>
      layers.map((layer, l) => {
        const colours = (styles[l] as LayerStyle).zoneColours
        const opacity = (styles[l] as LayerStyle).opacity
        return Array.from(layer.x, (x, d) => {
          const z = layer.zone[d] as number
          const [r, g, b, a] = Array.from(colours.subarray(4 * z, 4 * z + 4), (c) => Math.round(c * 255))
          return (
            <Circle
              // biome-ignore lint/suspicious/noArrayIndexKey: the dots never reorder
              key={d}
              x={x}
              y={layer.y[d] as number}
              radius={layer.r[d] as number}
              fill={`rgb(${r},${g},${b})`}
              opacity={((a as number) / 255) * opacity}
              globalCompositeOperation="multiply"
              listening={false}
            />
          )
        })
      }),
    [layers, styles],
  )
  return circles.map((children, l) => (
    <Layer key={(layers[l] as DotLayer).sessionId} listening={false}>
      <Group x={viewport.x} y={viewport.y} scaleX={viewport.scale} scaleY={viewport.scale}>
        {children}
      </Group>
    </Layer>
  ))
}
