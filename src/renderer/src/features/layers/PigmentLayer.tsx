import type Konva from 'konva'
import { useEffect } from 'react'
import { Shape } from 'react-konva'
import { useStore } from 'zustand'
import type { CanvasStore } from '../canvas/canvas-store'
import { useCanvas } from '../canvas/use-canvas'
import type { DotRenderer } from './dot-renderer'

/**
 * The session layers' combined bitmap, multiplied into the photo below it: each dot darkens the
 * skin the way pigment does, and layers stack like filters. Drawn inside the photo's group, so
 * in image pixels; a pan or zoom redraws a few bitmaps and never touches a dot.
 */
export function PigmentLayer({ renderer, canvas }: { renderer: DotRenderer; canvas: CanvasStore }) {
  const { viewport, stage } = useCanvas(canvas, (s) => ({ viewport: s.viewport, stage: s.stage }))
  const frame = useStore(renderer.store, (s) => s.frame)

  useEffect(() => {
    renderer.setView(viewport, stage, window.devicePixelRatio || 1)
  }, [renderer, viewport, stage])

  return (
    <Shape
      listening={false}
      globalCompositeOperation="multiply"
      // `frame` changes with every new bitmap, so react-konva redraws the shape.
      name={`pigment-layer-${frame}`}
      sceneFunc={(context: Konva.Context) => {
        context.imageSmoothingEnabled = true
        for (const tile of renderer.tilesFor(viewport, stage)) {
          context.drawImage(tile.bitmap, tile.rect.x, tile.rect.y, tile.rect.width, tile.rect.height)
        }
      }}
    />
  )
}
