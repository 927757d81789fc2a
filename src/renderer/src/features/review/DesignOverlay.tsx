import { Layer } from 'react-konva'
import type { DesignDocument } from '../../../../shared/design/design-types'
import type { ViewportStore } from '../../canvas/viewport-store'
import { useViewport } from '../canvas/use-viewport'
import { DesignObjects } from '../designer/DesignObjects'
import { useDocumentFigures } from '../designer/use-zone-figures'
import { ZoneReadoutLabels } from '../designer/ZoneReadoutLabels'

/**
 * The saved design drawn read-only over a review canvas, in one Konva layer that listens to
 * nothing: its objects as the designer draws them (nothing selected), then each zone's name,
 * area and impressions as the plan counts them, at screen size. No editor is made, so nothing
 * here can change it.
 */
export function DesignOverlay(props: {
  canvas: ViewportStore
  document: DesignDocument
  /** Seeds the hairline's scatter as the plan and the layers seed it. */
  designId: string
  pxPerMm: number | null
  /** Zones filled with their colour; without it only outlines, so the pigment shows true. */
  tint: boolean
}) {
  const { document, pxPerMm, tint } = props
  const { figures } = useDocumentFigures(document, props.designId, pxPerMm)
  const { viewport, image } = useViewport(props.canvas, (s) => ({ viewport: s.viewport, image: s.image }))
  return (
    <Layer listening={false}>
      <DesignObjects document={document} pxPerMm={pxPerMm} image={image} view={viewport} tint={tint} />
      <ZoneReadoutLabels objects={document.objects} figures={figures} viewport={viewport} />
    </Layer>
  )
}
